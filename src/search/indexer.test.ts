import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { docNoForms, indexNoForm } from "./exact";
import { buildSearchEntry } from "./indexer";
import { sortInstantOf, sortKeyOf, yearSortKeyRange } from "./sort-key";

describe("sortKeyOf", () => {
  it("orders by publication time, then by record id within a second", () => {
    const a = sortKeyOf("2024-05-10T02:00:00.000Z", 900);
    const b = sortKeyOf("2024-05-10T02:00:00.400Z", 901);
    const c = sortKeyOf("2024-05-10T02:00:01.000Z", 5);
    assert.ok(a < b && b < c);
    assert.ok(Number.isSafeInteger(sortKeyOf("2099-12-31T23:59:59Z", 2 ** 21 - 1)));
  });

  it("sorts an imported record by its 发布日期 when published_at falls on another day", () => {
    assert.equal(
      sortInstantOf("2024-05-09T20:00:00.000Z", "2024-05-10"),
      "2024-05-09T20:00:00.000Z",
    );
    assert.equal(
      sortInstantOf("2025-03-03T02:00:00.000Z", "2019-06-01"),
      "2019-06-01T00:00:00+08:00",
    );
  });

  it("maps a year to the sort keys of that year in Shanghai", () => {
    const { from, to } = yearSortKeyRange(2024);
    const inside = (at: string) => {
      const key = sortKeyOf(at, 12345);
      return key >= from && key < to;
    };
    assert.equal(inside("2023-12-31T16:00:00.000Z"), true);
    assert.equal(inside("2024-12-31T15:59:59.000Z"), true);
    assert.equal(inside("2024-12-31T16:00:00.000Z"), false);
    assert.equal(inside("2023-12-31T15:00:00.000Z"), false);
  });
});

describe("docNoForms and indexNoForm", () => {
  it("stores a 文号 canonically and from 〔 on", () => {
    assert.deepEqual(docNoForms("渑市监文[2020]053号"), {
      norm: "渑市监文〔2020〕53号",
      tail: "〔2020〕53号",
    });
    assert.deepEqual(docNoForms("市场监管总局令第49号"), {
      norm: "市场监管总局令第49号",
      tail: null,
    });
    assert.deepEqual(docNoForms("  "), { norm: null, tail: null });
  });

  it("stores an 索引号 half-width and upper case", () => {
    assert.equal(
      indexNoForm("１１411221mb1234567x / 2020－00053"),
      "11411221MB1234567X/2020-00053",
    );
  });
});

describe("buildSearchEntry", () => {
  const row = {
    id: 7,
    state: "published" as const,
    title: "关于食品经营许可的公告",
    doc_no: "渑市监〔2024〕12号",
    index_no: "11411221MB1234567X/2024-00012",
    summary: "",
    keywords: "食品,许可",
    body_text: "办理食品经营许可。",
    published_at: "2024-05-10T02:00:00.000Z",
    published_on: "2024-05-10",
    catalog_item_id: null,
    genre: "announcement",
    publisher: "渑池县市场监督管理局",
    updated_at: "2024-05-10T02:00:00.000Z",
  };

  it("segments title, 文号 and body, with the attachments' text in the body", () => {
    const entry = buildSearchEntry(row, ["附件里的冷链追溯"]);
    assert.ok(entry.text.title.split(" ").includes("许可"));
    assert.ok(entry.text.docNo.split(" ").includes("2024"));
    assert.ok(entry.text.body.split(" ").includes("追溯"));
    assert.equal(entry.row.year, 2024);
    assert.equal(entry.row.title_norm, "关于食品经营许可的公告");
    assert.equal(entry.row.doc_no_tail, "〔2024〕12号");
    assert.ok(entry.row.body_keywords.split(" ").includes("许可"));
  });
});
