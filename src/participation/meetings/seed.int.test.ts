// The demo meetings (GONGKAI_DEMO on): an upcoming 座谈会 open for sign-up, a 听证会 with its seed
// and draw, a past 实地走访 with minutes — all marked 演示 and public through the real pages.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { demoSiteSeeder } from "../../platform/demo/site";
import { createLogger } from "../../platform/log";
import { selectByDraw } from "./draw";
import { meetingDemoSeeder } from "./seed";

describe("demo meetings", () => {
  let t: TestApp;
  before(async () => {
    // The site seeder (demo accounts) and ours only, so other domains' demo content is not needed.
    t = await createTestApp({ start: "2026-03-02T02:00:00Z" });
    const ctx = {
      db: t.t.db,
      config: { ...t.config, demo: true },
      logger: createLogger("silent"),
      now: t.now(),
      announce: () => {},
    };
    await demoSiteSeeder.run(ctx);
    await meetingDemoSeeder.run(ctx);
  });
  after(() => t.close());

  it("seeds three published meetings, each marked 演示", async () => {
    const res = await t.browser().request("/api/v1/meetings");
    const { items } = (await res.json()) as {
      items: { id: number; kind: string; topic: string; signupStatus: string }[];
    };
    assert.deepEqual(items.map((m) => m.kind).sort(), ["fieldVisit", "hearing", "symposium"]);
    for (const m of items) assert.match(m.topic, /演示/);
    const symposium = items.find((m) => m.kind === "symposium")!;
    assert.equal(symposium.signupStatus, "报名中");
    const form = await (
      await t.browser().get(`/interaction/meetings/${symposium.id}/signup`)
    ).text();
    assert.match(form, /hc_token/);
  });

  it("the demo hearing's draw reproduces from its published seed", async () => {
    const { items } = (await (await t.browser().request("/api/v1/meetings")).json()) as {
      items: { id: number; kind: string }[];
    };
    const hearing = items.find((m) => m.kind === "hearing")!;
    const detail = (await (await t.browser().request(`/api/v1/meetings/${hearing.id}`)).json()) as {
      quota: number;
      signups: { signupNo: string }[];
      draw: { seed: string; selected: string[]; drawnAt: string };
    };
    assert.equal(detail.signups.length, 6);
    assert.ok(detail.draw.drawnAt);
    const expected = selectByDraw(
      detail.draw.seed,
      detail.signups.map((s) => s.signupNo),
      detail.quota,
    );
    assert.deepEqual([...detail.draw.selected].sort(), [...expected].sort());
  });

  it("the past field visit shows its minutes and outcome", async () => {
    const { items } = (await (await t.browser().request("/api/v1/meetings")).json()) as {
      items: { id: number; kind: string }[];
    };
    const visit = items.find((m) => m.kind === "fieldVisit")!;
    const html = await (await t.browser().get(`/interaction/meetings/${visit.id}`)).text();
    assert.match(html, /会议纪要/);
    assert.match(html, /已结束/);
    assert.match(html, /建议已采纳/);
  });
});
