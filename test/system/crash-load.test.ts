// Crash safety under load: public applications, public comments on an open consultation and
// records drafted through the token API are written concurrently while the server is killed with
// SIGKILL at a random moment, many times over. After every restart each write the server
// acknowledged (2xx/3xx) is in the database, the file passes integrity_check and nothing is
// half-written (a row without its audit entry or events, or an audit entry without its row); at
// the end the audit chain verifies. Writes in flight without an answer may or may not be there.
// On SQLite (WAL, synchronous=FULL), with the server as a real process. Restarts use standby
// processes that have loaded the server's modules ahead (spawnStandbyServer in helpers.ts) but
// open the database only when they go, after the kill: the recovery is a cold start's, the
// seconds of module loading are not paid 20 times in a row.
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { personFormFields, solveHumanCheck } from "../../src/requests/test-fixtures";
import {
  cleanUp,
  gongkai,
  HttpBrowser,
  type ServerProcess,
  type StandbyServer,
  spawnStandbyServer,
  startServer,
  tempDir,
} from "./helpers";

/** SIGKILLs, each at a random moment 50–800 ms after a burst of writes started. */
const KILLS = Number(process.env.GONGKAI_CRASH_KILLS ?? 20);
/** Concurrent writers per kind; each writes one thing after another until the server dies. */
const LANES = { application: 2, comment: 2, record: 2 };
/** Forms kept ready per kind: each carries a human check that must age 3 s before use. */
const FORMS_PER_CYCLE = 8;
/** Servers loading their modules in the background, so a restart costs only the start itself. */
const STANDBYS = Number(process.env.GONGKAI_CRASH_STANDBYS ?? 2);
/** The human check refuses answers given sooner than 3 s after the form was served. */
const HUMAN_CHECK_AGE_MS = 3_200;

const password = "Crash-Load-Passw0rd!";
const run = Date.now().toString(36);

type Kind = "application" | "comment" | "record";

/** One write the test sent, with the value that identifies it in the database. */
interface Write {
  kind: Kind;
  cycle: number;
  /** infoName of an application, part of a comment's body, title of a record. */
  marker: string;
  /** acknowledged: 2xx/3xx came back; unanswered: the connection died first. */
  outcome: "acknowledged" | "unanswered";
  /** Application number (from the page after the redirect) or record id (from the 201 body). */
  ref?: string;
}

/** A form page already served: its browser (cookies, CSRF field) and solved human check. */
interface ServedForm {
  browser: HttpBrowser;
  check: Record<string, string>;
  usableAt: number;
}

function shanghaiDate(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A distinct client address per form, so the per-address limits of public forms never bite. */
let addressSeq = 0;
function nextAddress(): string {
  addressSeq++;
  return `10.${(addressSeq >> 16) & 255}.${(addressSeq >> 8) & 255}.${addressSeq & 255}`;
}

describe("SIGKILL at random moments during concurrent writes", () => {
  const dataDir = tempDir();
  const env = {
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_ADMIN_PASSWORD: "Initial-Passw0rd!",
    GONGKAI_DEMO: "off",
    GONGKAI_LOG_LEVEL: "warn",
    // Human check and rate limits count per address; the test varies X-Forwarded-For.
    GONGKAI_TRUST_PROXY: "true",
  };
  const cli = { GONGKAI_DATA_DIR: dataDir, GONGKAI_LOG_LEVEL: "warn" };
  let server: ServerProcess;
  const standbys: StandbyServer[] = [];
  let apiToken = "";
  let consultationId = 0;

  const ledger: Write[] = [];
  const refusals: string[] = [];
  const pools: Record<"application" | "comment", ServedForm[]> = { application: [], comment: [] };
  /** Applications answered 303 whose number page was not read before the kill. */
  const numberPending: { write: Write; browser: HttpBrowser }[] = [];
  let kills = 0;
  /** Per restart: from the kill to /healthz 200 (waiting for a standby included), and from go. */
  const restartMs: { total: number; go: number }[] = [];
  /** How lanes ended at the kills: error name and code, counted. */
  const laneEnds = new Map<string, number>();

  after(cleanUp);

  function openDb(): SQLite.Database {
    return new SQLite(join(dataDir, "gongkai.sqlite"), { readonly: true, fileMustExist: true });
  }

  /** The next standby goes; a new one starts loading for a later restart. */
  async function restart(): Promise<void> {
    const since = performance.now();
    const next = standbys.shift() ?? spawnStandbyServer(env);
    while (standbys.length < STANDBYS) standbys.push(spawnStandbyServer(env));
    server = await next.go(60_000);
    restartMs.push({ total: Math.round(performance.now() - since), go: server.readyMs });
  }

  async function fetchForm(kind: "application" | "comment"): Promise<void> {
    const browser = new HttpBrowser(server.url);
    browser.headers = { "x-forwarded-for": nextAddress() };
    const path =
      kind === "application" ? "/applications/new" : `/interaction/consultations/${consultationId}`;
    const { res, html } = await browser.get(path);
    assert.equal(res.status, 200, `GET ${path}`);
    pools[kind].push({
      browser,
      check: solveHumanCheck(html),
      usableAt: performance.now() + HUMAN_CHECK_AGE_MS,
    });
  }

  async function topUpForms(): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const kind of ["application", "comment"] as const) {
      for (let i = pools[kind].length; i < FORMS_PER_CYCLE; i++) jobs.push(fetchForm(kind));
    }
    await Promise.all(jobs);
  }

  function takeForm(kind: "application" | "comment"): ServedForm | undefined {
    const pool = pools[kind];
    const i = pool.findIndex((f) => f.usableAt <= performance.now());
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  }

  /** POSTs a form and keeps status, location and body (HttpBrowser.post drops the body). */
  async function postForm(browser: HttpBrowser, path: string, fields: Record<string, string>) {
    const res = await browser.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: browser.csrf, ...fields }),
    });
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  }

  function refused(kind: Kind, status: number, text: string): void {
    const message = /<title>([^<]*)<\/title>|"message":"([^"]*)"/.exec(text);
    refusals.push(`${kind} ${status} ${message?.[1] ?? message?.[2] ?? text.slice(0, 200)}`);
  }

  /** Reads the application number off the page the 303 leads to (cookie-carried, 10 minutes). */
  async function readNumber(browser: HttpBrowser): Promise<string | undefined> {
    const { html } = await browser.get("/applications/submitted");
    return /YSQ-\d{4}-\d{5}/.exec(html)?.[0];
  }

  async function writeApplication(cycle: number, seq: number): Promise<boolean> {
    const form = takeForm("application");
    if (!form) return false;
    form.browser.base = server.url;
    const marker = `崩溃负载申请-${run}-${cycle}-${seq}`;
    const write: Write = { kind: "application", cycle, marker, outcome: "unanswered" };
    ledger.push(write);
    const res = await postForm(form.browser, "/applications/new", {
      ...personFormFields({ infoName: marker }),
      ...form.check,
    });
    if (res.status !== 303) {
      ledger.pop();
      refused("application", res.status, res.text);
      return true;
    }
    acknowledge(write);
    try {
      write.ref = await readNumber(form.browser);
    } catch {
      numberPending.push({ write, browser: form.browser });
      throw new Error("killed after the 303");
    }
    if (!write.ref) refusals.push(`application ${marker}: no number on the page after the 303`);
    return true;
  }

  async function writeComment(cycle: number, seq: number): Promise<boolean> {
    const form = takeForm("comment");
    if (!form) return false;
    form.browser.base = server.url;
    const marker = `崩溃负载意见-${run}-${cycle}-${seq}`;
    const write: Write = { kind: "comment", cycle, marker, outcome: "unanswered" };
    ledger.push(write);
    const res = await postForm(
      form.browser,
      `/interaction/consultations/${consultationId}/comments`,
      { articleNo: "whole", body: `建议补充细则。${marker}`, name: "", contact: "", ...form.check },
    );
    if (res.status !== 303) {
      ledger.pop();
      refused("comment", res.status, res.text);
      return true;
    }
    acknowledge(write);
    return true;
  }

  async function writeRecord(cycle: number, seq: number): Promise<boolean> {
    const marker = `崩溃负载信息-${run}-${cycle}-${seq}`;
    const write: Write = { kind: "record", cycle, marker, outcome: "unanswered" };
    ledger.push(write);
    const res = await fetch(new URL("/api/v1/records", server.url), {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        title: marker,
        formedOn: "2025-02-20",
        topic: "市场监管",
        genre: "notice",
        openness: "execution",
        bodyHtml: "<p>各乡镇监管所:现将有关事项通知如下,请遵照执行。</p>",
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 201) {
      ledger.pop();
      refused("record", res.status, await res.text().catch(() => ""));
      return true;
    }
    // The status line is the acknowledgement; the body may still be cut off by the kill.
    acknowledge(write);
    write.ref = String(((await res.json()) as { id: number }).id);
    return true;
  }

  /** Starts every lane; each writes until it fails (the server is gone) or runs out of forms. */
  /**
   * The current burst: resolves `answered` once every kind of write has been acknowledged at
   * least once (or its writers stopped without), the moment the random kill delay counts from.
   */
  let current: { waiting: Set<Kind>; answered: () => void } | null = null;

  function acknowledge(write: Write): void {
    write.outcome = "acknowledged";
    settle(write.kind);
  }

  function settle(kind: Kind): void {
    if (!current?.waiting.delete(kind)) return;
    if (current.waiting.size === 0) current.answered();
  }

  function burst(cycle: number): { answered: Promise<void>; settled: Promise<unknown> } {
    let answered = () => {};
    const promise = new Promise<void>((r) => {
      answered = r;
    });
    current = { waiting: new Set(Object.keys(LANES) as Kind[]), answered };
    let seq = 0;
    const lanes: Promise<void>[] = [];
    const writers = { application: writeApplication, comment: writeComment, record: writeRecord };
    for (const kind of Object.keys(LANES) as Kind[]) {
      for (let l = 0; l < LANES[kind]; l++) {
        lanes.push(
          (async () => {
            // A small random pause between writes spreads them over the kill window.
            while (await writers[kind](cycle, ++seq)) await sleep(randomInt(0, 60));
            // Out of forms: nothing of this kind to wait for.
            settle(kind);
          })(),
        );
      }
    }
    const settled = Promise.allSettled(lanes).then((results) => {
      for (const r of results) {
        if (r.status === "fulfilled") continue;
        const e = r.reason as Error & { cause?: { code?: string } };
        const why = `${e.name}: ${e.cause?.code ?? e.message}`;
        laneEnds.set(why, (laneEnds.get(why) ?? 0) + 1);
      }
    });
    return { answered: promise, settled };
  }

  /** What must hold in the database at any moment, acknowledged or not. */
  function checkDatabase(where: string): void {
    const db = openDb();
    try {
      assert.equal(db.pragma("integrity_check", { simple: true }), "ok", where);
      const ids = (sql: string) => (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
      // An application is inserted, given its computed columns and audited in one transaction.
      assert.deepEqual(
        ids(`select a.id from applications a where
               (select count(*) from audit_log l where l.action = 'application.file'
                  and l.object_type = 'application' and l.object_id = cast(a.id as text)) <> 1
               or a.phase is null`),
        [],
        `${where}: applications without exactly one audit entry`,
      );
      assert.deepEqual(
        ids(`select l.id from audit_log l where l.action = 'application.file'
               and not exists (select 1 from applications a where cast(a.id as text) = l.object_id)`),
        [],
        `${where}: audit entries of applications that are not there`,
      );
      assert.deepEqual(
        ids(`select c.id from consultation_comments c where
               (select count(*) from audit_log l where l.action = 'consultation.comment'
                  and l.object_id = cast(c.consultation_id as text)
                  and l.detail = '意见 #' || c.id) <> 1`),
        [],
        `${where}: comments without exactly one audit entry`,
      );
      assert.deepEqual(
        ids(`select l.id from audit_log l where l.action = 'consultation.comment'
               and not exists (select 1 from consultation_comments c
                                where l.detail = '意见 #' || c.id)`),
        [],
        `${where}: audit entries of comments that are not there`,
      );
      // A draft is inserted with its first version, its create event and its audit entry.
      assert.deepEqual(
        ids(`select r.id from records r where
               (select count(*) from record_versions v where v.record_id = r.id) <> 1
               or (select count(*) from record_events e
                     where e.record_id = r.id and e.action = 'create') <> 1
               or (select count(*) from audit_log l where l.action = 'record.create'
                     and l.object_type = 'record' and l.object_id = cast(r.id as text)) <> 1`),
        [],
        `${where}: records without exactly one version, create event and audit entry`,
      );
      assert.deepEqual(
        ids(`select l.id from audit_log l where l.action = 'record.create'
               and not exists (select 1 from records r where cast(r.id as text) = l.object_id)`),
        [],
        `${where}: audit entries of records that are not there`,
      );
    } finally {
      db.close();
    }
  }

  /** Every acknowledged write is there (and, for all writes, at most once). */
  function checkLedger(where: string): { found: number; unansweredFound: number } {
    const db = openDb();
    try {
      const application = db.prepare(
        "select application_no as ref from applications where requested_name = ?",
      );
      const comment = db.prepare(
        "select cast(id as text) as ref from consultation_comments where consultation_id = ? and body like ?",
      );
      const record = db.prepare("select cast(id as text) as ref from records where title = ?");
      let found = 0;
      let unansweredFound = 0;
      for (const w of ledger) {
        const rows = (
          w.kind === "application"
            ? application.all(w.marker)
            : w.kind === "comment"
              ? comment.all(consultationId, `%${w.marker}`)
              : record.all(w.marker)
        ) as { ref: string }[];
        assert.ok(
          rows.length <= 1,
          `${where}: ${w.kind} ${w.marker} is there ${rows.length} times`,
        );
        if (w.outcome === "unanswered") {
          if (rows.length) unansweredFound++;
          continue;
        }
        assert.equal(
          rows.length,
          1,
          `${where}: acknowledged ${w.kind} ${w.marker} (cycle ${w.cycle}) is lost`,
        );
        if (w.ref) assert.equal(rows[0]!.ref, w.ref, `${where}: ${w.kind} ${w.marker}`);
        found++;
      }
      return { found, unansweredFound };
    } finally {
      db.close();
    }
  }

  it("setup: staff with an API token, an open consultation", { timeout: 180_000 }, async () => {
    // A cold first start creates the database, the root unit and admin.
    server = await startServer(env, 90_000);
    const added = await gongkai(
      [
        "user",
        "add",
        "--username",
        "staff",
        "--name",
        "崩溃测试员",
        "--role",
        "editor",
        "--role",
        "reviewer",
        "--password",
        password,
      ],
      cli,
      120_000,
    );
    assert.equal(added.code, 0, added.stderr);
    const token = await gongkai(["token", "create", "--user", "staff"], cli, 120_000);
    assert.equal(token.code, 0, token.stderr);
    apiToken = token.stdout.trim();
    // Loading in the background while the consultation is set up.
    for (let i = 0; i < STANDBYS; i++) standbys.push(spawnStandbyServer(env));

    const db = openDb();
    const unit = db.prepare("select id from units where name = '局机关'").get() as { id: number };
    db.close();
    const staff = new HttpBrowser(server.url);
    await staff.login("staff", password);
    await staff.get("/admin/consultations/new");
    const created = await postForm(staff, "/admin/consultations/new", {
      title: "县食品小作坊登记管理办法(征求意见稿·崩溃测试)",
      unitId: String(unit.id),
      draftText: [
        "第一条 为了规范食品小作坊登记,制定本办法。",
        "第二条 本办法适用于本县行政区域内的食品小作坊。",
      ].join("\n"),
      opensOn: shanghaiDate(-1),
      closesOn: shanghaiDate(30),
      contactPhone: "0398-4800000",
    });
    assert.equal(created.status, 303, created.text);
    consultationId = Number(/\/admin\/consultations\/(\d+)/.exec(created.location!)![1]);
    await staff.get(`/admin/consultations/${consultationId}`);
    const opened = await postForm(staff, `/admin/consultations/${consultationId}/open`, {});
    assert.equal(opened.status, 303, opened.text);

    // Forms for the first burst, then the wait the human check asks of a person.
    await topUpForms();
    await sleep(HUMAN_CHECK_AGE_MS);
  });

  it(`${KILLS} SIGKILLs during bursts of concurrent writes lose no acknowledged write`, {
    timeout: 900_000,
  }, async (t) => {
    const started = performance.now();
    let unansweredFound = 0;
    const debug = process.env.GONGKAI_CRASH_DEBUG ? console.error : () => {};
    for (let cycle = 1; cycle <= KILLS; cycle++) {
      const t0 = performance.now();
      const before = ledger.filter((w) => w.outcome === "acknowledged").length;
      const writes = burst(cycle);
      // The random moment counts from when each kind has had its first answer: on an idle
      // machine that is tens of ms after the start; on a loaded one a fresh process can take
      // seconds for its first record, and a kill before any answer would test nothing.
      await Promise.race([writes.answered, sleep(60_000)]);
      const delay = randomInt(50, 801);
      await sleep(delay);
      process.kill(server.pid, "SIGKILL");
      assert.equal((await server.exited).signal, "SIGKILL");
      kills++;
      await writes.settled;
      const t1 = performance.now();
      await restart();
      const t2 = performance.now();
      for (const { write, browser } of numberPending.splice(0)) {
        browser.base = server.url;
        write.ref = await readNumber(browser);
        assert.ok(write.ref, `the number page of ${write.marker} after the restart`);
      }
      checkDatabase(`after kill ${cycle}`);
      unansweredFound = checkLedger(`after kill ${cycle}`).unansweredFound;
      // Forms for a later cycle; by then their human check is old enough.
      const t3 = performance.now();
      await topUpForms();
      const acks = ledger.filter((w) => w.outcome === "acknowledged").length - before;
      debug(
        `cycle ${cycle}: ${acks} acks, killed ${delay} ms after each kind's first; burst ` +
          `${Math.round(t1 - t0)} ms, restart ${Math.round(t2 - t1)} ms (go ${server.readyMs}), ` +
          `checks ${Math.round(t3 - t2)} ms, forms ${Math.round(performance.now() - t3)} ms`,
      );
    }
    const acknowledged = ledger.filter((w) => w.outcome === "acknowledged");
    const unanswered = ledger.length - acknowledged.length;
    const byKind = (kind: Kind) => acknowledged.filter((w) => w.kind === kind).length;
    t.diagnostic(
      `${kills} SIGKILLs; ${acknowledged.length} acknowledged writes (${byKind("application")} applications, ` +
        `${byKind("comment")} comments, ${byKind("record")} records), all found after restart, none lost`,
    );
    t.diagnostic(
      `${unanswered} writes in flight without an answer, ${unansweredFound} of them committed; ` +
        `${refusals.length} refused`,
    );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    t.diagnostic(
      `restart (database opened after the kill) to /healthz 200: median ${median(restartMs.map((r) => r.go))} ms; ` +
        `kill to /healthz incl. waiting for a standby to load: median ${median(restartMs.map((r) => r.total))} ms, ` +
        `max ${Math.max(...restartMs.map((r) => r.total))} ms; loop ${Math.round((performance.now() - started) / 1000)} s`,
    );
    t.diagnostic(`lanes ended by: ${[...laneEnds].map(([k, n]) => `${k} ×${n}`).join("; ")}`);
    assert.deepEqual(refusals, [], "every write the server answered was accepted");
    assert.ok(kills >= KILLS);
    assert.ok(
      byKind("application") > 0 && byKind("comment") > 0 && byKind("record") > 0,
      "each kind was acknowledged at least once",
    );
    assert.ok(unanswered > 0, "some writes were in flight at a kill");
  });

  it("afterwards the audit chain verifies and the database passes integrity_check", {
    timeout: 60_000,
  }, async () => {
    process.kill(server.pid, "SIGKILL");
    await server.exited;
    const verify = await gongkai(["audit", "verify"], cli, 120_000);
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /审计日志校验通过/);
    checkDatabase("at the end");
    checkLedger("at the end");
  });
});
