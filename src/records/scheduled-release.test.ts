import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nothingDueSince } from "./scheduled-release";

describe("nothingDueSince (skipping the scheduled-release check on a public read)", () => {
  const now = new Date("2026-03-02T01:00:00.000Z");
  const cases: [string, Parameters<typeof nothingDueSince>[0], number, boolean][] = [
    ["never checked", null, 1, false],
    ["revision moved since", { revision: 1, at: null }, 2, false],
    ["nothing scheduled, same revision", { revision: 2, at: null }, 2, true],
    ["next release later", { revision: 2, at: "2026-03-02T01:00:00.001Z" }, 2, true],
    ["next release exactly now", { revision: 2, at: "2026-03-02T01:00:00.000Z" }, 2, false],
    ["next release passed", { revision: 2, at: "2026-03-01T23:00:00.000Z" }, 2, false],
  ];
  for (const [name, next, revision, skip] of cases) {
    it(`${name}: ${skip ? "skip" : "check"}`, () => {
      assert.equal(nothingDueSince(next, revision, now), skip);
    });
  }
});
