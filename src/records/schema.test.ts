import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { z } from "zod";
import { fieldErrors } from "../http/api";
import {
  normalizeKeywords,
  recordFieldsSchema,
  reviewFormSchema,
  transitionSchema,
} from "./schema";
import { buildRecord } from "./test-fixtures";

function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error);
}

describe("review form", () => {
  const base = {
    isClassified: false,
    involvesPrivacyOrTradeSecret: false,
    disclosureAttribute: "proactive",
  };

  it("needs no reason for plain 主动公开", () => {
    assert.deepEqual(errorsOf(reviewFormSchema, base), {});
  });

  it("needs the legal reason unless 主动公开", () => {
    for (const disclosureAttribute of ["onApplication", "notDisclosed"]) {
      assert.ok(errorsOf(reviewFormSchema, { ...base, disclosureAttribute }).legalReason);
      assert.deepEqual(
        errorsOf(reviewFormSchema, { ...base, disclosureAttribute, legalReason: "条例第十六条" }),
        {},
      );
    }
  });

  it("needs a reason when privacy or trade secrets are involved", () => {
    assert.match(
      errorsOf(reviewFormSchema, { ...base, involvesPrivacyOrTradeSecret: true }).legalReason ?? "",
      /第十五条/,
    );
  });

  it("a classified record is 不予公开", () => {
    assert.ok(
      errorsOf(reviewFormSchema, { ...base, isClassified: true, legalReason: "涉密" })
        .disclosureAttribute,
    );
  });
});

describe("record fields", () => {
  it("accepts a plain record and fills the defaults", () => {
    const parsed = recordFieldsSchema.parse(buildRecord());
    assert.deepEqual(
      [parsed.validity, parsed.keywords, parsed.needsInterpretation, parsed.docNo],
      ["inForce", "", false, null],
    );
  });

  it("a repealed record needs its date, and only interpretations link to a policy", () => {
    const errors = errorsOf(
      recordFieldsSchema,
      buildRecord({ validity: "repealed", interpretsRecordId: 3 }),
    );
    assert.ok(errors.validityChangedOn);
    assert.ok(errors.interpretsRecordId);
  });

  it("rejects impossible dates", () => {
    assert.ok(errorsOf(recordFieldsSchema, buildRecord({ formedOn: "2025-02-29" })).formedOn);
  });

  it("normalises keywords typed with Chinese or Latin separators", () => {
    assert.equal(normalizeKeywords(" 食品,抽检、食品;  监管 "), "食品,抽检,监管");
  });
});

describe("transition input", () => {
  it("normalises publishAt to UTC and refuses a time without an offset", () => {
    assert.equal(
      transitionSchema.parse({ action: "schedule", publishAt: "2025-03-04T09:00:00+08:00" })
        .publishAt,
      "2025-03-04T01:00:00.000Z",
    );
    assert.ok(
      errorsOf(transitionSchema, { action: "schedule", publishAt: "2025-03-04 09:00" }).publishAt,
    );
    assert.ok(errorsOf(transitionSchema, { action: "publish_scheduled" }).action);
  });
});
