// Factories for meeting tests: an announcement drafted by an editor and published by a reviewer
// through the real pages, and a person signing up through the public form.
import assert from "node:assert/strict";
import type { Browser, TestApp } from "../../../test/support/app";
import { solveHumanCheck } from "../../requests/test-fixtures";

/** Recognisable personal data: none of it may appear on a public page or in the API. */
export const SIGNER = { name: "欧阳振华", phone: "13912345678", organisation: "城关镇第三社区" };

const HOUR = 3_600_000;
const local = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16); // Beijing wall time for datetime-local

/** Form fields of an announcement relative to now: sign-up open now for 2 days, meeting in 5. */
export function meetingFields(t: TestApp, overrides: Record<string, string> = {}) {
  const now = t.now().getTime();
  return {
    kind: "symposium",
    topic: "农贸市场管理办法座谈会",
    startsAt: local(now + 120 * HOUR),
    endsAt: local(now + 122 * HOUR),
    place: "县市场监管局三楼会议室",
    organiser: "县市场监督管理局",
    howToJoin: "网上报名",
    eligibility: "本县居民",
    signupOpensAt: local(now - HOUR),
    signupClosesAt: local(now + 48 * HOUR),
    quota: "2",
    selection: "firstCome",
    ...overrides,
  };
}

/** Drafts (editor) and publishes (reviewer) an announcement; returns its id. */
export async function publishMeetingVia(
  t: TestApp,
  editor: Browser,
  reviewer: Browser,
  overrides: Record<string, string> = {},
): Promise<number> {
  await editor.get("/admin/meetings/new");
  const created = await editor.post("/admin/meetings/new", meetingFields(t, overrides));
  assert.equal(created.status, 303, await created.clone().text());
  const id = Number(/\/admin\/meetings\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
  await reviewer.get(`/admin/meetings/${id}`);
  const published = await reviewer.post(`/admin/meetings/${id}/publish`);
  assert.equal(published.status, 303);
  return id;
}

/** Loads the sign-up form in a fresh anonymous browser: the browser and the solved human check. */
export async function openSignupForm(t: TestApp, id: number) {
  const browser = t.browser();
  const html = await (await browser.get(`/interaction/meetings/${id}/signup`)).text();
  return { browser, check: solveHumanCheck(html) };
}

/** Moves the test clock forward. */
export function advance(t: TestApp, ms: number): void {
  t.setNow(new Date(t.now().getTime() + ms).toISOString());
}

/** Signs up through the public form (5 s after loading it); returns the response. */
export async function signUpVia(
  t: TestApp,
  id: number,
  person: { name: string; phone: string; organisation?: string; statement?: string },
): Promise<Response> {
  const { browser, check } = await openSignupForm(t, id);
  advance(t, 5000);
  return browser.post(`/interaction/meetings/${id}/signup`, { ...person, ...check });
}

/** The 报名编号 from a successful sign-up's redirect. */
export function signupNoOf(res: Response): string {
  assert.equal(res.status, 303);
  const no = new URL(res.headers.get("location")!, "http://x").searchParams.get("no");
  assert.ok(no);
  return no;
}

/** n distinct people, phones 1380000xxxx. */
export function people(n: number, offset = 0) {
  return Array.from({ length: n }, (_, i) => ({
    name: `测试人${i + offset + 1}号`,
    phone: `1380000${String(i + offset + 1).padStart(4, "0")}`,
  }));
}
