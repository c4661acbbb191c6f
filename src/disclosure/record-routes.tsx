// The record page, its print version and its attachments: published records only, 404 for
// anything else (a draft, a scheduled record, a withdrawn one, an id that never existed).
import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { publicConcernsOfRecord } from "../messages/concerns";
import { ConcernLinkList } from "../messages/public-views";
import { fileResponse } from "../platform/files/serve";
import { readStoredFile } from "../platform/files/store";
import { findPublishedAttachment, findPublishedRecord } from "../records/public-store";
import { renderDocument, renderPortal } from "../ui/render";
import { chooseTextSize, TEXT_SIZE_COOKIE } from "./text-size";
import { parseUrlId } from "./urls";
import { PrintPage } from "./views/print-page";
import { RecordPage } from "./views/record-page";

async function publishedRecordOf(c: Context<AppEnv>) {
  const id = parseUrlId(c.req.param("id"));
  const record = id === null ? undefined : await findPublishedRecord(c.get("deps").db, id);
  if (!record) throw notFound("信息");
  return record;
}

export function recordRoutes(app: Hono<AppEnv>): void {
  app.get("/records/:id", async (c) => {
    const record = await publishedRecordOf(c);
    const { size, remember } = chooseTextSize(c.req.query("size"), getCookie(c, TEXT_SIZE_COOKIE));
    if (remember) {
      setCookie(c, TEXT_SIZE_COOKIE, size, {
        path: "/",
        sameSite: "Lax",
        maxAge: 365 * 24 * 3600,
        secure: c.get("deps").config.secureCookies,
      });
    }
    const concerns = await publicConcernsOfRecord(c.get("deps").db, record.id);
    return renderPortal(
      c,
      record.title,
      <RecordPage record={record} size={size}>
        <ConcernLinkList concerns={concerns} />
      </RecordPage>,
    );
  });

  app.get("/records/:id/print", async (c) => {
    const record = await publishedRecordOf(c);
    return renderDocument(c, <PrintPage record={record} />);
  });

  // Stable download address: /files/{attachment id}/{file name}. Served only while the record is
  // published, revalidated on every use so a withdrawn record's files stop at once.
  app.get("/files/:id/:name", async (c) => {
    const { db, config } = c.get("deps");
    const id = parseUrlId(c.req.param("id"));
    const attachment = id === null ? undefined : await findPublishedAttachment(db, id);
    if (!attachment || attachment.fileName !== c.req.param("name")) throw notFound("文件");
    if (c.req.header("if-none-match") === `"${attachment.sha256}"`) {
      return c.body(null, 304, {
        ETag: `"${attachment.sha256}"`,
        "Cache-Control": "public, max-age=0",
      });
    }
    return fileResponse({
      bytes: await readStoredFile(config.uploadsDir, attachment.storagePath),
      mediaType: attachment.mediaType,
      fileName: attachment.fileName,
      cache: "public",
      maxAgeSeconds: 0,
      sha256: attachment.sha256,
    });
  });
}
