// Test-only factories for the records integration tests (not imported by the product).
import type { Kysely } from "kysely";
import type { Role } from "../accounts/roles";
import type { DB } from "../db/schema";
import { defaultSiteSettings, saveSiteSettings } from "../platform/settings";
import type { RecordActor } from "./changes";
import type { RecordInput } from "./schema";
import type { ReviewForm } from "./workflow";

export const CREDIT_CODE = "11411221MB1234567X";

export const publishableReview: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: false,
  disclosureAttribute: "proactive",
  legalReason: "",
};

/** A valid draft that passes proofreading; override what a test is about. */
export function buildRecord(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    title: "关于开展2025年食品安全抽检工作的通知",
    formedOn: "2025-02-20",
    topic: "市场监管",
    genre: "notice",
    openness: "execution",
    bodyHtml: "<p>各乡镇监管所:现将有关事项通知如下,请遵照执行。</p>",
    ...overrides,
  };
}

export async function setCreditCode(db: Kysely<DB>, creditCode = CREDIT_CODE): Promise<void> {
  await saveSiteSettings(db, { ...defaultSiteSettings, creditCode });
}

/** A catalog item with a machine deadline rule (default: 20 working days from formation). */
export async function insertCatalogItem(
  db: Kysely<DB>,
  options: { code: string; rule?: object | null; proactive?: boolean; active?: boolean },
): Promise<number> {
  const at = "2025-01-01T00:00:00.000Z";
  const rule =
    options.rule === undefined
      ? { kind: "working_days_from_formation_or_change", days: 20 }
      : options.rule;
  const { id } = await db
    .insertInto("catalog_items")
    .values({
      code: options.code,
      seq: null,
      category: "行政执法",
      item: `事项 ${options.code}`,
      elements: "[]",
      legal_basis: "[]",
      deadline_text: "信息形成或变更之日起20个工作日内",
      deadline_rule: rule ? JSON.stringify(rule) : null,
      responsible_unit: "局机关",
      channels: "[]",
      audience: JSON.stringify({ wholeSociety: true, specificGroup: false, specificGroupName: "" }),
      mode: JSON.stringify({ proactive: options.proactive ?? true, onApplication: false }),
      level: JSON.stringify({ county: true, township: false }),
      verification: "verified",
      missing_fields: "[]",
      unverified_fields: "[]",
      notes: "",
      source: "[]",
      is_active: options.active === false ? 0 : 1,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The actor a service call is made as, from a stored user. */
export async function actorFor(db: Kysely<DB>, username: string): Promise<RecordActor> {
  const user = await db
    .selectFrom("users")
    .select(["id", "unit_id"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom("user_roles")
    .select("role")
    .where("user_id", "=", user.id)
    .execute();
  return {
    id: user.id,
    name: username,
    ip: "127.0.0.1",
    roles: roles.map((r) => r.role as Role),
    unitId: user.unit_id,
  };
}
