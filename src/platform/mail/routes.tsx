// /admin/mail: the outbox for the system administrator. Recipients are masked in the list; the
// text of a filed mail (it may hold an applicant's name or 查询码) is shown one at a time, audited.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Hono } from "hono";
import { requireRole } from "../../accounts/middleware";
import { actorOf } from "../../accounts/routes";
import type { Api } from "../../http/api";
import { notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { renderBackOffice } from "../../ui/render";
import { recordAudit } from "../audit";
import { decryptPersonal, personalDataKey } from "../crypto";
import { siteUrlOf, withSiteUrl } from "./rules";
import { mailDir } from "./sender";
import type { MailStatus } from "./tables";
import { FiledMailPage, mailStatusLabels, OutboxPage } from "./views";

const PAGE_SIZE = 100;

export function mailRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/mail", async (c) => {
    requireRole(c, "admin");
    const { db, config } = c.get("deps");
    const q = c.req.query();
    const status = q.status && q.status in mailStatusLabels ? (q.status as MailStatus) : null;
    const before = /^\d{1,10}$/.test(q.before ?? "") ? Number(q.before) : null;
    let query = db
      .selectFrom("mail_outbox")
      .select([
        "id",
        "created_at",
        "to_masked",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "file_name",
      ])
      .orderBy("id", "desc")
      .limit(PAGE_SIZE + 1);
    if (status) query = query.where("status", "=", status);
    if (before) query = query.where("id", "<", before);
    const rows = await query.execute();
    const counts = await db
      .selectFrom("mail_outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const page = rows.slice(0, PAGE_SIZE);
    return renderBackOffice(
      c,
      "邮件发送队列",
      <OutboxPage
        rows={page.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          toMasked: r.to_masked,
          subject: r.subject,
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.next_attempt_at,
          sentAt: r.sent_at,
          lastError: r.last_error,
          fileName: r.file_name,
        }))}
        status={status}
        counts={Object.fromEntries(counts.map((r) => [r.status, Number(r.n)]))}
        nextBefore={rows.length > PAGE_SIZE ? page.at(-1)!.id : null}
        smtpConfigured={!!config.smtpUrl}
      />,
    );
  });

  app.get("/admin/mail/:id{[0-9]{1,10}}", async (c) => {
    requireRole(c, "admin");
    const { db, config, clock } = c.get("deps");
    const row = await filedRow(c.get("deps").db, Number(c.req.param("id")));
    const key = personalDataKey(config.secret);
    const text = withSiteUrl(
      row.sealed ? decryptPersonal(key, row.body_text) : row.body_text,
      siteUrlOf(config),
    );
    await recordAudit(
      db,
      actorOf(c),
      { action: "mail.view", objectType: "mail", objectId: row.id, detail: `查看邮件 ${row.id}` },
      clock(),
    );
    return renderBackOffice(
      c,
      `邮件 ${row.id}`,
      <FiledMailPage
        id={row.id}
        fileName={row.file_name!}
        toMasked={row.to_masked}
        subject={row.subject}
        messageId={row.message_id}
        sentAt={row.sent_at}
        text={text}
      />,
    );
  });

  app.get("/admin/mail/:id{[0-9]{1,10}}/eml", async (c) => {
    requireRole(c, "admin");
    const { db, config, clock } = c.get("deps");
    const row = await filedRow(db, Number(c.req.param("id")));
    // The name comes from our own column and is checked again: no path can leave the mail folder.
    if (!/^\d{8}-[0-9a-f]{12}\.eml$/.test(row.file_name!)) throw notFound("邮件文件");
    const bytes = await readFile(join(mailDir(config), row.file_name!)).catch(() => null);
    if (!bytes) throw notFound("邮件文件");
    await recordAudit(
      db,
      actorOf(c),
      {
        action: "mail.download",
        objectType: "mail",
        objectId: row.id,
        detail: `下载邮件 ${row.id}`,
      },
      clock(),
    );
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="${row.file_name}"`,
      "Cache-Control": "private, no-store",
    });
  });
}

async function filedRow(db: AppEnv["Variables"]["deps"]["db"], id: number) {
  const row = await db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("id", "=", id)
    .where("status", "=", "filed")
    .executeTakeFirst();
  if (!row?.file_name) throw notFound("邮件");
  return row;
}
