import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { STAFF_PAGE_SIZE, staffFilterOf, staffListHref } from "./staff-queries";
import { setUpStaff } from "./test-fixtures";

const TODAY = "2025-03-03";
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const STATES = ["received", "assigned", "in_review"] as const;

interface Planned {
  n: number;
  state: (typeof STATES)[number] | "replied";
  receivedOn: string;
  dueOn: string;
}

/**
 * 600 replied messages over 2023–2024, then 60 open ones received in 2025 in every open state;
 * odd ones have long deadlines, so the order of due days differs from the order of receipt and
 * some are not yet overdue on TODAY.
 */
function plan(): Planned[] {
  const replied = Array.from({ length: 600 }, (_, i): Planned => {
    const receivedOn = dayAfter("2023-01-01", i + 1);
    return { n: i + 1, state: "replied", receivedOn, dueOn: dayAfter(receivedOn, 7) };
  });
  const open = Array.from({ length: 60 }, (_, i): Planned => {
    const n = 601 + i;
    const receivedOn = dayAfter("2025-01-01", i);
    return { n, state: STATES[n % 3]!, receivedOn, dueOn: dayAfter(receivedOn, n % 2 ? 40 : 5) };
  });
  return [...replied, ...open];
}

function messageRow(p: Planned) {
  return {
    message_no: `LY-2024-${String(p.n).padStart(5, "0")}`,
    query_code_hash: `h${p.n}`,
    category: "inquiry",
    subject: `测试留言${p.n}号`,
    body: "内容",
    consent_public: 0,
    state: p.state,
    received_on: p.receivedOn,
    due_on: p.dueOn,
    deadline_workdays: 5,
    reply_text: p.state === "replied" ? "答复" : "",
    replied_on: p.state === "replied" ? p.dueOn : null,
    replied_at: p.state === "replied" ? `${p.dueOn}T08:00:00.000Z` : null,
    created_at: `${p.receivedOn}T02:00:00.000Z`,
    updated_at: `${p.receivedOn}T02:00:00.000Z`,
  };
}

const numbersOn = (html: string) => [...html.matchAll(/LY-2024-(\d{5})/g)].map((m) => Number(m[1]));
const mostUrgentFirst = (rows: Planned[]) =>
  [...rows].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.n - b.n).map((p) => p.n);

// Years of replied messages must not push the day's work off the list: before, the default view
// showed the 500 earliest-due messages of any state, so once more than 500 had been replied
// nothing new was listed at all.
describe("留言 back-office list at volume", () => {
  let t: TestApp;
  const rows = plan();
  const open = rows.filter((p) => p.state !== "replied");
  before(async () => {
    t = await createTestApp({ start: `${TODAY}T02:00:00Z` });
    await setUpStaff(t);
    for (let i = 0; i < rows.length; i += 100) {
      await t.t.db
        .insertInto("messages")
        .values(rows.slice(i, i + 100).map(messageRow))
        .execute();
    }
  });
  after(() => t.close());

  it("shows the messages still to answer by default, earliest due first, one page at a time", async () => {
    const office = await t.login("office");
    const first = await (await office.get("/admin/messages")).text();
    assert.match(first, /共 60 条,答复期限最早的在前/);
    const expected = mostUrgentFirst(open);
    assert.deepEqual(numbersOn(first), expected.slice(0, STAFF_PAGE_SIZE));
    assert.match(first, /href="\/admin\/messages\?page=2"/);
    const second = numbersOn(await (await office.get("/admin/messages?page=2")).text());
    assert.deepEqual(second, expected.slice(STAFF_PAGE_SIZE));
  });

  it("lists replied and all messages newest first", async () => {
    const office = await t.login("office");
    const replied = await (await office.get("/admin/messages?state=replied")).text();
    assert.match(replied, /共 600 条,收到日期最新的在前/);
    assert.deepEqual(numbersOn(replied).slice(0, 2), [600, 599]);
    const all = await (await office.get("/admin/messages?state=all&page=2")).text();
    assert.match(all, /共 660 条/);
    assert.equal(numbersOn(all)[0], 660 - STAFF_PAGE_SIZE);
    assert.match(all, /href="\/admin\/messages\?state=all&amp;page=3"/);
  });

  it("combines 只看已超期 with the chosen state", async () => {
    const office = await t.login("office");
    const overdue = open.filter((p) => p.dueOn < TODAY);
    assert.ok(overdue.length > 0 && overdue.length < open.length);
    const any = await (await office.get("/admin/messages?overdue=1")).text();
    assert.match(any, new RegExp(`共 ${overdue.length} 条`));
    assert.deepEqual(numbersOn(any), mostUrgentFirst(overdue).slice(0, STAFF_PAGE_SIZE));
    const assigned = overdue.filter((p) => p.state === "assigned");
    const onlyAssigned = await (
      await office.get("/admin/messages?state=assigned&overdue=1")
    ).text();
    assert.deepEqual(numbersOn(onlyAssigned), mostUrgentFirst(assigned));
    const repliedOverdue = await (
      await office.get("/admin/messages?state=replied&overdue=1")
    ).text();
    assert.match(repliedOverdue, /共 0 条/);
    assert.match(repliedOverdue, /没有符合条件的留言/);
  });

  it("falls back to the default view on a malformed filter", async () => {
    const office = await t.login("office");
    const res = await office.get("/admin/messages?state=%27--&page=-3&unitId=x");
    assert.equal(res.status, 200);
    assert.match(await res.text(), /共 60 条/);
  });
});

describe("staffFilterOf and staffListHref", () => {
  const query = (q: string) => {
    const params = new URLSearchParams(q);
    return (name: string) => params.get(name) ?? undefined;
  };

  it("round-trips a filter through its address", () => {
    const filter = staffFilterOf(query("state=in_review&unitId=3&overdue=1&page=4"));
    assert.deepEqual(filter, { view: "in_review", overdue: true, unitId: 3, page: 4 });
    const href = staffListHref(filter, 5);
    assert.equal(href, "/admin/messages?state=in_review&unitId=3&overdue=1&page=5");
    assert.deepEqual(staffFilterOf(query(href.split("?")[1]!)), { ...filter, page: 5 });
  });

  it("keeps the default view out of the address", () => {
    assert.equal(staffListHref(staffFilterOf(query("")), 1), "/admin/messages");
    assert.equal(staffListHref(staffFilterOf(query("page=0")), 2), "/admin/messages?page=2");
  });
});
