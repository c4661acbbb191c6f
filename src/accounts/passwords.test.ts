import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkPasswordPolicy,
  generateInitialPassword,
  hashPassword,
  verifyPassword,
} from "./passwords";

describe("password policy", () => {
  it("a password shorter than 10 characters is refused", () => {
    assert.equal(checkPasswordPolicy("Ab1!Ab1!A"), "密码至少10位。");
  });

  it("10 characters from only two classes are refused", () => {
    for (const twoClasses of ["abcdefghij12", "ABCDEFGHIJ12", "abcdeFGHIJK", "abcdefgh!!!"]) {
      assert.match(checkPasswordPolicy(twoClasses) ?? "", /至少三类/, twoClasses);
    }
  });

  it("10 characters from any three of lower, upper, digit and symbol are accepted", () => {
    for (const threeClasses of [
      "abcdeFGHI1",
      "abcdefgh1!",
      "ABCDEFGH1!",
      "abcdEFGH!!",
      "Ab1!Ab1!Ab",
    ]) {
      assert.equal(checkPasswordPolicy(threeClasses), null, threeClasses);
    }
  });

  it("Chinese characters count as symbols", () => {
    assert.equal(checkPasswordPolicy("市场监管局abc123"), null);
  });

  it("a password over 200 characters is refused", () => {
    assert.match(checkPasswordPolicy(`Aa1!${"x".repeat(200)}`) ?? "", /200/);
  });

  it("a generated initial password always meets the policy and is never repeated", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateInitialPassword();
      assert.equal(checkPasswordPolicy(password), null, password);
      seen.add(password);
    }
    assert.equal(seen.size, 200);
  });
});

describe("password hashing", () => {
  it("passwords are stored as argon2id hashes that verify only the right password", async () => {
    const stored = await hashPassword("Correct-Horse-1");
    assert.match(stored, /^\$argon2id\$/);
    assert.doesNotMatch(stored, /Correct-Horse-1/);
    assert.equal(await verifyPassword(stored, "Correct-Horse-1"), true);
    assert.equal(await verifyPassword(stored, "correct-horse-1"), false);
  });

  it("hashing the same password twice gives different hashes (salted)", async () => {
    assert.notEqual(await hashPassword("Same-Passw0rd"), await hashPassword("Same-Passw0rd"));
  });

  it("a malformed stored hash fails verification instead of throwing", async () => {
    assert.equal(await verifyPassword("not-a-hash", "whatever"), false);
  });
});
