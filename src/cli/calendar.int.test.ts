import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { buildWorkCalendar } from "../calendar/store";
import { type Config, parseConfig } from "../config";
import { calendarCommand, importCalendarFile } from "./calendar";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, print: (l: string) => out.push(l), printError: (l: string) => err.push(l) };
}

describe("gongkai calendar import FILE", () => {
  let t: TestDatabase;
  let dir: string;
  let config: Config;
  before(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "gongkai-cli-calendar-"));
    config = {
      ...parseConfig({ GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: "silent" }),
      databaseUrl: t.url,
      sqlitePath: t.sqlitePath ?? "",
    };
  });
  after(async () => {
    await t.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a bad file prints every error in Chinese, exits 2 and imports nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "2027-01-01,休,元旦\n2027-13-01,休\n2027-01-04,班\n");
    const io = capture();
    assert.equal(await importCalendarFile(config, file, io), 2);
    assert.equal(io.out.length, 0);
    assert.match(io.err[0]!, /有 2 处错误,未导入任何内容/);
    assert.match(io.err[1]!, /第2行:“2027-13-01”不是有效日期/);
    assert.match(io.err[2]!, /第3行:2027-01-04 是周一至周五/);
    const imported = await t.db.selectFrom("calendar_imported_years").selectAll().execute();
    assert.deepEqual(imported, []);
  });

  it("a missing file exits 2", async () => {
    const io = capture();
    assert.equal(await importCalendarFile(config, join(dir, "nope.json"), io), 2);
    assert.match(io.err[0]!, /找不到文件/);
  });

  it("a wrong command line prints the usage and exits 2", async () => {
    const write = process.stderr.write;
    process.stderr.write = () => true;
    try {
      assert.equal(await calendarCommand.run(["export"], () => config), 2);
    } finally {
      process.stderr.write = write;
    }
  });

  it("a good file is imported, summarised and audited as the command line", async () => {
    const file = join(dir, "2027.json");
    const schedule = {
      years: {
        "2027": {
          holidays: ["2027-01-01", "2027-02-06", "2027-02-07"],
          adjusted_workdays: ["2027-02-20"],
          festivals: [
            {
              name: "春节",
              start: "2027-02-06",
              end: "2027-02-07",
              adjusted_workdays: ["2027-02-20"],
            },
          ],
        },
      },
    };
    writeFileSync(file, JSON.stringify(schedule));
    const io = capture();
    assert.equal(await importCalendarFile(config, file, io, new Date("2026-11-05T02:00:00Z")), 0);
    assert.deepEqual(io.out, ["已导入2027年节假日安排:放假 3 天,调休上班 1 天。"]);
    const calendar = await buildWorkCalendar(t.db);
    assert.equal(calendar.isProvisional("2027-02-08"), false);
    assert.equal(calendar.day("2027-02-06").name, "春节");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_name", "ip", "detail"])
      .where("action", "=", "calendar.year_imported")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor_name, "命令行");
    assert.equal(audit[0]?.ip, "cli");
    assert.match(audit[0]!.detail, /2027\.json/);
  });
});
