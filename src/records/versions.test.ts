import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RecordDetail } from "./store";
import { diffSnapshots, diffVersions, type RecordVersion, snapshotOf } from "./versions";

const record: RecordDetail = {
  id: 7,
  indexNo: null,
  title: "关于开展食品安全抽检的通知",
  docNo: null,
  publisher: "县市场监督管理局",
  unitId: 1,
  formedOn: "2025-03-03",
  publishedOn: null,
  publishedAt: null,
  scheduledAt: null,
  topic: "市场监管",
  genre: "notice",
  openness: "execution",
  validity: "inForce",
  validityChangedOn: null,
  repealedByRecordId: null,
  keywords: ["抽检"],
  catalogItemId: null,
  catalogItemVersion: null,
  summary: "",
  bodyHtml: "<p>各乡镇:</p>",
  bodyText: "各乡镇:",
  state: "draft",
  needsInterpretation: false,
  interpretsRecordId: null,
  interpretationKind: null,
  videoUrl: null,
  dueOn: null,
  publishedLate: false,
  review: null,
  createdBy: 3,
  createdAt: "2025-03-03T02:00:00.000Z",
  updatedAt: "2025-03-03T02:00:00.000Z",
  version: 1,
  withdrawnAt: null,
  withdrawReason: null,
};

const version = (n: number, r: RecordDetail): RecordVersion => ({
  recordId: r.id,
  version: n,
  snapshot: snapshotOf(r),
  createdAt: r.updatedAt,
  createdBy: 3,
});

describe("diffVersions", () => {
  it("reports only the changed fields, with a character diff for Chinese text", () => {
    const edited = {
      ...record,
      title: "关于开展食品安全监督抽检的通知",
      keywords: ["抽检", "食品"],
      updatedAt: "2025-03-04T02:00:00.000Z",
      version: 2,
    };
    const changes = diffVersions(version(1, record), version(2, edited));
    assert.deepEqual(
      changes.map((c) => c.field),
      ["title", "keywords"],
    );
    const title = changes[0]!;
    assert.equal(title.label, "标题");
    assert.deepEqual(
      title.parts?.map((p) => [p.value, p.added, p.removed]),
      [
        ["关于开展食品安全", false, false],
        ["监督", true, false],
        ["抽检的通知", false, false],
      ],
    );
    assert.deepEqual(changes[1]!.before, ["抽检"]);
    assert.deepEqual(changes[1]!.after, ["抽检", "食品"]);
  });

  it("shows workflow changes such as state and 索引号", () => {
    const published = { ...record, state: "published" as const, indexNo: "X/2025-00001" };
    const fields = diffSnapshots(snapshotOf(record), snapshotOf(published)).map((c) => c.field);
    assert.deepEqual(fields, ["state", "indexNo"]);
  });

  it("is empty for identical versions", () => {
    assert.deepEqual(diffVersions(version(1, record), version(2, record)), []);
  });
});
