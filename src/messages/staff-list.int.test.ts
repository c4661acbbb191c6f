import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { STAFF_PAGE_SIZE, staffFilterOf, staffListHref } from "./staff-queries";
import { setUpStaff } from "./test-fixtures";

/** A message row as the services leave it; `n` orders receipt (and due day) by day. */
function messageRow(n: number, state: "received" | "replied") {
  const day = (offset: number) =>
    new Date(Date.UTC(2024, 0, 1) + (n + offset) * 86_400_000).toISOString().slice(0, 10);
  return {
    message_no: `LY-2024-${String(n).padStart(5, "0")}`,
    query_code_hash: `h${n}`,
    category: "inquiry",
    subject: `测试留言${n}号`,
    body: "内容",
    consent_public: 0,
    state,
    received_on: day(0),
    due_on: day(7),
    deadline_workdays: 5,
    reply_text: state === "replied" ? "答复" : "",
    replied_on: state === "replied" ? day(3) : null,
    replied_at: state === "replied" ? `${day(3)}T08:00:00.000Z` : null,
    created_at: `${day(0)}T02:00:00.000Z`,
    updated_at: `${day(0)}T02:00:00.000Z`,
  };
}

const numbersOn = (html: string) => [...html.matchAll(/LY-2024-(\d{5})/g)].map((m) => Number(m[1]));

// Years of replied messages must not push the day's work off the list: before, the default view
// showed the 500 earliest-due messages of any state, so once more than 500 had been replied
// nothing new was listed at all.
describe("留言 back-office list at volume", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await setUpStaff(t);
    // 600 replied over the years, then 60 still open (the newest).
    const rows = [
      ...Array.from({ length: 600 }, (_, i) => messageRow(i + 1, "replied")),
      ...Array.from({ length: 60 }, (_, i) => messageRow(601 + i, "received")),
    ];
    for (let i = 0; i < rows.length; i += 100) {
      await t.t.db
        .insertInto("messages")
        .values(rows.slice(i, i + 100))
        .execute();
    }
  });
  after(() => t.close());

  it("shows the messages still to answer by default, earliest due first, one page at a time", async () => {
    const office = await t.login("office");
    const first = await (await office.get("/admin/messages")).text();
    assert.match(first, /共 60 条,答复期限最早的在前/);
    const shown = numbersOn(first);
    assert.equal(shown.length, STAFF_PAGE_SIZE);
    assert.deepEqual(shown.slice(0, 2), [601, 602]);
    assert.ok(
      shown.every((n) => n > 600),
      "a replied message on the to-do list",
    );
    assert.match(first, /href="\/admin\/messages\?page=2"/);
    const second = numbersOn(await (await office.get("/admin/messages?page=2")).text());
    assert.deepEqual(second, [651, 652, 653, 654, 655, 656, 657, 658, 659, 660]);
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
