import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { loadSiteSettings, type SiteSettings } from "./settings";

// Settings change a few times a year; each process re-reads them at most every few seconds,
// and a save in this process is visible at once.
const maxAgeMs = 5_000;
let cached: { at: number; value: SiteSettings; db: Kysely<DB> } | null = null;

export async function cachedSiteSettings(db: Kysely<DB>, now: number): Promise<SiteSettings> {
  if (cached && cached.db === db && now - cached.at < maxAgeMs) return cached.value;
  const value = await loadSiteSettings(db);
  cached = { at: now, value, db };
  return value;
}

export function forgetSiteSettings(): void {
  cached = null;
}
