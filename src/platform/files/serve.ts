// Builds the HTTP response for a stored file. Downloads are forced to be downloads (attachment),
// browsers are told not to guess the type, and a sandbox CSP keeps any script inside a file
// from running with the site's origin even if a browser renders it.
import { kindInfo, kindOfMediaType } from "./kinds";

export interface FileResponseInput {
  bytes: Uint8Array;
  /** `files.media_type`. */
  mediaType: string;
  /** The name offered to the browser (e.g. record_attachments.file_name). */
  fileName: string;
  /** "public" for published files anyone may cache; "private" for anything behind a login. */
  cache: "public" | "private";
  /** Defaults: 1 day when public, 0 (revalidate every time) when private. */
  maxAgeSeconds?: number;
  /** `files.sha256`, sent as a strong ETag. */
  sha256?: string;
}

/** A Response for a stored file: images inline, everything else as an attachment. */
export function fileResponse(input: FileResponseInput): Response {
  const kind = kindOfMediaType(input.mediaType);
  const isImage = kind !== null && kindInfo[kind].isImage;
  const maxAge = input.maxAgeSeconds ?? (input.cache === "public" ? 86400 : 0);
  const headers = new Headers({
    "Content-Type": input.mediaType,
    "Content-Length": String(input.bytes.length),
    "Content-Disposition": contentDisposition(isImage ? "inline" : "attachment", input.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox",
    "Cache-Control": `${input.cache}, max-age=${maxAge}`,
  });
  if (input.sha256) headers.set("ETag", `"${input.sha256}"`);
  return new Response(input.bytes, { status: 200, headers });
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback for old clients and the
 * real name percent-encoded as RFC 5987 / RFC 6266 say.
 */
export function contentDisposition(type: "attachment" | "inline", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "file";
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

// encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
