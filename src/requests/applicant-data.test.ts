import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  applicantColumns,
  applicationKeys,
  decryptApplicant,
  formatQueryCode,
  newQueryCode,
  normaliseQueryCode,
  queryCodeHash,
} from "./applicant-data";
import { onlineApplicationSchema } from "./schema";
import type { ApplicationRow } from "./store";
import { buildApplicationInput, PERSON } from "./test-fixtures";

const keys = applicationKeys("test-secret-test-secret-test-secret-0123");

describe("query codes", () => {
  it("are 8 unambiguous characters, shown as ABCD-EFGH and read back in any case", () => {
    const code = newQueryCode();
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
    assert.equal(normaliseQueryCode(formatQueryCode(code).toLowerCase()), code);
  });

  it("are stored as a keyed hash bound to the application number", () => {
    const hash = queryCodeHash(keys, "YSQ-2025-00001", "ABCD-EFGH");
    assert.equal(hash, queryCodeHash(keys, "YSQ-2025-00001", "abcdefgh"));
    assert.notEqual(hash, queryCodeHash(keys, "YSQ-2025-00002", "ABCDEFGH"));
    assert.notEqual(
      hash,
      queryCodeHash(
        applicationKeys("another-secret-another-secret-another-1"),
        "YSQ-2025-00001",
        "ABCDEFGH",
      ),
    );
  });
});

describe("applicant columns", () => {
  it("encrypt every personal value and decrypt back to the input", () => {
    const applicant = onlineApplicationSchema.parse(buildApplicationInput()).applicant;
    const columns = applicantColumns(keys, applicant);
    const text = JSON.stringify(columns);
    for (const value of Object.values(PERSON)) assert.ok(!text.includes(value));
    const details = decryptApplicant(keys, columns as unknown as ApplicationRow);
    assert.equal(details.name, PERSON.name);
    assert.equal(details.idType, "resident_id");
    assert.equal(details.idNumber, PERSON.idNumber);
    assert.equal(details.address, PERSON.address);
  });
});
