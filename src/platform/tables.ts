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

export interface PlatformTables {
  site_settings: SiteSettingsTable;
  rate_limit_hits: RateLimitHitsTable;
  audit_log: AuditLogTable;
}
