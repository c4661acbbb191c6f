// The applications API: public filing and lookup, staff registration, lists, cases with their
// clock, events with the rules' Chinese refusals, and no personal data in any response.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { API_FILINGS_PER_HOUR } from "./api";
import { LOOKUP_FAILURES_PER_ADDRESS, LOOKUP_FAILURES_PER_NUMBER } from "./lookup";
import { buildApplicationInput, PERSON } from "./test-fixtures";

describe("applications API", () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  /** Every response body seen, to search for personal data at the end. */
  const bodies: string[] = [];

  async function call(
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    ip = "203.0.113.1",
  ) {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-forwarded-for": ip,
    };
    if (user) headers.authorization = `Bearer ${tokens[user]}`;
    const res = await t.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    bodies.push(text);
    return {
      status: res.status,
      // biome-ignore lint/suspicious/noExplicitAny: response shapes are checked by the assertions
      json: JSON.parse(text) as Record<string, any>,
      headers: res.headers,
    };
  }
  const event = (user: string, id: number, body: object) =>
    call(user, "POST", `/api/v1/applications/${id}/events`, body);
  const day = (date: string) => t.setNow(`${date}T02:00:00Z`);

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z", env: { GONGKAI_TRUST_PROXY: "1" } });
    for (const [name, roles] of [
      ["officer", ["applicationOfficer"]],
      ["signer", ["approver"]],
      ["editor", ["editor"]],
    ] as const) {
      await t.createUser(name, [...roles]);
      tokens[name] = await t.token(name);
    }
  });
  after(() => t.close());

  let online: { id: number; number: string; code: string };

  it("anyone files through the API and gets 201 with number and code; it waits in 待确认", async () => {
    const res = await call(null, "POST", "/api/v1/applications", buildApplicationInput());
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.json).sort(), ["number", "queryCode"]);
    const lookup = await call(
      null,
      "GET",
      `/api/v1/applications/lookup?number=${res.json.number}&code=${res.json.queryCode}`,
    );
    assert.equal(lookup.status, 200);
    assert.equal(lookup.json.state, "awaiting_confirmation");
    assert.equal(lookup.json.stateText, "待确认:本机关确认收到申请后开始计算答复期限");
    assert.equal(lookup.json.dueDate, null);
    const row = await t.t.db
      .selectFrom("applications")
      .select("id")
      .where("application_no", "=", res.json.number)
      .executeTakeFirstOrThrow();
    online = { id: row.id, number: res.json.number, code: res.json.queryCode };
  });

  it("a public filing needs the ID and a phone number, and validation errors come as a field map", async () => {
    const res = await call(
      null,
      "POST",
      "/api/v1/applications",
      buildApplicationInput({
        applicant: { kind: "natural_person", name: "王五" },
        requestedInfo: {},
      }),
      "203.0.113.9",
    );
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, "validation");
    for (const field of ["applicant.idNumber", "applicant.phone", "requestedInfo.description"]) {
      assert.ok(res.json.error.fields[field], `missing error for ${field}`);
    }
  });

  it(`limits public filings to ${API_FILINGS_PER_HOUR} per address per hour (429)`, async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < API_FILINGS_PER_HOUR; i++) {
      assert.equal(
        (await call(null, "POST", "/api/v1/applications", buildApplicationInput(), ip)).status,
        201,
      );
    }
    const refused = await call(null, "POST", "/api/v1/applications", buildApplicationInput(), ip);
    assert.equal(refused.status, 429);
    assert.ok(refused.headers.get("retry-after"));
  });

  it("staff registration needs a 经办人 token; an in-person application counts from the day handed in", async () => {
    const body = buildApplicationInput({ channel: "in_person", receivedOn: "2025-03-03" });
    assert.equal((await call(null, "POST", "/api/v1/applications", body)).status, 401);
    assert.equal((await call("editor", "POST", "/api/v1/applications", body)).status, 403);
    const res = await call("officer", "POST", "/api/v1/applications", body);
    assert.equal(res.status, 201);
    const view = await call("officer", "GET", `/api/v1/applications/${res.json.id}`);
    assert.equal(view.json.receivedOn, "2025-03-03");
    assert.equal(view.json.clock.dueDate, "2025-03-31");
    assert.equal(view.json.clock.state, "in_progress");
  });

  it("a fax with a confirmation date starts counting on it; without one it waits; future dates are refused", async () => {
    const confirmed = await call(
      "officer",
      "POST",
      "/api/v1/applications",
      buildApplicationInput({
        channel: "fax",
        submittedOn: "2025-02-28",
        receivedOn: "2025-03-03",
      }),
    );
    assert.equal(confirmed.status, 201);
    const view = await call("officer", "GET", `/api/v1/applications/${confirmed.json.id}`);
    assert.equal(view.json.clock.receivedOn, "2025-03-03");
    assert.deepEqual(
      view.json.events.map((e: { type: string }) => e.type),
      ["confirm"],
    );
    const waiting = await call(
      "officer",
      "POST",
      "/api/v1/applications",
      buildApplicationInput({ channel: "mail_unsigned", submittedOn: "2025-03-03" }),
    );
    assert.equal(
      (await call("officer", "GET", `/api/v1/applications/${waiting.json.id}`)).json.phase,
      "awaiting_confirmation",
    );
    const future = await call(
      "officer",
      "POST",
      "/api/v1/applications",
      buildApplicationInput({ channel: "mail_signed", receivedOn: "2025-03-04" }),
    );
    assert.equal(future.status, 400);
    assert.match(future.json.error.fields.receivedOn, /不能晚于今天/);
  });

  it("events follow the rules: confirm, 补正, consultation, extension by the approver only, once, ≤20 days", async () => {
    day("2025-03-04");
    assert.equal(
      (await event("officer", online.id, { type: "confirm", date: "2025-03-04" })).status,
      201,
    );
    const assigned = await event("officer", online.id, {
      type: "assign",
      date: "2025-03-04",
      unitId: await t.rootUnitId(),
    });
    assert.equal(assigned.status, 201);
    assert.equal(assigned.json.application.unitId, await t.rootUnitId());
    day("2025-03-17");
    const late = await event("officer", online.id, {
      type: "request_supplement",
      date: "2025-03-17",
      items: ["说明时间范围"],
    });
    assert.equal(late.status, 409);
    assert.match(late.json.error.message, /7个工作日内一次性告知补正/);
    const consult = await event("officer", online.id, {
      type: "consult_agency",
      date: "2025-03-17",
      party: "县财政局",
    });
    assert.equal(consult.status, 201);
    assert.equal(consult.json.application.clock.isPaused, true);
    const byOfficer = await event("officer", online.id, {
      type: "extend",
      date: "2025-03-17",
      days: 10,
    });
    assert.equal(byOfficer.status, 403);
    assert.equal(byOfficer.json.error.message, "延长答复期限须经签发人批准(条例第三十三条)");
    const tooLong = await event("signer", online.id, {
      type: "extend",
      date: "2025-03-17",
      days: 25,
    });
    assert.equal(tooLong.status, 409);
    assert.equal(tooLong.json.error.message, "延长的期限最长不得超过20个工作日(条例第三十三条)");
    const granted = await event("signer", online.id, {
      type: "extend",
      date: "2025-03-17",
      days: 20,
      approvedBy: "someone else",
      approverRole: "approver",
    });
    assert.equal(granted.status, 201);
    const extension = granted.json.application.events.at(-1);
    assert.equal(
      extension.approvedBy,
      "signer",
      "the approval comes from the acting user, not the payload",
    );
    assert.equal(granted.json.application.clock.extended, true);
    const again = await event("signer", online.id, { type: "extend", date: "2025-03-17", days: 5 });
    assert.equal(again.status, 409);
    assert.equal(again.json.error.message, "答复期限只能延长一次(条例第三十三条)");
    assert.equal(
      (
        await event("signer", online.id, {
          type: "reply",
          date: "2025-03-17",
          result: "results.disclosed",
        })
      ).status,
      403,
    );
  });

  it("the case shows its clock as of any day, with paused intervals", async () => {
    day("2025-04-10");
    const now = await call("officer", "GET", `/api/v1/applications/${online.id}`);
    const clock = now.json.clock;
    assert.equal(clock.pausedIntervals.length, 1);
    assert.equal(clock.pausedIntervals[0].reason, "agency_consultation");
    assert.equal(
      clock.pausedIntervals[0].to,
      "2025-04-08",
      "15 working days after 2025-03-17, 清明 (04-04) not counted",
    );
    assert.equal(clock.extended, true);
    assert.equal(typeof clock.workdaysLeft, "number");
    const earlier = await call(
      "officer",
      "GET",
      `/api/v1/applications/${online.id}?asOf=2025-03-05`,
    );
    assert.equal(earlier.json.clock.dueDate, "2025-04-01");
    assert.equal(earlier.json.clock.extended, false);
    assert.equal(
      (await call("officer", "GET", `/api/v1/applications/${online.id}?asOf=2025-02-30`)).status,
      400,
    );
  });

  it("a reply must name the specific table 三 row, and state reasons where the letter needs them", async () => {
    const group = await event("officer", online.id, {
      type: "reply",
      date: "2025-04-10",
      result: "results.unable_to_provide",
    });
    assert.equal(group.status, 409);
    assert.match(group.json.error.message, /^答复结果为“无法提供”时须选择具体理由/);
    const noReasons = await event("officer", online.id, {
      type: "reply",
      date: "2025-04-10",
      result: "results.unable_to_provide.not_held",
    });
    assert.equal(noReasons.status, 400);
    assert.ok(noReasons.json.error.fields.reasons);
    const unknown = await event("officer", online.id, {
      type: "reply",
      date: "2025-04-10",
      result: "results.maybe",
    });
    assert.equal(unknown.status, 409);
    const done = await event("officer", online.id, {
      type: "reply",
      date: "2025-04-10",
      result: "results.unable_to_provide.not_held",
      reasons: "经检索,本机关未制作或获取该信息。",
    });
    assert.equal(done.status, 201);
    assert.equal(done.json.application.clock.state, "closed");
    assert.equal(done.json.application.clock.result, "results.unable_to_provide.not_held");
  });

  it("a bad event body is a 400 with a Chinese message", async () => {
    const res = await event("officer", online.id, { type: "teleport", date: "2025-04-10" });
    assert.equal(res.status, 400);
    assert.match(res.json.error.message, /未知的办理事件类型/);
  });

  it("lists filter by state, year, unit and overdue, with masked applicants", async () => {
    day("2025-04-30");
    const all = await call("officer", "GET", "/api/v1/applications");
    assert.ok(all.json.items.length >= 9);
    const waiting = await call(
      "officer",
      "GET",
      "/api/v1/applications?state=awaiting_confirmation",
    );
    assert.ok(
      waiting.json.items.every((i: { state: string }) => i.state === "awaiting_confirmation"),
    );
    const overdue = await call("signer", "GET", "/api/v1/applications?overdue=true");
    assert.ok(overdue.json.items.length >= 2, "the in-person and fax cases from March are overdue");
    assert.ok(
      overdue.json.items.every(
        (i: { state: string; workdaysLeft: number }) => i.state === "overdue" && i.workdaysLeft < 0,
      ),
    );
    const closed = await call(
      "officer",
      "GET",
      `/api/v1/applications?state=closed&year=2025&unit=${await t.rootUnitId()}`,
    );
    assert.deepEqual(
      closed.json.items.map((i: { number: string }) => i.number),
      [online.number],
    );
    assert.equal(
      (await call("officer", "GET", "/api/v1/applications?year=2024")).json.items.length,
      0,
    );
    assert.equal((await call("editor", "GET", "/api/v1/applications")).status, 403);
    assert.equal((await call(null, "GET", "/api/v1/applications")).status, 401);
    assert.equal(all.json.items[0].applicant.idNumber, "4101**********1233");
  });

  it("wrong lookup codes are rate-limited per application number, even for the right code afterwards", async () => {
    for (let i = 0; i < LOOKUP_FAILURES_PER_NUMBER; i++) {
      const wrong = await call(
        null,
        "GET",
        `/api/v1/applications/lookup?number=${online.number}&code=AAAA-AAAA`,
        undefined,
        `192.0.2.${i + 1}`,
      );
      assert.equal(wrong.status, 404);
    }
    const blocked = await call(
      null,
      "GET",
      `/api/v1/applications/lookup?number=${online.number}&code=${online.code}`,
      undefined,
      "192.0.2.200",
    );
    assert.equal(blocked.status, 429);
    assert.match(blocked.json.error.message, /稍后再试/);
  });

  it("wrong lookup codes are rate-limited per client address too, on the HTML page as well", async () => {
    const ip = "192.0.2.250";
    for (let i = 0; i < LOOKUP_FAILURES_PER_ADDRESS; i++) {
      const wrong = await call(
        null,
        "GET",
        `/api/v1/applications/lookup?number=YSQ-2025-${String(90000 + i)}&code=AAAAAAAA`,
        undefined,
        ip,
      );
      assert.equal(wrong.status, 404);
      assert.equal(wrong.json.error.message, "申请编号或查询码不正确,请核对后重新输入。");
    }
    assert.equal(
      (
        await call(
          null,
          "GET",
          "/api/v1/applications/lookup?number=YSQ-2025-00002&code=AAAAAAAA",
          undefined,
          ip,
        )
      ).status,
      429,
    );
    const page = await t.app.request("/applications/track", { headers: { "x-forwarded-for": ip } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const res = await t.app.request("/applications/track", {
      method: "POST",
      headers: {
        "x-forwarded-for": ip,
        cookie,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: csrf, number: online.number, code: online.code }),
    });
    assert.equal(res.status, 429);
    assert.match(await res.text(), /查询码错误次数过多/);
  });

  it("no response ever contains the ID number, phone, address or e-mail", () => {
    const all = bodies.join("\n");
    for (const value of [
      PERSON.idNumber,
      PERSON.phone,
      PERSON.address,
      PERSON.email,
      PERSON.name,
    ]) {
      assert.ok(!all.includes(value), `an API response contains ${value}`);
    }
  });
});
