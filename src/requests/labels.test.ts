import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { APPLICANT_KINDS, applicantKindLabels, receiptChannelOf } from "./labels";

describe("application vocabularies", () => {
  it("applicant kinds are exactly the applicant columns of annual-report table 三", () => {
    const report = JSON.parse(
      readFileSync(
        new URL("../../../shared/reference/annual-report-format.json", import.meta.url),
        "utf8",
      ),
    ) as { applications_table: { columns: { key: string; label: string; computed?: string }[] } };
    const columns = report.applications_table.columns.filter((c) => !c.computed);
    assert.deepEqual(
      [...APPLICANT_KINDS],
      columns.map((c) => c.key),
    );
    for (const c of columns)
      assert.equal(applicantKindLabels[c.key as keyof typeof applicantKindLabels], c.label);
  });

  it("an oral application counts as handed in person (条例第二十九条, 第三十一条)", () => {
    assert.equal(receiptChannelOf("oral"), "in_person");
    assert.equal(receiptChannelOf("fax"), "fax");
  });
});
