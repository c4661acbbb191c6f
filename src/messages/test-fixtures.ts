// Test-only helpers for the messages integration tests (not imported by the product).
import type { Browser, TestApp } from "../../test/support/app";
import { createUnit } from "../org/store";
import { solveHumanCheck } from "../requests/test-fixtures";

export const PHONE = "13912345678";
export const EMAIL = "liu.asker@example.com";
export const NAME = "刘留言";

export function messageFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    category: "inquiry",
    subject: "食品经营许可证延续需要哪些材料",
    body: "我的食品经营许可证下月到期,请问延续需要提交哪些材料?",
    name: NAME,
    phone: PHONE,
    email: EMAIL,
    consentPublic: "1",
    ...overrides,
  };
}

/** Leaves a message through the public form as a person would; returns number, code and the page. */
export async function leaveMessage(
  t: TestApp,
  fields: Record<string, string> = messageFields(),
  browser: Browser = t.browser(),
): Promise<{ id: number; number: string; code: string; html: string }> {
  const form = await (await browser.get("/interaction/messages/new")).text();
  t.setNow(new Date(t.now().getTime() + 5000).toISOString());
  const res = await browser.post("/interaction/messages/new", {
    ...fields,
    ...solveHumanCheck(form),
  });
  if (res.status !== 303) throw new Error(`message failed: ${res.status} ${await res.text()}`);
  const html = await (await browser.get(res.headers.get("location")!)).text();
  const number = /LY-\d{4}-\d{5}/.exec(html)?.[0];
  const code = /查询码<\/dt><dd><strong>([A-Z0-9-]+)<\/strong>/.exec(html)?.[1];
  if (!number || !code) throw new Error(`no number or code on the page: ${html}`);
  const row = await t.t.db
    .selectFrom("messages")
    .select("id")
    .where("message_no", "=", number)
    .executeTakeFirstOrThrow();
  return { id: row.id, number, code, html };
}

/** Two units under the root and the staff the workflow needs. */
export async function setUpStaff(t: TestApp) {
  const root = await t.rootUnitId();
  const food = await createUnit(
    t.t.db,
    { name: "食品经营股", kind: "department", parentId: root },
    t.now(),
  );
  const town = await createUnit(
    t.t.db,
    { name: "城关市场监管所", kind: "township_office", parentId: root },
    t.now(),
  );
  await t.createUser("office", ["reviewer"], root);
  await t.createUser("food-editor", ["editor"], food);
  await t.createUser("food-reviewer", ["reviewer"], food);
  await t.createUser("town-editor", ["editor"], town);
  await t.createUser("town-reviewer", ["reviewer"], town);
  return { root, food, town };
}
