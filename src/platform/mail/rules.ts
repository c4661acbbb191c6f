// Pure rules of the outbox: retry timing, the Message-ID of a logical mail, and the site address
// placeholder that lets mail be composed where the public URL is not known (inside a transaction).
import { createHash } from "node:crypto";

/** Tries before a mail is given up as failed (about 4 hours of retries with the backoff below). */
export const MAX_ATTEMPTS = 8;
/** A sender that claimed a mail and went silent this long is presumed dead; the mail is retried. */
export const LEASE_MS = 10 * 60 * 1000;
const BASE_DELAY_MS = 60 * 1000;
const MAX_DELAY_MS = 2 * 60 * 60 * 1000;

/** Delay before the next try after `attempts` failed tries: 1, 2, 4 … minutes, at most 2 hours. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (n - 1));
}

/** What a failed try leads to: another try at `nextAttemptAt`, or giving up. */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: "pending"; nextAttemptAt: string } | { status: "failed" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  return {
    status: "pending",
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
  };
}

/**
 * The Message-ID is a function of the dedupe key: should a mail ever go out twice (the sender died
 * between the server's acceptance and our commit), both copies carry the same id, which mail
 * clients and the operator can recognise as one message.
 */
export function messageIdFor(dedupeKey: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1) || "gongkai.invalid";
  const hash = createHash("sha256").update(`gongkai-mail:${dedupeKey}`).digest("hex");
  return `<${hash.slice(0, 40)}@${domain}>`;
}

/** Written into mail text where an absolute link is needed; replaced by the site URL on sending. */
export const SITE_URL = "{{site}}";

/** Replaces the placeholder with the public URL (no trailing slash). */
export function withSiteUrl(text: string, siteUrl: string): string {
  return text.split(SITE_URL).join(siteUrl.replace(/\/+$/, ""));
}

/** The public URL for links in mail: GONGKAI_PUBLIC_URL, else the address the server listens on. */
export function siteUrlOf(config: { publicUrl: string | null; host: string; port: number }) {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/** File name of a filed mail: id first so a listing sorts by queue order; no user text in it. */
export function emlFileName(id: number, dedupeKey: string): string {
  const hash = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 12);
  return `${String(id).padStart(8, "0")}-${hash}.eml`;
}

/** An SMTP error, shortened for the list (servers may echo long text). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}
