import type { Generated } from "kysely";

export interface SiteSettingsTable {
  key: string;
  value: string;
}

export interface RateLimitHitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string | null;
  ip: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** A stored upload, content-addressed by SHA-256, kept outside the web root. */
export interface FilesTable {
  id: Generated<number>;
  sha256: string;
  media_type: string;
  size: number;
  /** Path relative to the uploads folder. */
  storage_path: string;
  /** Extracted text for search, where the format allows. */
  text_content: string | null;
  created_at: string;
  /** 1 when the bytes on disk are encrypted personal data (see storeEncryptedUpload). */
  encrypted: Generated<number>;
}

export interface PlatformTables {
  files: FilesTable;
  site_settings: SiteSettingsTable;
  rate_limit_hits: RateLimitHitsTable;
  audit_log: AuditLogTable;
}
