// The scheduled jobs of reminders and digests (registered in src/platform/jobs/registry.ts). Each
// runs once per Shanghai day across all processes (the job_runs claim); the dedupe keys make a
// re-run harmless as well.
import type { Job } from "../../platform/jobs/scheduler";
import { sendDailyDigests, sendDueReminders } from "./service";

/** 08:00 Shanghai: the 3-day and 1-day reminders of records and applications due. */
export const dueRemindersJob: Job = {
  name: "supervision.due-reminders",
  schedule: { dailyAt: "08:00" },
  run: async ({ db, config, logger, now }) => {
    const result = await sendDueReminders({ db, secret: config.secret, now });
    if (result.notices || result.mails) logger.info("due reminders", { ...result });
  },
};

/** 08:30 Shanghai on working days: the digest of overdue items to unit heads and the office. */
export const overdueDigestJob: Job = {
  name: "supervision.overdue-digest",
  schedule: { dailyAt: "08:30" },
  run: async ({ db, config, logger, now }) => {
    const result = await sendDailyDigests({ db, secret: config.secret, now });
    if (result.recipients) logger.info("overdue digest", { ...result });
  },
};
