// A tiny persisted scheduler, safe with several server processes: a run is claimed by inserting
// (job_name, slot) into job_runs; the primary key lets exactly one insert succeed, and only that
// process runs the slot. Missed slots are not caught up (an interval job runs at the next slot; a
// daily job runs once the day it is first seen after its time).
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Config } from "../../config";
import type { DB } from "../../db/schema";
import type { Logger } from "../log";
import { type JobSchedule, slotFor } from "./rules";

export interface JobContext {
  db: Kysely<DB>;
  config: Config;
  logger: Logger;
  /** The tick's instant, from the scheduler's clock. */
  now: Date;
}

export interface Job {
  /** Unique, stable: it names the rows in job_runs. */
  name: string;
  schedule: JobSchedule;
  run(ctx: JobContext): Promise<unknown>;
}

export interface JobOutcome {
  name: string;
  slot: string | null;
  error?: string;
}

const defaultRunner = `${hostname()}:${process.pid}`;

/** Runs each job that is due at ctx.now and whose slot this process wins; returns what ran. */
export async function runDueJobs(
  ctx: JobContext,
  jobs: readonly Job[],
  runner = defaultRunner,
): Promise<JobOutcome[]> {
  const ran: JobOutcome[] = [];
  for (const job of jobs) {
    const decision = slotFor(job.schedule, ctx.now);
    if (decision.kind === "not_yet") continue;
    const slot = decision.kind === "slot" ? decision.slot : null;
    if (slot !== null) {
      const claimed = await ctx.db
        .insertInto("job_runs")
        .values({ job_name: job.name, slot, started_at: ctx.now.toISOString(), runner })
        .onConflict((oc) => oc.columns(["job_name", "slot"]).doNothing())
        .returning("job_name")
        .executeTakeFirst();
      if (!claimed) continue;
    }
    let error: string | undefined;
    try {
      await job.run(ctx);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      ctx.logger.error("job failed", { job: job.name, slot, error });
    }
    if (slot !== null) {
      await ctx.db
        .updateTable("job_runs")
        .set({ finished_at: new Date().toISOString(), error: error ?? null })
        .where("job_name", "=", job.name)
        .where("slot", "=", slot)
        .execute();
    }
    ran.push({ name: job.name, slot, ...(error ? { error } : {}) });
  }
  return ran;
}

export interface Scheduler {
  /** One tick now (what the interval does); resolves when it finished. */
  tick(): Promise<JobOutcome[]>;
  /** Stops ticking and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/**
 * Ticks every `tickMs` (unref'd, so it never keeps the process alive). A tick that is still
 * running when the next is due makes that one skip, so jobs never overlap within a process.
 */
export function startScheduler(options: {
  db: Kysely<DB>;
  config: Config;
  clock: () => Date;
  logger: Logger;
  jobs: readonly Job[];
  tickMs?: number;
  runner?: string;
}): Scheduler {
  let running: Promise<JobOutcome[]> | null = null;
  let stopped = false;
  const tick = (): Promise<JobOutcome[]> => {
    if (running) return running;
    if (stopped) return Promise.resolve([]);
    const ctx = {
      db: options.db,
      config: options.config,
      logger: options.logger,
      now: options.clock(),
    };
    running = runDueJobs(ctx, options.jobs, options.runner)
      .catch((err: unknown) => {
        options.logger.error("scheduler tick failed", { error: String(err) });
        return [];
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 5_000);
  timer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}

/** Deletes job_runs older than `days` (the table only needs recent slots). */
export async function pruneJobRuns(db: Kysely<DB>, now: Date, days = 30): Promise<void> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  await db.deleteFrom("job_runs").where("started_at", "<", cutoff).execute();
}
