import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findGarbledRuns, findPinyinAnnotations } from "./mojibake";

describe("findPinyinAnnotations", () => {
  test("finds toned pinyin in half- and full-width brackets", () => {
    const text = "監(jiān)督管理局關\uff08guān\uff09于";
    assert.deepEqual(
      findPinyinAnnotations(text).map((s) => text.slice(s.start, s.end)),
      ["(jiān)", "\uff08guān\uff09"],
    );
  });

  test("ordinary brackets are not pinyin", () => {
    assert.deepEqual(findPinyinAnnotations("(一)总体要求 (a) (GB 2760)"), []);
  });
});

describe("findGarbledRuns", () => {
  test("U+FFFD is reported with its own reason", () => {
    const [span] = findGarbledRuns("食品\ufffd\ufffd安全");
    assert.deepEqual([span?.start, span?.end], [2, 4]);
    assert.match(span?.reason ?? "", /U\+FFFD/);
  });

  test("GBK bytes read as Latin-1 inside Chinese text form one run", () => {
    const text = "渑池县ÊÐ³¡¼à¶½¹ÜÀí¾Ö发布";
    const spans = findGarbledRuns(text);
    assert.equal(spans.length, 1);
    assert.equal(text.slice(spans[0]!.start, spans[0]!.end), "ÊÐ³¡¼à¶½¹ÜÀí¾Ö");
  });

  test("a run does not cross a line break", () => {
    assert.equal(findGarbledRuns("中文ǘ\nǘ中文").length, 2);
  });

  test("a half-width ? is damage only next to Chinese or garbage", () => {
    assert.equal(findGarbledRuns("?。(二)").length, 1);
    assert.deepEqual(findGarbledRuns("https://example.gov.cn/a?b=1"), []);
  });

  test("accented Latin in a text without Chinese is left alone", () => {
    assert.deepEqual(findGarbledRuns("Café Zürich"), []);
  });

  test("units and symbols of ordinary records are not damage", () => {
    assert.deepEqual(findGarbledRuns("温度25℃±2°C,含量≤0.5µg/kg,×2,中文·名"), []);
  });

  test("spans already reported as pinyin are skipped", () => {
    const text = "監(jiān)";
    assert.deepEqual(findGarbledRuns(text, findPinyinAnnotations(text)), []);
  });
});
