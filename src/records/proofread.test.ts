import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import {
  type DictionaryEntry,
  dictionaryEntrySchema,
  type ProofreadDictionary,
  proofread,
  proofreadDictionary,
  proofreadDictionarySchema,
} from "./proofread";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../shared/fixtures/${name}`, import.meta.url), "utf8");
const notice = fixture("mianchi-scjgj-2020-53.txt");
const scraped = fixture("mianchi-scjgj-2020-53.scraped-traditional.txt");

const only = (...entries: DictionaryEntry[]): ProofreadDictionary => ({
  source: ["测试"],
  entries,
});

describe("proofread on 渑市监文〔2020〕53号", () => {
  test("finds exactly the four real typos of the notice, in text order", () => {
    const hits = proofread(notice, proofreadDictionary);
    assert.deepEqual(
      hits.map((h) => [h.kind, h.found, h.suggestion]),
      [
        ["typo", "攻务", "政务"],
        ["typo", "次告知", "一次告知"],
        ["typo", "部暑", "部署"],
        ["typo", "眼踪评", "跟踪评估"],
      ],
    );
  });

  test("offsets point at the hit and the context shows its surroundings", () => {
    for (const hit of proofread(notice, proofreadDictionary)) {
      assert.equal(notice.slice(hit.start, hit.end), hit.found);
      assert.ok(hit.context.includes(hit.found));
      assert.ok(hit.context.length <= hit.found.length + 24);
      assert.doesNotMatch(hit.context, /\n/);
    }
    const [first] = proofread(notice, proofreadDictionary);
    assert.equal(first?.context, "建成统一规范食品药品监管攻务信息公开渠道,及时规范更");
  });
});

describe("proofread on the scraped traditional copy", () => {
  const hits = proofread(scraped, proofreadDictionary);
  const mojibake = hits.filter((h) => h.kind === "mojibake");

  test("reports every pinyin annotation for deletion", () => {
    const pinyin = mojibake.filter((h) => h.suggestion === "");
    assert.equal(pinyin.length, 258);
    assert.ok(pinyin.every((h) => /^\([a-zü\u0100-\u01dc\u00e0-\u00fa]+\)$/.test(h.found)));
    assert.ok(pinyin.some((h) => h.found === "(jiān)"));
  });

  test("reports the six lines whose brackets were decoded with the wrong code page", () => {
    const garbled = mojibake.filter((h) => h.suggestion === null);
    assert.deepEqual(
      garbled.map((h) => h.found),
      ["?。ǘ?", "?。ㄈ┩", "?。ㄋ模┩", "?。ㄎ澹┩", "?。ㄒ唬┘", "?。ㄈ┙"],
    );
    for (const hit of garbled) {
      const line = scraped.slice(scraped.lastIndexOf("\n", hit.start) + 1, hit.end);
      assert.equal(line, hit.found, "the damage starts its line");
    }
  });

  test("still finds the typos that are the same in traditional script", () => {
    const typos = hits.filter((h) => h.kind === "typo").map((h) => h.found);
    assert.deepEqual(typos, ["次告知", "部暑"]);
  });
});

describe("dictionary guards and overlaps", () => {
  test("次告知 is not flagged after 一, 再, 多 or 按", () => {
    const text = "推进一次告知,再次告知,多次告知,按次告知,政务服务次告知";
    const hits = proofread(text, proofreadDictionary).filter((h) => h.found === "次告知");
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.start, text.lastIndexOf("次告知"));
  });

  test("notFollowedBy skips a correct full citation", () => {
    const hits = proofread(
      "(国务院令第492号公布,国务院令第711号修订)依据国务院令第492号",
      proofreadDictionary,
    );
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.kind, "outdated");
    assert.equal(hits[0]?.suggestion, "国务院令第711号");
  });

  test("a former name written as such (原…) is not flagged", () => {
    assert.deepEqual(
      proofread("原国家工商行政管理总局、原食品药品监督管理局", proofreadDictionary),
      [],
    );
  });

  test("the longest overlapping entry wins", () => {
    const hits = proofread("国家食品药品监督管理总局令第23号规定", proofreadDictionary);
    assert.deepEqual(
      hits.map((h) => [h.found, h.suggestion]),
      [["国家食品药品监督管理总局令第23号", "市场监管总局令第49号"]],
    );
  });

  test("outdated body names are suggested their successors with a reason", () => {
    const [hit] = proofread("渑池县食品药品监督管理局发布", proofreadDictionary);
    assert.equal(hit?.kind, "outdated");
    assert.equal(hit?.suggestion, "市场监督管理局");
    assert.match(hit?.reason ?? "", /2018年/);
  });

  test("sensitive expressions carry a reason and may have no suggestion", () => {
    const [hit] = proofread("本件为内部资料", proofreadDictionary);
    assert.equal(hit?.kind, "sensitive");
    assert.equal(hit?.suggestion, null);
    assert.match(hit?.reason ?? "", /保密审查/);
  });

  test("an 18-digit ID number with a valid check digit is sensitive; a credit code is not", () => {
    const text =
      "当事人身份证号11010519491231002X,统一社会信用代码11411221MB1234567X,编号110105194912310021";
    const hits = proofread(text, proofreadDictionary);
    assert.deepEqual(
      hits.map((h) => [h.kind, h.found]),
      [["sensitive", "11010519491231002X"]],
    );
  });

  test("an empty text or dictionary gives no hits", () => {
    assert.deepEqual(proofread("", proofreadDictionary), []);
    assert.deepEqual(proofread(notice, only()), []);
  });

  test("a caller's own dictionary is used as given", () => {
    const hits = proofread(
      "标准化规范化",
      only({ find: "规范化", kind: "typo", suggestion: "规范" }),
    );
    assert.deepEqual(
      hits.map((h) => h.start),
      [3],
    );
  });
});

describe("dictionary validation", () => {
  test("the shipped dictionary is valid and holds the four fixture typos", () => {
    const parsed = proofreadDictionarySchema.parse(proofreadDictionary);
    const finds = new Set(parsed.entries.map((e) => e.find));
    for (const f of ["攻务", "次告知", "部暑", "眼踪评"]) assert.ok(finds.has(f), f);
    for (const kind of ["typo", "sensitive", "outdated", "mojibake"] as const) {
      assert.ok(
        parsed.entries.some((e) => e.kind === kind),
        kind,
      );
    }
  });

  test("sensitive and outdated entries need a reason", () => {
    assert.equal(
      dictionaryEntrySchema.safeParse({ find: "残废", kind: "sensitive" }).success,
      false,
    );
    assert.equal(
      dictionaryEntrySchema.safeParse({ find: "攻务", kind: "typo", suggestion: "政务" }).success,
      true,
    );
  });

  test("rejects unknown kinds, empty guards, no-op suggestions and duplicates", () => {
    assert.equal(
      dictionaryEntrySchema.safeParse({ find: "x", kind: "style", reason: "r" }).success,
      false,
    );
    assert.equal(
      dictionaryEntrySchema.safeParse({ find: "次告知", kind: "typo", notPrecededBy: [] }).success,
      false,
    );
    assert.equal(
      dictionaryEntrySchema.safeParse({ find: "政务", kind: "typo", suggestion: "政务" }).success,
      false,
    );
    const duplicate = only({ find: "部暑", kind: "typo" }, { find: "部暑", kind: "typo" });
    assert.equal(proofreadDictionarySchema.safeParse(duplicate).success, false);
  });
});

describe("shipped dictionary precision", () => {
  test("correct sentences that contain a flagged word are left alone", () => {
    for (const text of ["食品安全没有零风险", "世上不存在绝对安全的食品", "以德报怨"]) {
      assert.deepEqual(proofread(text, proofreadDictionary), [], text);
    }
  });

  test("an absolute safety claim is flagged", () => {
    assert.equal(proofread("本品绝对安全", proofreadDictionary)[0]?.kind, "sensitive");
  });
});
