import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { APPLICATION_ROWS, allCellKeys, REVIEW_COLUMNS } from "./format";
import { ANNUAL_REPORT_FORMAT } from "./format-data";

// The reference beside the repository (CI has it); the product ships its own copy.
const reference = JSON.parse(
  readFileSync(
    new URL("../../../../shared/reference/annual-report-format.json", import.meta.url),
    "utf8",
  ),
);

describe("the shipped annual-report format", () => {
  it("is a faithful copy of the reference's sections and three tables", () => {
    const copy = JSON.parse(JSON.stringify(ANNUAL_REPORT_FORMAT));
    assert.deepEqual(copy.source, reference.source);
    assert.deepEqual(copy.sections, reference.sections);
    assert.deepEqual(copy.proactive_table, reference.proactive_table);
    assert.deepEqual(copy.applications_table, reference.applications_table);
    assert.deepEqual(copy.review_litigation_table, reference.review_litigation_table);
  });

  it("has 29 figure rows × 7 columns in table 三, 15 cells in table 四, 10 in table 二", () => {
    assert.equal(APPLICATION_ROWS.length, 29);
    assert.equal(REVIEW_COLUMNS.length, 15);
    const cells = allCellKeys();
    assert.equal(cells.filter((c) => c.table === "applications").length, 29 * 7);
    assert.equal(cells.filter((c) => c.table === "review_litigation").length, 15);
    assert.equal(cells.filter((c) => c.table === "proactive").length, 10);
  });
});
