import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { parseConfig } from "../../config";
import { connectDatabase, type Database } from "../../db/database";
import { createLogger } from "../log";
import { type Job, runDueJobs, startScheduler } from "./scheduler";

describe("job scheduler with two processes on one database", () => {
  let t: TestDatabase;
  let second: Database;
  const config = { ...parseConfig({ GONGKAI_LOG_LEVEL: "silent" }), secret: "x".repeat(40) };
  const logger = createLogger("silent");

  before(async () => {
    t = await createTestDatabase();
    // A second, independent connection (pool) to the same database, as a second server would have.
    second = connectDatabase({ databaseUrl: t.url, sqlitePath: t.sqlitePath ?? "" });
  });
  after(async () => {
    await second.destroy();
    await t.destroy();
  });

  function countingJob(name: string, schedule: Job["schedule"], runs: string[]): Job {
    return {
      name,
      schedule,
      run: async ({ now }) => {
        runs.push(now.toISOString());
        // Stay busy a little, so the other process's claim overlaps this run.
        await new Promise((r) => setTimeout(r, 5));
      },
    };
  }

  it("each interval slot runs exactly once however the processes race", async () => {
    const runs: string[] = [];
    const job = countingJob("test.interval", { everyMs: 60_000 }, runs);
    const base = Date.parse("2025-03-03T02:00:00Z");
    for (let minute = 0; minute < 5; minute++) {
      const ticks = [0, 1_000, 20_000, 59_000].flatMap((offset) => {
        const now = new Date(base + minute * 60_000 + offset);
        return [
          runDueJobs({ db: t.db, config, logger, now }, [job], "a"),
          runDueJobs({ db: second.db, config, logger, now }, [job], "b"),
        ];
      });
      await Promise.all(ticks);
    }
    assert.equal(runs.length, 5);
    const rows = await t.db
      .selectFrom("job_runs")
      .selectAll()
      .where("job_name", "=", "test.interval")
      .execute();
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.finished_at !== null && r.error === null));
  });

  it("a daily job runs once per Shanghai day, from its time on", async () => {
    const runs: string[] = [];
    const job = countingJob("test.daily", { dailyAt: "03:30" }, runs);
    const at = (iso: string) =>
      Promise.all([
        runDueJobs({ db: t.db, config, logger, now: new Date(iso) }, [job], "a"),
        runDueJobs({ db: second.db, config, logger, now: new Date(iso) }, [job], "b"),
      ]);
    await at("2025-03-02T19:00:00Z"); // 03:00 in Shanghai: not yet
    assert.equal(runs.length, 0);
    await at("2025-03-02T19:31:00Z");
    await at("2025-03-03T10:00:00Z");
    assert.equal(runs.length, 1);
    await at("2025-03-03T19:45:00Z"); // the next Shanghai day
    assert.equal(runs.length, 2);
  });

  it("records a failing run's error and runs the next slot again", async () => {
    let calls = 0;
    const job: Job = {
      name: "test.failing",
      schedule: { everyMs: 60_000 },
      run: async () => {
        calls++;
        throw new Error("boom");
      },
    };
    const now = new Date("2025-03-03T02:00:00Z");
    const [outcome] = await runDueJobs({ db: t.db, config, logger, now }, [job]);
    assert.equal(outcome?.error, "boom");
    const row = await t.db
      .selectFrom("job_runs")
      .selectAll()
      .where("job_name", "=", "test.failing")
      .executeTakeFirstOrThrow();
    assert.equal(row.error, "boom");
    assert.ok(row.finished_at);
    await runDueJobs({ db: t.db, config, logger, now }, [job]);
    await runDueJobs({ db: t.db, config, logger, now: new Date(now.getTime() + 60_000) }, [job]);
    assert.equal(calls, 2);
  });

  it("two started schedulers tick concurrently and still run each slot once", async () => {
    const runs: string[] = [];
    const job = countingJob("test.started", { everyMs: 60_000 }, runs);
    const tickJob: Job = { name: "test.tick", schedule: { everyTick: true }, run: async () => {} };
    let now = new Date("2025-03-03T04:00:00Z");
    const clock = () => now;
    const a = startScheduler({ db: t.db, config, clock, logger, jobs: [job, tickJob], tickMs: 5 });
    const b = startScheduler({
      db: second.db,
      config,
      clock,
      logger,
      jobs: [job, tickJob],
      tickMs: 5,
    });
    await new Promise((r) => setTimeout(r, 100));
    now = new Date("2025-03-03T04:01:00Z");
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(runs.length, 2);
    assert.deepEqual(await a.tick(), []); // stopped: nothing runs any more
    const ticks = await t.db
      .selectFrom("job_runs")
      .select("slot")
      .where("job_name", "=", "test.tick")
      .execute();
    assert.equal(ticks.length, 0, "every-tick jobs are not recorded");
  });
});
