// The whole path of a subscription with a real SMTP server in process (smtp-server): double
// opt-in, a notification that survives a mail server that is down, one-click unsubscribe, and the
// applicants' status mails.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SMTPServer } from "smtp-server";
import { createTestApp, type TestApp } from "../../test/support/app";
import { messageIdFor } from "../platform/mail/rules";
import { sendDueMail } from "../platform/mail/sender";
import type { Genre } from "../records/genres";
import { createRecord } from "../records/service";
import { actorFor, buildRecord, publishableReview, setCreditCode } from "../records/test-fixtures";
import { transitionRecord } from "../records/transitions";
import { applicationKeys } from "../requests/applicant-data";
import { officerActor, replyCase } from "../requests/casework-test-fixtures";
import { registerApplication } from "../requests/filing";
import { staffApplicationSchema } from "../requests/schema";
import { buildApplicationInput, solveHumanCheck } from "../requests/test-fixtures";
import { parseMessage } from "./test-fixtures";

interface Received {
  to: string[];
  raw: string;
}

/** An SMTP server on 127.0.0.1 that keeps what it receives; `stop` closes the port. */
class MailServer {
  received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}

describe("e-mail subscriptions", () => {
  let t: TestApp;
  const smtp = new MailServer();
  const advance = (ms: number) => t.setNow(new Date(t.now().getTime() + ms).toISOString());
  const send = () =>
    sendDueMail({
      db: t.t.db,
      config: { ...t.config, smtpUrl: smtp.url, publicUrl: "https://gk.example.cn" },
      logger: { debug() {}, info() {}, warn() {}, error() {} } as never,
      now: t.now(),
    });

  async function requestSubscription(email: string, topics: string[], catalogItem = "") {
    const b = t.browser();
    const form = await (await b.get("/subscriptions")).text();
    advance(5_000);
    const res = await b.post("/subscriptions", {
      email,
      topics,
      catalogItem,
      ...solveHumanCheck(form),
    });
    assert.equal(res.status, 303, await res.text());
    return b;
  }

  function mailTo(address: string): Received[] {
    return smtp.received.filter((m) => m.to.includes(address));
  }

  async function publishNotice(title: string, genre: Genre = "notice"): Promise<number> {
    const editor = await actorFor(t.t.db, "editor");
    const reviewer = await actorFor(t.t.db, "reviewer");
    const approver = await actorFor(t.t.db, "approver");
    const { id } = await createRecord(t.t.db, buildRecord({ title, genre }), editor, t.now());
    await transitionRecord(t.t.db, id, { action: "submit" }, editor, t.now());
    await transitionRecord(
      t.t.db,
      id,
      { action: "approve", review: publishableReview },
      reviewer,
      t.now(),
    );
    await transitionRecord(t.t.db, id, { action: "sign" }, approver, t.now());
    return id;
  }

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    await t.createUser("editor", ["editor"]);
    await t.createUser("reviewer", ["reviewer"]);
    await t.createUser("approver", ["approver"]);
    await t.createUser("officer", ["applicationOfficer"]);
    await smtp.start();
  });
  after(async () => {
    await smtp.stop();
    await t.close();
  });

  it("refuses a form without a topic, a bad address or a wrong answer, with the fields named", async () => {
    const b = t.browser();
    const form = await (await b.get("/subscriptions")).text();
    advance(5_000);
    const res = await b.post("/subscriptions", {
      email: "not-an-address",
      ...solveHumanCheck(form),
      hc_answer: "999",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /请填写有效的电子邮箱/);
    assert.match(html, /请至少选择一项订阅内容/);
    assert.match(html, /验证问题的答案不正确/);
    assert.match(html, /id="f-topics"/);
    const noCsrf = await t.app.request("/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.cn&topics=consultations",
    });
    assert.equal(noCsrf.status, 403);
    const count = await t.t.db.selectFrom("subscriptions").select("id").execute();
    assert.equal(count.length, 0);
  });

  it("a confirmed subscriber gets exactly one mail for a matching record, even when the mail server was down", async () => {
    await requestSubscription("Alice@Example.com", ["genre:notice"]);
    await requestSubscription("bob@example.com", ["genre:notice"]); // never confirms
    await requestSubscription("carol@example.com", ["genre:serviceGuide"]);
    assert.equal((await send()).sent, 3);
    assert.equal(smtp.received.length, 3);

    // The address is encrypted at rest and masked; the row is pending until confirmed.
    const rows = await t.t.db.selectFrom("subscriptions").selectAll().orderBy("id").execute();
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.status === "pending" && r.email_enc.startsWith("v1:")));
    assert.ok(!/alice@|bob@|carol@/i.test(JSON.stringify(rows)), "no address in clear");
    assert.equal(rows[0]!.email_masked, "a***@example.com");

    // Double opt-in: the link shows a button (a mail scanner's GET confirms nothing).
    const confirmation = parseMessage(mailTo("alice@example.com")[0]!.raw);
    const link = /https:\/\/gk\.example\.cn(\/subscriptions\/confirm\/[A-Za-z0-9_-]+)/.exec(
      confirmation.text,
    );
    assert.ok(link, confirmation.text);
    const alice = t.browser();
    const page = await alice.get(link[1]!);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /确认订阅/);
    assert.equal(
      (
        await t.t.db
          .selectFrom("subscriptions")
          .select("status")
          .where("id", "=", rows[0]!.id)
          .executeTakeFirstOrThrow()
      ).status,
      "pending",
    );
    const confirmed = await alice.post(link[1]!);
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /已确认 1 项订阅/);
    assert.equal((await alice.post(link[1]!)).status, 404, "a link confirms once");

    // The mail server goes down; the record is published meanwhile.
    await smtp.stop();
    const port = smtp.port;
    const recordId = await publishNotice("关于开展春季食品安全检查的通知");
    const queued = await t.t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("dedupe_key", "like", "sub:%")
      .execute();
    assert.deepEqual(
      queued.map((q) => q.dedupe_key),
      [`sub:${rows[0]!.id}:record:${recordId}`],
    );
    const down = await send();
    assert.deepEqual(down, { sent: 0, filed: 0, retrying: 1, failed: 0 });
    const failedOnce = await t.t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("id", "=", queued[0]!.id)
      .executeTakeFirstOrThrow();
    assert.equal(failedOnce.status, "pending");
    assert.equal(failedOnce.attempts, 1);
    assert.ok(failedOnce.last_error);
    assert.ok(failedOnce.next_attempt_at > t.now().toISOString());

    // Back up: nothing before the backoff has passed, then exactly one mail, then nothing more.
    await smtp.start(port);
    assert.equal((await send()).sent, 0);
    advance(2 * 60_000);
    assert.equal((await send()).sent, 1);
    assert.equal((await send()).sent, 0);
    const notices = mailTo("alice@example.com").slice(1);
    assert.equal(notices.length, 1);
    assert.equal(mailTo("bob@example.com").length, 1, "bob got only the confirmation request");
    assert.equal(mailTo("carol@example.com").length, 1, "carol subscribed to another genre");
    const notice = parseMessage(notices[0]!.raw);
    assert.match(notice.text, /关于开展春季食品安全检查的通知/);
    assert.ok(notice.text.includes(`https://gk.example.cn/records/${recordId}`));
    assert.equal(
      notice.headers["message-id"],
      messageIdFor(queued[0]!.dedupe_key, t.config.mailFrom),
    );
    assert.equal(notice.headers["list-unsubscribe-post"], "List-Unsubscribe=One-Click");
    const sent = await t.t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("id", "=", queued[0]!.id)
      .executeTakeFirstOrThrow();
    assert.equal(sent.status, "sent");
    assert.equal(sent.attempts, 2);

    // Publishing the record's interpretation or anything else of the genre again: one per record.
    // One-click unsubscribe (RFC 8058): a provider's POST without cookie or CSRF field.
    const unsubscribeUrl = /<https:\/\/gk\.example\.cn([^>]+)>/.exec(
      notice.headers["list-unsubscribe"]!,
    )![1]!;
    const oneClick = await t.app.request(unsubscribeUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://mail.example.net",
      },
      body: "List-Unsubscribe=One-Click",
    });
    assert.equal(oneClick.status, 200);
    const after = await t.t.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("id", "=", rows[0]!.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, "unsubscribed");
    // Only that path is exempt: a wrong token there is a 404, other POSTs still need the field.
    const forged = await t.app.request("/subscriptions/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAA", {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(forged.status, 404);
    const forgedConfirm = await t.app.request(link[1]!, { method: "POST" });
    assert.equal(forgedConfirm.status, 403);

    await publishNotice("关于开展夏季食品安全检查的通知");
    advance(1_000);
    assert.equal((await send()).sent, 0, "nobody confirmed is left for notices");
  });

  it("the unsubscribe link in the text shows a button, and a matching 办事指南 reaches its subscriber once", async () => {
    const carolRow = await t.t.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("topic_ref", "=", "serviceGuide")
      .executeTakeFirstOrThrow();
    const carolMail = parseMessage(mailTo("carol@example.com")[0]!.raw);
    const link = /\/subscriptions\/confirm\/[A-Za-z0-9_-]+/.exec(carolMail.text)![0];
    const carol = t.browser();
    await carol.get(link);
    assert.equal((await carol.post(link)).status, 200);
    // Subscribing again to something already confirmed sends nothing and changes nothing.
    await requestSubscription("carol@example.com", ["genre:serviceGuide"]);
    assert.equal((await send()).sent, 0);

    const id = await publishNotice("食品经营许可办事指南", "serviceGuide");
    advance(1_000);
    assert.equal((await send()).sent, 1);
    const guide = parseMessage(mailTo("carol@example.com").at(-1)!.raw);
    assert.ok(guide.text.includes(`/records/${id}`));
    const path = /https:\/\/gk\.example\.cn(\/subscriptions\/unsubscribe\/[A-Za-z0-9_-]+)/.exec(
      guide.text,
    )![1]!;
    assert.equal(path, `/subscriptions/unsubscribe/${carolRow.unsubscribe_token}`);
    const page = await carol.get(path);
    assert.match(await page.text(), /确认退订/);
    assert.equal((await carol.post(path)).status, 200);
    const row = await t.t.db
      .selectFrom("subscriptions")
      .select("status")
      .where("id", "=", carolRow.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "unsubscribed");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("object_type", "=", "subscription")
      .execute();
    assert.ok(audit.some((a) => a.action === "subscription.unsubscribe"));
    assert.ok(
      audit.every((a) => !a.detail.includes("carol@")),
      "audit holds masked addresses only",
    );
  });

  it("applicants who asked for status mail get one when the case is filed online and one when it is replied", async () => {
    // Filed online through the public form, with status mail requested.
    const b = t.browser();
    const form = await (await b.get("/applications/new")).text();
    advance(5_000);
    const { personFormFields } = await import("../requests/test-fixtures");
    const filed = await b.post("/applications/new", {
      ...personFormFields({ personEmail: "applicant@example.com", wantsStatusMail: "1" }),
      ...solveHumanCheck(form),
    });
    assert.equal(filed.status, 303);
    const filedRow = await t.t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("dedupe_key", "like", "application:%:filed")
      .executeTakeFirstOrThrow();
    // Name and 查询码 are in the body: encrypted at rest.
    assert.equal(filedRow.sealed, 1);
    assert.ok(!filedRow.body_text.includes("查询码"));
    assert.equal((await send()).sent, 1);
    const filedMail = parseMessage(mailTo("applicant@example.com")[0]!.raw);
    assert.match(filedMail.text, /查询码:[A-Z0-9]{4}-[A-Z0-9]{4}/);

    // Registered by staff and replied: one mail for the reply, none without opt-in.
    const officer = await officerActor(t);
    const register = async (wantsStatusMail: boolean, email: string) =>
      registerApplication(
        t.t.db,
        staffApplicationSchema.parse(
          buildApplicationInput({
            channel: "in_person",
            receivedOn: "2025-03-03",
            wantsStatusMail,
            applicant: { ...buildApplicationInput().applicant, email },
          }),
        ),
        officer,
        { keys: applicationKeys(t.config.secret), now: t.now() },
      );
    const wanted = await register(true, "wanted@example.com");
    const silent = await register(false, "silent@example.com");
    await replyCase(t, officer, wanted.id, "2025-03-03", "results.disclosed");
    await replyCase(t, officer, silent.id, "2025-03-03", "results.disclosed");
    assert.equal((await send()).sent, 1);
    assert.equal(mailTo("silent@example.com").length, 0);
    const reply = parseMessage(mailTo("wanted@example.com")[0]!.raw);
    assert.match(reply.text, new RegExp(`${wanted.applicationNo}.*已于 2025-03-03 作出答复`));
  });
});
