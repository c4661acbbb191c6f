// Every migration, in order, imported statically so the server bundle (scripts/build.mjs) carries
// them. Kysely runs them by name order; src/db/migrate.test.ts fails when a file is not listed.
import type { Migration } from "kysely";
import * as m0100_create_foundation from "./2026_11_26_0100_create_foundation";
import * as m0200_create_catalog_and_records from "./2026_11_26_0200_create_catalog_and_records";
import * as m0300_create_calendar_overrides from "./2026_11_26_0300_create_calendar_overrides";
import * as m0400_create_search_index from "./2026_11_26_0400_create_search_index";
import * as m0500_create_applications from "./2026_11_26_0500_create_applications";
import * as m0610_create_letters_and_appeals from "./2026_11_26_0610_create_letters_and_appeals";
import * as m0700_add_files_encrypted from "./2026_11_26_0700_add_files_encrypted";
import * as m0800_create_participation from "./2026_11_26_0800_create_participation";
import * as m0810_create_meetings from "./2026_11_26_0810_create_meetings";
import * as m0820_create_messages from "./2026_11_26_0820_create_messages";
import * as m0830_create_service_guides_and_cases from "./2026_11_26_0830_create_service_guides_and_cases";
import * as m0840_create_publicity from "./2026_11_26_0840_create_publicity";
import * as m0850_create_mail_jobs_subscriptions from "./2026_11_26_0850_create_mail_jobs_subscriptions";
import * as m0860_create_annual_reports from "./2026_11_26_0860_create_annual_reports";
import * as m0870_create_supervision from "./2026_11_26_0870_create_supervision";
import * as m0880_create_notices from "./2026_11_26_0880_create_notices";
import * as m0900_add_scale_indexes from "./2026_11_26_0900_add_scale_indexes";
import * as m1000_add_list_page_indexes from "./2026_11_26_1000_add_list_page_indexes";
import * as m1100_add_message_indexes from "./2026_11_26_1100_add_message_indexes";

export const migrations: Record<string, Migration> = {
  "2026_11_26_0100_create_foundation": m0100_create_foundation,
  "2026_11_26_0200_create_catalog_and_records": m0200_create_catalog_and_records,
  "2026_11_26_0300_create_calendar_overrides": m0300_create_calendar_overrides,
  "2026_11_26_0400_create_search_index": m0400_create_search_index,
  "2026_11_26_0500_create_applications": m0500_create_applications,
  "2026_11_26_0610_create_letters_and_appeals": m0610_create_letters_and_appeals,
  "2026_11_26_0700_add_files_encrypted": m0700_add_files_encrypted,
  "2026_11_26_0800_create_participation": m0800_create_participation,
  "2026_11_26_0810_create_meetings": m0810_create_meetings,
  "2026_11_26_0820_create_messages": m0820_create_messages,
  "2026_11_26_0830_create_service_guides_and_cases": m0830_create_service_guides_and_cases,
  "2026_11_26_0840_create_publicity": m0840_create_publicity,
  "2026_11_26_0850_create_mail_jobs_subscriptions": m0850_create_mail_jobs_subscriptions,
  "2026_11_26_0860_create_annual_reports": m0860_create_annual_reports,
  "2026_11_26_0870_create_supervision": m0870_create_supervision,
  "2026_11_26_0880_create_notices": m0880_create_notices,
  "2026_11_26_0900_add_scale_indexes": m0900_add_scale_indexes,
  "2026_11_26_1000_add_list_page_indexes": m1000_add_list_page_indexes,
  "2026_11_26_1100_add_message_indexes": m1100_add_message_indexes,
};
