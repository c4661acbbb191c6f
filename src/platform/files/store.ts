// Stores accepted uploads content-addressed under the uploads folder (outside the web root) and
// records them in `files`. A refused upload leaves nothing behind: the check runs before any
// write, the file is written before its row, and the same content is stored once.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { AppError, type ErrorCode, notFound } from "../../http/errors";
import { encryptBytes, type PersonalDataKey } from "../crypto";
import { extractText } from "./extract-text";
import type { UploadPolicy } from "./policies";
import { describeRefusal, type Refusal, type RefusalCode } from "./refusals";
import { checkUpload } from "./sniff";
import { stripMetadata } from "./strip-metadata";

export interface Upload {
  /** The name the browser sent; it is cleaned, never used as a path. */
  name: string;
  bytes: Uint8Array;
}

export interface StoredUpload {
  id: number;
  sha256: string;
  mediaType: string;
  size: number;
  /** The cleaned name to keep beside the reference (e.g. record_attachments.file_name). */
  safeName: string;
  textContent: string | null;
  /** Path relative to the uploads folder: `ab/cd/<sha256>`. */
  storagePath: string;
}

const errorCodeOf: Record<RefusalCode, ErrorCode> = {
  too_large: "payload_too_large",
  type_mismatch: "unsupported_media",
  type_not_allowed: "unsupported_media",
  zip_bomb: "unsupported_media",
  polyglot: "unsupported_media",
  bad_name: "validation",
  empty: "validation",
};

/** The AppError for a refused upload (413, 415, or 400 with the message on `field`). */
export function refusalError(refusal: Refusal, field = "file"): AppError {
  const code = errorCodeOf[refusal.code];
  const fields = code === "validation" ? { [field]: refusal.message } : undefined;
  return new AppError(code, refusal.message, fields);
}

/**
 * Checks, strips author metadata from, and stores one upload; returns its `files` row. Throws
 * the refusal as an AppError before touching the disk or the database. Uploading the same
 * content again returns the existing row.
 */
export async function storeUpload(
  db: Kysely<DB> | Transaction<DB>,
  uploadsDir: string,
  upload: Upload,
  policy: UploadPolicy,
  now: Date,
  options: { encryptWith?: PersonalDataKey } = {},
): Promise<StoredUpload> {
  const check = checkUpload(upload.name, upload.bytes, policy);
  if (!check.ok) throw refusalError(check);
  const bytes = await stripMetadata(check.kind, upload.bytes).catch(() => {
    // A part the check could not see into (e.g. a corrupt docProps/core.xml) is still damage.
    const problem = {
      code: "type_mismatch",
      expected: check.kind,
      actual: "",
      isDamaged: true,
    } as const;
    throw refusalError(describeRefusal(problem, check.safeName));
  });
  if (options.encryptWith) {
    return storeEncrypted(db, uploadsDir, encryptBytes(options.encryptWith, bytes), check, now);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storagePath = storagePathOf(sha256);
  await writeContentAddressed(uploadsDir, storagePath, bytes);
  const existing = await findFile(db, sha256);
  if (existing) return { ...existing, safeName: check.safeName };
  await db
    .insertInto("files")
    .values({
      sha256,
      media_type: check.mediaType,
      size: bytes.length,
      storage_path: storagePath,
      text_content: extractText(check.kind, bytes),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  const row = await findFile(db, sha256);
  if (!row) throw new Error(`files row for ${sha256} vanished after insert`);
  return { ...row, safeName: check.safeName };
}

/**
 * Personal data (ID scans) is stored encrypted with the personal-data key: the file on disk is
 * ciphertext with a fresh IV, addressed by the ciphertext's hash, never deduplicated and never
 * text-extracted (so nothing of it reaches the search index).
 */
async function storeEncrypted(
  db: Kysely<DB> | Transaction<DB>,
  uploadsDir: string,
  ciphertext: Buffer,
  check: { mediaType: string; safeName: string },
  now: Date,
): Promise<StoredUpload> {
  const sha256 = createHash("sha256").update(ciphertext).digest("hex");
  const storagePath = storagePathOf(sha256);
  await writeContentAddressed(uploadsDir, storagePath, ciphertext);
  const row = await db
    .insertInto("files")
    .values({
      sha256,
      media_type: check.mediaType,
      size: ciphertext.length,
      storage_path: storagePath,
      text_content: null,
      created_at: now.toISOString(),
      encrypted: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    sha256,
    mediaType: check.mediaType,
    size: ciphertext.length,
    safeName: check.safeName,
    textContent: null,
    storagePath,
  };
}

async function findFile(
  db: Kysely<DB> | Transaction<DB>,
  sha256: string,
): Promise<Omit<StoredUpload, "safeName"> | null> {
  const row = await db
    .selectFrom("files")
    .select(["id", "sha256", "media_type", "size", "storage_path", "text_content"])
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    sha256: row.sha256,
    mediaType: row.media_type,
    size: row.size,
    storagePath: row.storage_path,
    textContent: row.text_content,
  };
}

/** `ab/cd/<sha256>`: two levels of folders keep any one folder small. */
export function storagePathOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const STORAGE_PATH = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The absolute path of a stored file; throws unless `storagePath` is a content address inside uploadsDir. */
export function resolveStoredPath(uploadsDir: string, storagePath: string): string {
  const m = STORAGE_PATH.exec(storagePath);
  const root = resolve(uploadsDir);
  const full = resolve(root, storagePath);
  if (!m || !m[3]!.startsWith(m[1]! + m[2]!) || !full.startsWith(root + sep)) {
    throw new Error(`refusing to read "${storagePath}": not a path inside the uploads folder`);
  }
  return full;
}

/** Reads a stored file's bytes; not_found when it is missing from disk. */
export async function readStoredFile(uploadsDir: string, storagePath: string): Promise<Uint8Array> {
  const full = resolveStoredPath(uploadsDir, storagePath);
  try {
    return new Uint8Array(await readFile(full));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw notFound("文件");
    throw error;
  }
}

// Writes through a temporary file in the same folder, fsyncs it, renames it into place and
// fsyncs the folder, so a crash leaves either no file or the whole file. Content-addressed: a
// file already there with the right size is the same content and is left alone.
async function writeContentAddressed(uploadsDir: string, storagePath: string, bytes: Uint8Array) {
  const full = resolveStoredPath(uploadsDir, storagePath);
  const existing = await stat(full).catch(() => null);
  if (existing?.isFile() && existing.size === bytes.length) return;
  const dir = full.slice(0, full.lastIndexOf(sep));
  const created = await mkdir(dir, { recursive: true, mode: 0o750 });
  const temp = join(dir, `.tmp-${randomBytes(8).toString("hex")}`);
  try {
    const handle = await open(temp, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, full);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
  // New folders must themselves be recorded in their parents to survive a crash.
  if (created) {
    const stop = resolve(created, "..");
    for (let d = resolve(dir, ".."); ; d = resolve(d, "..")) {
      await syncDir(d);
      if (d === stop || d === resolve(d, "..")) break;
    }
  }
}

async function syncDir(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a folder; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL") throw error;
  } finally {
    await handle?.close();
  }
}
