import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  DEFAULT_INDEX_NO_PATTERN,
  formatIndexNo,
  looksLikeDocNo,
  looksLikeIndexNo,
  normalizeDocNo,
  normalizeIndexNo,
  parseIndexNo,
  parseIndexNoPattern,
} from "./index-no";

const values = { creditCode: "11411221MB1234567X", year: 2020, serial: 53 };

/** ASCII to full-width forms (U+FF01–U+FF5E), as typed with a Chinese input method. */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe("formatIndexNo", () => {
  test("the default pattern gives credit code / year - five-digit serial", () => {
    assert.equal(formatIndexNo(DEFAULT_INDEX_NO_PATTERN, values), "11411221MB1234567X/2020-00053");
  });

  test("a configured pattern may add a unit code and drop padding", () => {
    assert.equal(
      formatIndexNo("{unitCode}-{year}-{serial}", { ...values, unitCode: "SJJ" }),
      "SJJ-2020-53",
    );
    assert.equal(
      formatIndexNo("{creditCode}/{unitCode}/{year}/{serial:3}", { ...values, unitCode: "01" }),
      "11411221MB1234567X/01/2020/053",
    );
  });

  test("a serial wider than its padding is written in full", () => {
    assert.equal(formatIndexNo("{year}-{serial:2}", { ...values, serial: 1234 }), "2020-1234");
  });

  test("refuses an invalid pattern, a missing unit code and a zero serial", () => {
    assert.throws(() => formatIndexNo("{creditCode}/{year}", values), /流水号/);
    assert.throws(() => formatIndexNo("{unitCode}-{serial}", values), /单位代码/);
    assert.throws(
      () => formatIndexNo(DEFAULT_INDEX_NO_PATTERN, { ...values, serial: 0 }),
      /正整数/,
    );
    assert.throws(() => formatIndexNo(DEFAULT_INDEX_NO_PATTERN, { ...values, year: 20 }), /四位数/);
  });
});

describe("parseIndexNoPattern", () => {
  test("splits the default pattern into literals and tokens", () => {
    const parsed = parseIndexNoPattern(DEFAULT_INDEX_NO_PATTERN);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.segments, [
      { type: "token", token: "creditCode" },
      { type: "literal", text: "/" },
      { type: "token", token: "year" },
      { type: "literal", text: "-" },
      { type: "token", token: "serial", width: 5 },
    ]);
  });

  const bad: [string, RegExp][] = [
    ["", /不能为空/],
    ["{creditCode}/{year}", /必须包含流水号/],
    ["{serial}-{serial:3}", /只能包含一个/],
    ["{year}-{serial:0}", /位数应为 1 到 10/],
    ["{year}-{serial:x}", /位数应为/],
    ["{year:4}-{serial}", /不能带位数/],
    ["{organ}-{serial}", /不认识的占位符 \{organ\}/],
    ["{year-{serial}", /第1个字符处的“{”没有配对/],
    ["{year}}-{serial}", /没有配对/],
  ];
  for (const [pattern, message] of bad) {
    test(`rejects "${pattern}" with a Chinese reason`, () => {
      const parsed = parseIndexNoPattern(pattern);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.errors.join(";"), message);
    });
  }
});

describe("parseIndexNo", () => {
  test("reads the values back out of an index number", () => {
    assert.deepEqual(
      parseIndexNo(DEFAULT_INDEX_NO_PATTERN, "11411221MB1234567X/2020-00053"),
      values,
    );
  });

  test("accepts full-width input and lower-case letters", () => {
    assert.deepEqual(
      parseIndexNo(DEFAULT_INDEX_NO_PATTERN, fullWidth("11411221mb1234567x/2020-00053")),
      values,
    );
  });

  test("returns null for another pattern's number", () => {
    assert.equal(parseIndexNo(DEFAULT_INDEX_NO_PATTERN, "SJJ-2020-53"), null);
    assert.equal(parseIndexNo(DEFAULT_INDEX_NO_PATTERN, "11411221MB1234567X/2020-53"), null);
  });
});

describe("looksLikeIndexNo", () => {
  test("recognises index numbers with or without padding, half- or full-width", () => {
    assert.equal(looksLikeIndexNo("11411221MB1234567X/2020-00053"), true);
    assert.equal(looksLikeIndexNo(" 11411221MB1234567X/2020-53 "), true);
    assert.equal(looksLikeIndexNo(fullWidth("11411221MB1234567X/2020-00053")), true);
    assert.equal(
      normalizeIndexNo(`11411221MB1234567X\u3000${fullWidth("/")} 2020-00053`),
      "11411221MB1234567X/2020-00053",
    );
  });

  test("recognises a configured pattern", () => {
    assert.equal(looksLikeIndexNo("SJJ-2020-53"), false);
    assert.equal(looksLikeIndexNo("SJJ-2020-53", ["{unitCode}-{year}-{serial:5}"]), true);
  });

  test("ordinary search words and 文号 are not index numbers", () => {
    for (const q of [
      "食品安全",
      "2020-00053",
      "渑市监文〔2020〕53号",
      "11411221MB1234567/2020-1",
      "",
    ]) {
      assert.equal(looksLikeIndexNo(q), false, q);
    }
  });

  test("credit codes use the GB 32100 alphabet (no I, O, S, V, Z)", () => {
    assert.equal(looksLikeIndexNo("11411221MB1234567O/2020-00053"), false);
  });
});

describe("normalizeDocNo / looksLikeDocNo", () => {
  const canonical = "渑市监文〔2020〕53号";
  const variants = [
    "渑市监文〔2020〕53号",
    "渑市监文[2020]53号",
    "渑市监文(2020)53号",
    fullWidth("渑市监文(2020)53号"),
    "渑市监文【2020】53号",
    "渑市监文〖2020〗53号",
    fullWidth("渑市监文[2020]53号"),
    "渑市监文\ufe5d2020\ufe5e53号",
    "渑市监文 [ 2020 ] 53 号",
    `渑市监文〔${fullWidth("2020")}〕${fullWidth("53")}号`,
    "渑市监文〔2020〕053号",
    "渑市监文〔2020〕第53号",
    "渑市监文[2020]53",
  ];
  for (const v of variants) {
    test(`"${v}" is the 文号 ${canonical}`, () => {
      assert.equal(normalizeDocNo(v), canonical);
      assert.equal(looksLikeDocNo(v), true);
    });
  }

  test("a bare year and number is kept for suffix search", () => {
    assert.equal(normalizeDocNo("[2020]53号"), "〔2020〕53号");
  });

  test("order numbers of rules are 文号 too", () => {
    assert.equal(normalizeDocNo("市场监管总局令第49号"), "市场监管总局令第49号");
    assert.equal(normalizeDocNo("国务院令第 711 号"), "国务院令第711号");
  });

  test("ordinary queries are not 文号", () => {
    for (const q of [
      "食品安全抽检",
      "2020年53号文",
      "渑市监文〔20〕53号",
      "渑市监文〔2020〕0号",
      "11411221MB1234567X/2020-00053",
    ]) {
      assert.equal(looksLikeDocNo(q), false, q);
    }
  });
});
