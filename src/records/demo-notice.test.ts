import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { demoNotice, demoNoticeBody, demoNoticeSchema } from "./demo-notice";
import { proofread, proofreadDictionary } from "./proofread";

const fixture = readFileSync(
  new URL("../../../shared/fixtures/mianchi-scjgj-2020-53.txt", import.meta.url),
  "utf8",
);
const lines = fixture.trimEnd().split("\n");

describe("demo notice", () => {
  test("carries the notice's real metadata", () => {
    assert.equal(demoNotice.docNo, "渑市监文〔2020〕53号");
    assert.equal(demoNotice.formedOn, "2020-08-26");
    assert.equal(demoNotice.publisher, "渑池县市场监督管理局");
    assert.equal(demoNotice.addressee, "局属各单位");
    assert.equal(lines[0], `${demoNotice.title}【${demoNotice.docNo}】`);
  });

  test("the body is the fixture's text line for line, typos included", () => {
    assert.deepEqual(demoNotice.paragraphs, lines.slice(1));
    assert.equal(demoNotice.paragraphs[0], "局属各单位:");
    assert.equal(demoNotice.paragraphs.at(-1)?.startsWith("坚持把推进基层政务公开"), true);
  });

  test("proofreading the body finds exactly the recorded typos", () => {
    const hits = proofread(demoNoticeBody(), proofreadDictionary);
    assert.deepEqual(
      hits.map((h) => ({ found: h.found, suggestion: h.suggestion })),
      demoNotice.knownTypos,
    );
  });

  test("the title is free of proofreading hits", () => {
    assert.deepEqual(proofread(demoNotice.title, proofreadDictionary), []);
  });

  test("a 文号 not in canonical form is rejected", () => {
    const result = demoNoticeSchema.safeParse({ ...demoNotice, docNo: "渑市监文[2020]53号" });
    assert.equal(result.success, false);
  });
});
