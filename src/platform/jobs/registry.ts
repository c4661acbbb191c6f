// Every scheduled job of the product. A domain adds its job with one line here (like seeders.ts).
import { publishDueScheduledRecords } from "../../records/service";
import { dueRemindersJob, overdueDigestJob } from "../../supervision/reminders/jobs";
import { sendDueMail } from "../mail/sender";
import { pruneRateLimits } from "../rate-limit";
import { type Job, pruneJobRuns } from "./scheduler";

/** 定时发布: records whose scheduled time has come (each published under the records lock). */
export const scheduledPublishingJob: Job = {
  name: "records.publish-scheduled",
  schedule: { everyMs: 30_000 },
  run: async ({ db, now, logger }) => {
    // Bumps the content revision itself when it publishes (cached public pages are stale).
    const result = await publishDueScheduledRecords(db, now);
    if (result.published.length || result.refused.length) {
      logger.info("scheduled publishing", {
        published: result.published.length,
        refused: result.refused.length,
      });
    }
  },
};

/** The mail sender runs on every tick of every process: claiming rows keeps it single-send. */
export const mailSenderJob: Job = {
  name: "mail.send",
  schedule: { everyTick: true },
  run: async ({ db, config, logger, now }) => {
    const result = await sendDueMail({ db, config, logger, now });
    if (result.sent || result.filed || result.retrying || result.failed) {
      logger.info("mail delivered", { ...result });
    }
  },
};

/** Housekeeping once a night: old job runs and rate-limit windows. */
export const pruneJob: Job = {
  name: "platform.prune",
  schedule: { dailyAt: "03:30" },
  run: async ({ db, now }) => {
    await pruneJobRuns(db, now);
    await pruneRateLimits(db, now);
  },
};

export const jobs: Job[] = [scheduledPublishingJob, mailSenderJob, pruneJob];
jobs.push(dueRemindersJob, overdueDigestJob); // src/supervision/reminders
