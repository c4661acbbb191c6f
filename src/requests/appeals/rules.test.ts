import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  appealColumnKey,
  appealLedgerText,
  parseAppealCell,
} from "./rules";

describe("行政复议 and 行政诉讼 rules", () => {
  it("every appeal counts in a column of table 四 of the annual report", () => {
    const format = JSON.parse(
      readFileSync(
        new URL("../../../../shared/reference/annual-report-format.json", import.meta.url),
        "utf8",
      ),
    );
    const columns = new Set<string>(
      format.review_litigation_table.column_groups.flatMap((g: { columns: { key: string }[] }) =>
        g.columns.map((c) => c.key),
      ),
    );
    for (const kind of APPEAL_KINDS) {
      for (const afterReview of [false, true]) {
        for (const result of APPEAL_RESULTS) {
          const key = appealColumnKey({ kind, afterReview, result });
          assert.ok(columns.has(key), key);
        }
      }
    }
    assert.equal(
      appealColumnKey({ kind: "review", afterReview: false, result: "corrected" }),
      "admin_review.corrected",
    );
    assert.equal(
      appealColumnKey({ kind: "litigation", afterReview: false, result: "pending" }),
      "litigation_direct.pending",
    );
    assert.equal(
      appealColumnKey({ kind: "litigation", afterReview: true, result: "upheld" }),
      "litigation_after_review.upheld",
    );
  });

  it("a ledger cell names zero, one or several appeals", () => {
    assert.deepEqual(parseAppealCell(""), { ok: true, appeals: [] });
    assert.deepEqual(parseAppealCell("复议-纠正"), {
      ok: true,
      appeals: [{ kind: "review", afterReview: false, result: "corrected" }],
    });
    assert.deepEqual(parseAppealCell("诉讼 - 维持"), {
      ok: true,
      appeals: [{ kind: "litigation", afterReview: false, result: "upheld" }],
    });
    assert.deepEqual(parseAppealCell("行政诉讼(尚未审结)"), {
      ok: true,
      appeals: [{ kind: "litigation", afterReview: false, result: "pending" }],
    });
  });

  it("a 诉讼 in the same cell as a 复议 was brought after it", () => {
    const read = parseAppealCell("复议-维持;诉讼-其他结果");
    assert.deepEqual(read, {
      ok: true,
      appeals: [
        { kind: "review", afterReview: false, result: "upheld" },
        { kind: "litigation", afterReview: true, result: "other" },
      ],
    });
  });

  it("an unreadable cell is refused with the accepted forms", () => {
    const read = parseAppealCell("上访-成功");
    assert.equal(read.ok, false);
    assert.ok(
      !read.ok && read.error.includes("复议-维持"),
      '!read.ok && read.error.includes("复议-维持")',
    );
  });

  it("the ledger text reads back as the same appeal", () => {
    for (const kind of APPEAL_KINDS) {
      for (const result of APPEAL_RESULTS) {
        const appeal = { kind, afterReview: kind === "litigation", result };
        const cell =
          kind === "litigation"
            ? `复议-维持;${appealLedgerText(appeal)}`
            : appealLedgerText(appeal);
        const read = parseAppealCell(cell);
        assert.ok(read.ok, "read.ok");
        assert.deepEqual(read.appeals.at(-1), appeal);
      }
    }
  });
});
