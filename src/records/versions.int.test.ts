import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import {
  createRecord,
  diffVersions,
  getRecordVersion,
  listRecordEvents,
  listRecordVersions,
  updateRecord,
} from "./service";
import { actorFor, buildRecord } from "./test-fixtures";
import { transitionRecord } from "./transitions";

describe("record versions", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser("editor", ["editor"]);
  });
  after(() => t.close());

  it("every save and transition is kept, and two versions can be compared field by field", async () => {
    const editor = await actorFor(t.t.db, "editor");
    const r = await createRecord(
      t.t.db,
      buildRecord({ bodyHtml: "<p>请各单位按时报送。</p>" }),
      editor,
      t.now(),
    );
    await updateRecord(
      t.t.db,
      r.id,
      { bodyHtml: "<p>请各单位于3月底前按时报送。</p>", summary: "报送要求" },
      editor,
      t.now(),
    );
    await transitionRecord(t.t.db, r.id, { action: "submit" }, editor, t.now());

    const versions = await listRecordVersions(t.t.db, r.id);
    assert.deepEqual(
      versions.map((v) => [v.version, v.snapshot.state]),
      [
        [1, "draft"],
        [2, "draft"],
        [3, "in_review"],
      ],
    );
    const edit = diffVersions(versions[0]!, versions[1]!);
    assert.deepEqual(
      edit.map((c) => c.field),
      ["summary", "bodyText", "bodyHtml"],
    );
    const body = edit.find((c) => c.field === "bodyText")!;
    assert.deepEqual(
      body.parts?.filter((p) => p.added).map((p) => p.value),
      ["于3月底前"],
    );

    const submit = diffVersions(
      await getRecordVersion(t.t.db, r.id, 2),
      await getRecordVersion(t.t.db, r.id, 3),
    );
    assert.deepEqual(
      submit.map((c) => [c.field, c.before, c.after]),
      [["state", "draft", "in_review"]],
    );

    const events = await listRecordEvents(t.t.db, r.id);
    assert.deepEqual(
      events.map((e) => [e.action, e.actorName]),
      [
        ["create", "editor"],
        ["save", "editor"],
        ["submit", "editor"],
      ],
    );
  });

  it("an edit based on an outdated copy is refused", async () => {
    const editor = await actorFor(t.t.db, "editor");
    const r = await createRecord(t.t.db, buildRecord(), editor, t.now());
    await updateRecord(t.t.db, r.id, { summary: "一" }, editor, t.now(), 1);
    await assert.rejects(
      updateRecord(t.t.db, r.id, { summary: "二" }, editor, t.now(), 1),
      /已被他人修改/,
    );
  });
});
