import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDailyTime, shanghaiMinuteOfDay, slotFor } from "./rules";

describe("job slots", () => {
  it("an interval job has one slot per interval, the same in every process", () => {
    const a = slotFor({ everyMs: 30_000 }, new Date("2025-03-03T02:00:00.000Z"));
    const b = slotFor({ everyMs: 30_000 }, new Date("2025-03-03T02:00:29.999Z"));
    const c = slotFor({ everyMs: 30_000 }, new Date("2025-03-03T02:00:30.000Z"));
    assert.equal(a.kind, "slot");
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it("a daily job is due from its Shanghai time to the end of the Shanghai day", () => {
    const at = (iso: string) => slotFor({ dailyAt: "03:30" }, new Date(iso));
    // 2025-03-03 03:29 in Shanghai = 2025-03-02T19:29Z
    assert.deepEqual(at("2025-03-02T19:29:00Z"), { kind: "not_yet" });
    assert.deepEqual(at("2025-03-02T19:30:00Z"), { kind: "slot", slot: "d:2025-03-03" });
    assert.deepEqual(at("2025-03-03T15:59:00Z"), { kind: "slot", slot: "d:2025-03-03" });
    assert.deepEqual(at("2025-03-03T16:00:00Z"), { kind: "not_yet" });
  });

  it("an every-tick job is never claimed", () => {
    assert.deepEqual(slotFor({ everyTick: true }, new Date()), { kind: "always" });
  });

  it("reads Shanghai minutes and HH:MM", () => {
    assert.equal(shanghaiMinuteOfDay(new Date("2025-03-02T16:00:00Z")), 0);
    assert.equal(shanghaiMinuteOfDay(new Date("2025-03-03T02:00:00Z")), 600);
    assert.equal(parseDailyTime("00:00"), 0);
    assert.equal(parseDailyTime("23:59"), 1439);
    for (const bad of ["24:00", "3:30", "12:60", ""]) assert.throws(() => parseDailyTime(bad));
    assert.throws(() => slotFor({ everyMs: 10 }, new Date()));
  });
});
