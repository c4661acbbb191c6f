import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import type { Flag, ShippedCatalogItem } from "./catalog-item";
import { describeDeadlineRule, parseDeadlineText } from "./deadline-rule";
import {
  findShippedItem,
  foodDrugCatalog,
  parseShippedCatalog,
  tableItems,
} from "./shipped-catalog";

interface ReferenceRow {
  序号: number;
  一级事项: string;
  二级事项: string;
  "公开内容(要素)": string[];
  公开依据: string[];
  公开时限: { text: string; machine: unknown };
  公开主体: string;
  公开渠道和载体: string[];
  公开对象: { 全社会: boolean | null; 特定群体: boolean | null };
  公开方式: { 主动: boolean; 依申请: boolean };
  公开层级: { 县级: Flag; 乡级: Flag };
  verification: string;
  evidence: string[];
  notes: string;
}
interface ReferenceCandidate {
  "二级事项(候选)": string;
  一级事项: string;
  evidence: string;
  verification: string;
}
const reference = JSON.parse(
  readFileSync(
    new URL("../../../shared/reference/food-drug-catalog.json", import.meta.url),
    "utf8",
  ),
) as { source: string[]; rows: ReferenceRow[]; candidate_rows_unverified: ReferenceCandidate[] };

const VERIFICATION: Record<string, string> = {
  verified: "verified",
  partially_verified: "partial",
  unverified: "unverified",
};

/**
 * A project value matches the reference when equal, or when the reference only adds an editor's
 * parenthetical remark that the project moved into the row's notes.
 */
function sameOrAnnotated(project: string, ref: string, item: ShippedCatalogItem): boolean {
  if (project === ref) return true;
  const remark = /^(.*?)[(\uff08](.*)[)\uff09](等)?$/.exec(ref);
  if (!remark) return false;
  const [, head = "", note = "", tail = ""] = remark;
  return project === head + tail && item.notes.includes(note.slice(0, 4));
}

function assertListMatches(
  project: string[],
  ref: string[],
  item: ShippedCatalogItem,
  label: string,
) {
  assert.equal(project.length, ref.length, `${item.code} ${label}`);
  project.forEach((value, i) => {
    assert.ok(
      sameOrAnnotated(value, ref[i]!, item),
      `${item.code} ${label}[${i}]: ${value} ≠ ${ref[i]}`,
    );
  });
}

describe("shipped food-drug catalog", () => {
  test("keeps the reference's source list", () => {
    assert.deepEqual(foodDrugCatalog.source, reference.source);
  });

  test("ships all 9 table rows and all 5 unverified candidates", () => {
    assert.equal(tableItems().length, 9);
    assert.deepEqual(
      tableItems().map((i) => i.seq),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    const candidates = foodDrugCatalog.items.filter((i) => i.candidate);
    assert.equal(candidates.length, 5);
    assert.ok(candidates.every((c) => c.verified === "unverified" && c.seq === null));
  });

  test("every table row carries the reference's columns", () => {
    for (const ref of reference.rows) {
      const item = tableItems().find((i) => i.seq === ref.序号);
      assert.ok(item, `row ${ref.序号}`);
      assert.equal(item.category, ref.一级事项);
      assert.equal(item.item, ref.二级事项);
      assertListMatches(item.elements, ref["公开内容(要素)"], item, "elements");
      assertListMatches(item.legalBasis, ref.公开依据, item, "legalBasis");
      assert.ok(
        sameOrAnnotated(item.deadline.text, ref.公开时限.text, item),
        `${item.code} deadline`,
      );
      assert.deepEqual(item.deadline.rule, ref.公开时限.machine);
      assert.ok(sameOrAnnotated(item.responsibleUnit, ref.公开主体, item), `${item.code} unit`);
      assert.deepEqual(item.channels, ref.公开渠道和载体);
      assert.equal(item.audience.wholeSociety, ref.公开对象.全社会 ?? false);
      assert.equal(item.audience.specificGroup, ref.公开对象.特定群体 ?? false);
      assert.deepEqual(item.mode, {
        proactive: ref.公开方式.主动,
        onApplication: ref.公开方式.依申请,
      });
      assert.deepEqual(item.level, { county: ref.公开层级.县级, township: ref.公开层级.乡级 });
      assert.equal(item.verified, VERIFICATION[ref.verification]);
      assert.ok(item.notes.startsWith(ref.notes), `${item.code} notes`);
      assert.deepEqual(item.source, ref.evidence);
    }
  });

  test("candidates keep the reference's names and evidence and leave the rest empty", () => {
    reference.candidate_rows_unverified.forEach((ref, i) => {
      const item = findShippedItem(`FD-C${i + 1}`);
      assert.ok(item);
      assert.equal(item.item, ref["二级事项(候选)"]);
      assert.equal(item.category, ref.一级事项);
      assert.deepEqual(item.source, [ref.evidence]);
      assert.deepEqual(item.elements, []);
      assert.equal(item.deadline.rule, null);
      assert.equal(item.level.county, "unverified");
      for (const field of ["elements", "legalBasis", "deadline", "mode", "level"] as const) {
        assert.ok(item.missingFields.includes(field), `${item.code} marks ${field} missing`);
      }
    });
  });

  test("no cell value keeps an editor's remark about sources or truncation", () => {
    for (const item of foodDrugCatalog.items) {
      const cells = [
        ...item.elements,
        ...item.legalBasis,
        item.deadline.text,
        item.responsibleUnit,
      ];
      for (const cell of cells) assert.doesNotMatch(cell, /原文|截断|unverified|本地化填写|版本/);
    }
  });

  test("the 公开时限 text of every table row parses to its machine rule", () => {
    for (const item of tableItems()) {
      assert.ok(item.deadline.rule);
      assert.deepEqual(parseDeadlineText(item.deadline.text), item.deadline.rule);
      assert.ok(describeDeadlineRule(item.deadline.rule).endsWith("20个工作日内"));
    }
  });

  test("row 5 is disclosed at both county and township level", () => {
    assert.deepEqual(findShippedItem("FD-05")?.level, { county: true, township: true });
  });

  test("codes are unique", () => {
    const codes = foodDrugCatalog.items.map((i) => i.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  test("parseShippedCatalog rejects a row with an unknown deadline kind", () => {
    const broken = structuredClone(foodDrugCatalog) as unknown as {
      items: { deadline: { rule: unknown } }[];
    };
    broken.items[0]!.deadline.rule = { kind: "calendar_days", days: 7 };
    assert.throws(() => parseShippedCatalog(broken));
  });
});
