import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { addCalendarDays } from "../calendar/rules";
import { insertOpenedConsultation } from "./test-fixtures";

const titlesOn = (html: string) => [...html.matchAll(/测试征集(\d+)号/g)].map((m) => Number(m[1]));

// Ten years of consultations: the public list pages, and the 互动交流 home shows the ones open
// now, taken from the database rather than by loading every consultation.
describe("意见征集 public lists", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ start: "2025-06-16T02:00:00Z" });
    const unitId = await t.rootUnitId();
    // Consultation n (0…25) opens n×10 days before 2025-06-20 and runs 30 days.
    for (let n = 0; n <= 25; n++) {
      const opensOn = addCalendarDays("2025-06-20", -n * 10);
      const closesOn = addCalendarDays(opensOn, 29);
      await insertOpenedConsultation(t.t.db, {
        title: `测试征集${n}号`,
        unitId,
        opensOn,
        closesOn,
      });
    }
  });
  after(() => t.close());

  it("the 互动交流 home lists only the consultations open today", async () => {
    // Today 2025-06-16: n=0 opens 06-20 (upcoming); n=1 opened 06-10, n=2 05-31, n=3 05-21
    // (closes 06-19): open; n=4 opened 05-11 and closed 06-09.
    const home = await (await t.browser().get("/interaction")).text();
    assert.deepEqual(titlesOn(home), [1, 2, 3]);
  });

  it("pages the list of all consultations, newest first", async () => {
    const first = await (await t.browser().get("/interaction/consultations")).text();
    assert.deepEqual(
      titlesOn(first),
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.match(first, /href="\/interaction\/consultations\?page=2"/);
    const second = await (await t.browser().get("/interaction/consultations?page=2")).text();
    assert.deepEqual(titlesOn(second), [20, 21, 22, 23, 24, 25]);
    const beyond = await t.browser().get("/interaction/consultations?page=abc");
    assert.equal(beyond.status, 200);
    assert.deepEqual(titlesOn(await beyond.text()).slice(0, 1), [0]);
  });
});
