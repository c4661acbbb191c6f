import type { FileKind } from "./kinds";

/** What one upload field accepts: which formats, and how big a file may be. */
export interface UploadPolicy {
  /** Accepted formats, in the order they are listed to people. */
  kinds: readonly FileKind[];
  maxBytes: number;
}

const MB = 1024 * 1024;

/** Attachments of a 政府信息 record (PDF, OFD, Word, Excel and images; 20 MB). */
export const recordAttachmentPolicy: UploadPolicy = {
  kinds: ["pdf", "ofd", "docx", "xlsx", "png", "jpeg", "gif", "webp"],
  maxBytes: 20 * MB,
};

/** Pictures shown on pages (site logo, banners, pictures in a record body; 5 MB). */
export const imagePolicy: UploadPolicy = {
  kinds: ["png", "jpeg", "webp", "gif"],
  maxBytes: 5 * MB,
};

/** A scan or photo of an applicant's identity document (5 MB). */
export const idScanPolicy: UploadPolicy = {
  kinds: ["png", "jpeg", "pdf"],
  maxBytes: 5 * MB,
};

/** A spreadsheet imported into a list (XLSX, or CSV saved as UTF-8; 10 MB). */
export const spreadsheetImportPolicy: UploadPolicy = {
  kinds: ["xlsx", "csv"],
  maxBytes: 10 * MB,
};
