// Test-only helpers for the 办事服务 integration tests (not imported by the product).
import type { TestApp } from "../../test/support/app";
import { actorFor, setCreditCode } from "../records/test-fixtures";
import type { ServiceGuideInput } from "./guide-schema";
import { createGuide } from "./guide-service";
import { publishGuide } from "./seed";

/** Users for the guide workflow (an editor drafts, a reviewer approves, an approver signs). */
export async function createGuideCast(t: TestApp): Promise<void> {
  // Publishing assigns a 索引号, which needs the bureau's 统一社会信用代码.
  await setCreditCode(t.t.db);
  await t.createUser("editor", ["editor"]);
  await t.createUser("reviewer", ["reviewer"]);
  await t.createUser("approver", ["approver"]);
}

async function castOf(t: TestApp) {
  return {
    editor: await actorFor(t.t.db, "editor"),
    reviewer: await actorFor(t.t.db, "reviewer"),
    approver: await actorFor(t.t.db, "approver"),
  };
}

/** A guide drafted and published through the records workflow; its record id. */
export async function publishTestGuide(t: TestApp, input: ServiceGuideInput): Promise<number> {
  const cast = await castOf(t);
  return t.t.db
    .transaction()
    .execute((trx) => publishGuide(trx, input, { catalogItemId: null }, cast, t.now()));
}

/** A guide left as a draft; its record id. */
export async function draftTestGuide(t: TestApp, input: ServiceGuideInput): Promise<number> {
  const cast = await castOf(t);
  return (await createGuide(t.t.db, input, {}, cast.editor, t.now())).id;
}
