import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  decryptOptional,
  decryptPersonal,
  encryptOptional,
  encryptPersonal,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  personalDataKey,
} from "./crypto";

const key = personalDataKey("test-secret-test-secret-test-secret-0123");

describe("personal data encryption", () => {
  it("round-trips text, including Chinese", () => {
    const value = encryptPersonal(key, "河南省郑州市金水区花园路1号");
    assert.match(value, /^v1:[A-Za-z0-9+/]+=*$/);
    assert.equal(decryptPersonal(key, value), "河南省郑州市金水区花园路1号");
  });

  it("never contains the plain text and differs each time (fresh IV)", () => {
    const a = encryptPersonal(key, "410122199001011234");
    const b = encryptPersonal(key, "410122199001011234");
    assert.notEqual(a, b);
    assert.ok(!a.includes("410122"));
  });

  it("derives the same key from the same secret and a different one from another", () => {
    const value = encryptPersonal(key, "13812345678");
    assert.equal(
      decryptPersonal(personalDataKey("test-secret-test-secret-test-secret-0123"), value),
      "13812345678",
    );
    const other = personalDataKey("another-secret-another-secret-another-1");
    assert.throws(() => decryptPersonal(other, value));
  });

  it("refuses an altered ciphertext", () => {
    const value = encryptPersonal(key, "13812345678");
    const raw = Buffer.from(value.slice(3), "base64");
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    assert.throws(() => decryptPersonal(key, `v1:${raw.toString("base64")}`));
    assert.throws(() => decryptPersonal(key, "plain text"));
  });

  it("keeps empty optional values as null", () => {
    assert.equal(encryptOptional(key, ""), null);
    assert.equal(encryptOptional(key, null), null);
    assert.equal(decryptOptional(key, null), null);
    assert.equal(decryptOptional(key, encryptOptional(key, "a@b.cn")), "a@b.cn");
  });
});

describe("masks", () => {
  it("masks a resident ID number to its first and last four characters", () => {
    assert.equal(maskIdNumber("410122199001011234"), "4101**********1234");
    assert.equal(maskIdNumber("E12345678"), "E******78");
  });

  it("masks a mobile number to 138****5678", () => {
    assert.equal(maskPhone("13812345678"), "138****5678");
    assert.equal(maskPhone("0371-12345678"), "037******5678");
  });

  it("masks names, keeping the family name", () => {
    assert.equal(maskName("张三丰"), "张*丰");
    assert.equal(maskName("张三"), "张*");
    assert.equal(maskName("欧阳娜娜"), "欧**娜");
    assert.equal(maskName("张"), "*");
  });

  it("masks an e-mail address to its first character and domain", () => {
    assert.equal(maskEmail("zhang@example.com"), "z***@example.com");
  });
});
