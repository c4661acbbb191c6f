import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  creditCodeCheckChar,
  creditCodeProblem,
  findIdNumber,
  idCheckChar,
  isCreditCode,
  isIdNumber,
  maskNameIn,
  normaliseCreditCode,
  parseSubjectType,
  publicPersonName,
  subjectTypeOf,
} from "./identity-checks";

// GB 11643-1999's own example number.
const ID18 = "11010519491231002X";

describe("居民身份证号码", () => {
  it("accepts the standard's example and rejects a wrong check character", () => {
    assert.equal(isIdNumber(ID18), true);
    assert.equal(isIdNumber(ID18.toLowerCase()), true);
    assert.equal(isIdNumber("110105194912310021"), false);
    assert.equal(idCheckChar("11010519491231002"), "X");
  });

  it("every check character is computed from the weights (one per sum mod 11)", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const first17 = `4101221990010${String(1000 + n).slice(-4)}`;
      const check = idCheckChar(first17);
      seen.add(check);
      assert.equal(isIdNumber(first17 + check), true, first17 + check);
      const wrong = check === "0" ? "1" : "0";
      assert.equal(isIdNumber(first17 + wrong), false);
    }
    assert.equal(seen.size, 11);
  });

  it("refuses impossible birth dates in 18-digit numbers", () => {
    for (const birth of ["19900230", "19901301", "18991231", "21000101", "19900000"]) {
      const first17 = `410122${birth}123`;
      assert.equal(isIdNumber(first17 + idCheckChar(first17)), false, birth);
    }
    const leap = "410122200002291234".slice(0, 17);
    assert.equal(isIdNumber(leap + idCheckChar(leap)), true);
  });

  it("accepts the old 15-digit form with a real 19YYMMDD birth date", () => {
    assert.equal(isIdNumber("410122900101123"), true);
    assert.equal(isIdNumber("410122901301123"), false);
    assert.equal(isIdNumber("010122900101123"), false);
    assert.equal(isIdNumber("41012290010112"), false);
  });

  it("finds a number written inside text, also in full-width digits, but not inside longer codes", () => {
    assert.equal(findIdNumber(`当事人张三丰(身份证号${ID18})经营……`), ID18);
    const fullWidth = ID18.replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    assert.equal(findIdNumber(`号码:${fullWidth}`), ID18);
    assert.equal(findIdNumber(`编号 JY${ID18.slice(0, 17)}`), null);
    assert.equal(findIdNumber(`${ID18}1`), null);
    assert.equal(findIdNumber("旧号410122900101123。"), "410122900101123");
    assert.equal(findIdNumber("电话13812345678,罚款20000元"), null);
    assert.equal(findIdNumber("渑市监处罚〔2025〕12号"), null);
  });
});

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts the standard's example", () => {
    assert.equal(creditCodeProblem("91350100M000100Y43"), null);
    assert.equal(isCreditCode("91350100M000100Y43"), true);
  });

  it("names what is wrong", () => {
    assert.match(creditCodeProblem("91350100M000100Y4")!, /应为18位/);
    assert.match(creditCodeProblem("91350100M000100I43")!, /不使用I、O、Z、S、V/);
    assert.match(creditCodeProblem("913501A0M000100Y43")!, /行政区划码/);
    assert.match(creditCodeProblem("91350100M000100Y44")!, /校验码不正确/);
  });

  it("every check character round-trips and every other one is refused", () => {
    for (let n = 0; n < 100; n++) {
      const first17 = `9241012${String(n).padStart(2, "0")}MA9F0000`.slice(0, 17);
      const check = creditCodeCheckChar(first17)!;
      assert.equal(isCreditCode(first17 + check), true, first17 + check);
      for (const other of "0123456789ABCDEFGHJKLMNPQRTUWXY") {
        if (other !== check) assert.equal(isCreditCode(first17 + other), false);
      }
    }
  });

  it("normalises what people type", () => {
    assert.equal(normaliseCreditCode(" ９１350100m000100y43 "), "91350100M000100Y43");
  });
});

describe("natural persons", () => {
  it("masks names as 张*丰 / 李* / 欧**娜", () => {
    assert.equal(publicPersonName("张三丰"), "张*丰");
    assert.equal(publicPersonName("李四"), "李*");
    assert.equal(publicPersonName("欧阳娜娜"), "欧**娜");
  });

  it("masks the name wherever it is repeated in a public text", () => {
    assert.equal(
      maskNameIn("张三丰在张三丰小吃店销售过期食品", "张三丰"),
      "张*丰在张*丰小吃店销售过期食品",
    );
    assert.equal(maskNameIn("王某", "王"), "王某");
  });

  it("reads 当事人类型 and otherwise decides by the credit code", () => {
    assert.equal(parseSubjectType("自然人"), "natural_person");
    assert.equal(parseSubjectType("个体工商户"), "natural_person");
    assert.equal(parseSubjectType("法人及其他组织"), "organisation");
    assert.equal(parseSubjectType(" "), undefined);
    assert.equal(parseSubjectType("外星人"), null);
    assert.equal(subjectTypeOf(undefined, null), "natural_person");
    assert.equal(subjectTypeOf(undefined, "91350100M000100Y43"), "organisation");
    assert.equal(subjectTypeOf("natural_person", "91350100M000100Y43"), "natural_person");
  });
});
