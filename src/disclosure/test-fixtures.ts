// Test-only helpers for the portal's integration tests: records taken through the real workflow
// (draft → review → sign-off → published, withdrawn) and attachments stored as the files module
// stores them. Not imported by the product.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TestApp } from "../../test/support/app";
import { storagePathOf } from "../platform/files/store";
import type { RecordActor } from "../records/changes";
import type { RecordInput } from "../records/schema";
import { createRecord } from "../records/service";
import { actorFor, buildRecord, publishableReview, setCreditCode } from "../records/test-fixtures";
import { transitionRecord } from "../records/transitions";

export interface Newsroom {
  /** A draft by the editor (not submitted). */
  draft(overrides?: Partial<RecordInput>): Promise<number>;
  /** A record drafted, approved and signed: published. */
  publish(overrides?: Partial<RecordInput>): Promise<number>;
  /** A record approved and scheduled (定时发布) for `publishAt`. */
  schedule(publishAt: string, overrides?: Partial<RecordInput>): Promise<number>;
  /** A policy needing interpretation and its interpretation, published together. */
  publishPolicyWithInterpretation(): Promise<{ policy: number; interpretation: number }>;
  withdraw(id: number): Promise<void>;
  /** Stores `bytes` under the uploads folder and attaches them to the record. */
  attach(recordId: number, fileName: string, bytes: Uint8Array, mediaType: string): Promise<number>;
}

/** Users with the workflow roles and the site's credit code, on a fresh test app. */
export async function openNewsroom(t: TestApp): Promise<Newsroom> {
  await setCreditCode(t.t.db);
  for (const [name, role] of [
    ["editor", "editor"],
    ["interpreter", "editor"],
    ["reviewer", "reviewer"],
    ["approver", "approver"],
  ] as const) {
    await t.createUser(name, [role]);
  }
  const editor = await actorFor(t.t.db, "editor");
  const interpreter = await actorFor(t.t.db, "interpreter");
  const reviewer = await actorFor(t.t.db, "reviewer");
  const approver = await actorFor(t.t.db, "approver");
  const act = (id: number, input: Parameters<typeof transitionRecord>[2], actor: RecordActor) =>
    transitionRecord(t.t.db, id, input, actor, t.now());
  const draftAs = async (actor: RecordActor, overrides: Partial<RecordInput>) =>
    (await createRecord(t.t.db, buildRecord(overrides), actor, t.now())).id;
  const approve = async (id: number, drafter: RecordActor) => {
    await act(id, { action: "submit" }, drafter);
    await act(id, { action: "approve", review: publishableReview }, reviewer);
  };

  return {
    draft: (overrides = {}) => draftAs(editor, overrides),
    async publish(overrides = {}) {
      const id = await draftAs(editor, overrides);
      await approve(id, editor);
      await act(id, { action: "sign" }, approver);
      return id;
    },
    async schedule(publishAt, overrides = {}) {
      const id = await draftAs(editor, overrides);
      await approve(id, editor);
      await act(id, { action: "schedule", publishAt }, approver);
      return id;
    },
    async publishPolicyWithInterpretation() {
      const policy = await draftAs(editor, {
        title: "县市场监督管理局食品小作坊登记管理办法",
        genre: "normativeDocument",
        docNo: "县市监规〔2025〕1号",
        needsInterpretation: true,
      });
      const interpretation = await draftAs(interpreter, {
        title: "《县市场监督管理局食品小作坊登记管理办法》政策解读",
        genre: "interpretation",
        interpretsRecordId: policy,
        interpretationKind: "text",
      });
      await approve(interpretation, interpreter);
      await approve(policy, editor);
      await act(policy, { action: "sign" }, approver);
      return { policy, interpretation };
    },
    async withdraw(id) {
      await act(id, { action: "withdraw", comment: "信息有误,撤回修改" }, approver);
    },
    async attach(recordId, fileName, bytes, mediaType) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const storagePath = storagePathOf(sha256);
      const full = join(t.config.uploadsDir, storagePath);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
      const at = t.now().toISOString();
      const file =
        (await t.t.db
          .selectFrom("files")
          .select("id")
          .where("sha256", "=", sha256)
          .executeTakeFirst()) ??
        (await t.t.db
          .insertInto("files")
          .values({
            sha256,
            media_type: mediaType,
            size: bytes.length,
            storage_path: storagePath,
            created_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow());
      const attachment = await t.t.db
        .insertInto("record_attachments")
        .values({
          record_id: recordId,
          file_id: file.id,
          file_name: fileName,
          created_at: at,
          created_by: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return attachment.id;
    },
  };
}
