// Every demo guide passes proofreading and the whole records workflow, so the demo seeder cannot
// fail on a fresh demo database.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { demoGuides } from "./demo-guides";
import { createGuideCast, publishTestGuide } from "./test-fixtures";

describe("demo service guides", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createGuideCast(t);
  });
  after(() => t.close());

  it("all five publish and are listed, each marked 演示", async () => {
    for (const guide of demoGuides) await publishTestGuide(t, guide.input);
    const html = await (await t.browser().get("/services/guides")).text();
    for (const guide of demoGuides) {
      assert.ok(html.includes(`${guide.input.itemName}办事指南(演示)`), guide.key);
    }
  });
});
