import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { PageCache } from "../ui/cache/page-cache";
import { bumpContentRevision, contentRevision } from "../ui/cache/revision";
import type { RecordActor } from "./changes";
import { enableScheduledReleaseMemo } from "./scheduled-release";
import { createRecord } from "./service";
import { actorFor, buildRecord, publishableReview, setCreditCode } from "./test-fixtures";
import { transitionRecord } from "./transitions";

// As the server runs it: the earliest scheduled time is remembered between public reads.
describe("scheduled records on public reads, with the release check remembered", () => {
  let t: TestApp;
  let actors: Record<"editor" | "reviewer" | "approver", RecordActor>;

  before(async () => {
    enableScheduledReleaseMemo();
    t = await createTestApp({ pageCache: new PageCache() });
    await setCreditCode(t.t.db);
    for (const role of ["editor", "reviewer", "approver"] as const) {
      await t.createUser(role, [role]);
    }
    actors = {
      editor: await actorFor(t.t.db, "editor"),
      reviewer: await actorFor(t.t.db, "reviewer"),
      approver: await actorFor(t.t.db, "approver"),
    };
  });
  after(() => t.close());

  /** Scheduled `hours` from now through the services, then the revision bump a POST makes. */
  async function scheduled(title: string, hours: number): Promise<number> {
    const now = t.now();
    const { id } = await createRecord(t.t.db, buildRecord({ title }), actors.editor, now);
    await transitionRecord(t.t.db, id, { action: "submit" }, actors.editor, now);
    const review = { action: "approve" as const, review: publishableReview };
    await transitionRecord(t.t.db, id, review, actors.reviewer, now);
    const publishAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
    await transitionRecord(t.t.db, id, { action: "schedule", publishAt }, actors.approver, now);
    bumpContentRevision();
    return id;
  }

  const status = async (id: number) => (await t.app.request(`/records/${id}`)).status;
  const advance = (hours: number) =>
    t.setNow(new Date(t.now().getTime() + hours * 3_600_000).toISOString());

  it("appears at its time, and an earlier one scheduled later is not missed", async () => {
    const late = await scheduled("关于两小时后发布的通知", 2);
    assert.equal(await status(late), 404);
    // Scheduled after the server remembered the 2-hour release: the bump makes it check again.
    const early = await scheduled("关于一小时后发布的通知", 1);
    assert.equal(await status(early), 404);
    advance(1);
    assert.equal(await status(early), 200);
    assert.equal(await status(late), 404);
    advance(1);
    assert.equal(await status(late), 200);
  });

  it("a cached list page is not served once a release has fallen due", async () => {
    const title = "关于三十秒后发布的通知";
    const id = await scheduled(title, 30 / 3600);
    const list = async () =>
      (await (await t.app.request("/disclosure/records")).text()).includes(title);
    assert.equal(await list(), false);
    assert.equal(await list(), false); // now from the page cache, for 60 s
    t.setNow(new Date(t.now().getTime() + 31_000).toISOString());
    assert.equal(await list(), true);
    assert.equal(await status(id), 200);
  });

  it("moves the content revision when a read releases one (remembered counts go stale)", async () => {
    const id = await scheduled("关于一小时后发布的公告", 1);
    advance(1);
    const before = contentRevision();
    assert.equal(await status(id), 200);
    assert.ok(contentRevision() > before);
  });
});
