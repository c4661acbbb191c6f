// Every save and every transition keeps a snapshot of the record (record_versions), so the back
// office can show who changed what. The diff is pure: it compares two snapshots field by field.
import { type ChangeObject, diffChars } from "diff";
import type { RecordDetail } from "./store";

/** What a version keeps: the record without its identity and bookkeeping columns. */
export type RecordSnapshot = Omit<RecordDetail, "id" | "version" | "createdAt" | "updatedAt">;

export interface RecordVersion {
  recordId: number;
  version: number;
  snapshot: RecordSnapshot;
  createdAt: string;
  createdBy: number | null;
}

export function snapshotOf(record: RecordDetail): RecordSnapshot {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...snapshot } = record;
  return snapshot;
}

/** Labels of the fields a diff reports, in the order the back office lists them. */
export const snapshotFieldLabels: Partial<Record<keyof RecordSnapshot, string>> = {
  title: "标题",
  docNo: "文号",
  publisher: "发布机构",
  unitId: "所属单位",
  formedOn: "成文日期",
  topic: "主题分类",
  genre: "体裁",
  openness: "五公开类别",
  validity: "有效性",
  validityChangedOn: "失效或废止日期",
  repealedByRecordId: "废止该文件的信息",
  keywords: "关键词",
  catalogItemId: "目录事项",
  catalogItemVersion: "目录事项版本",
  summary: "摘要",
  bodyText: "正文",
  bodyHtml: "正文(含格式)",
  needsInterpretation: "需要解读",
  interpretsRecordId: "所解读的文件",
  interpretationKind: "解读形式",
  videoUrl: "视频链接",
  dueOn: "应公开日期",
  state: "状态",
  review: "保密审查",
  indexNo: "索引号",
  publishedOn: "发布日期",
  publishedAt: "发布时间",
  scheduledAt: "定时发布时间",
  publishedLate: "逾期发布",
  withdrawnAt: "撤回时间",
  withdrawReason: "撤回理由",
  createdBy: "起草人",
};

/** Text fields diffed character by character (diffChars suits Chinese, which has no spaces). */
const TEXT_FIELDS = new Set<keyof RecordSnapshot>(["title", "docNo", "summary", "bodyText"]);
/** Above this many edits a field is shown as replaced instead of diffed. */
const MAX_EDIT_LENGTH = 5000;

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldChange {
  field: keyof RecordSnapshot;
  label: string;
  before: unknown;
  after: unknown;
  /** For text fields: the character diff, in order. */
  parts?: DiffPart[];
}

/** The fields that differ between two versions of a record, each with before/after values. */
export function diffVersions(a: RecordVersion, b: RecordVersion): FieldChange[] {
  return diffSnapshots(a.snapshot, b.snapshot);
}

export function diffSnapshots(a: RecordSnapshot, b: RecordSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(snapshotFieldLabels) as [
    keyof RecordSnapshot,
    string,
  ][]) {
    const before = a[field] ?? null;
    const after = b[field] ?? null;
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    const change: FieldChange = { field, label, before, after };
    if (TEXT_FIELDS.has(field)) change.parts = textDiff(String(before ?? ""), String(after ?? ""));
    changes.push(change);
  }
  return changes;
}

function textDiff(before: string, after: string): DiffPart[] {
  const changes: ChangeObject<string>[] | undefined = diffChars(before, after, {
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!changes) {
    return [
      { value: before, added: false, removed: true },
      { value: after, added: true, removed: false },
    ].filter((p) => p.value !== "");
  }
  return changes.map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
}
