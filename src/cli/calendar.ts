import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseCalendarImport } from "../calendar/import-format";
import { importYears } from "../calendar/store";
import type { Config } from "../config";
import { systemActor } from "../platform/audit";
import { type CliCommand, print, printError, withDatabase } from "./command";

const cliActor = { ...systemActor, name: "命令行", ip: "cli" };
const USAGE = "calendar import FILE";

export interface CliOutput {
  print(line: string): void;
  printError(line: string): void;
}

/**
 * Imports the State Council schedule in FILE (JSON or CSV, see src/calendar/import-format.ts),
 * all years or none, audited as the command line. Returns the exit code: 2 for a bad file.
 */
export async function importCalendarFile(
  config: Config,
  file: string,
  out: CliOutput,
  now: Date = new Date(),
): Promise<number> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(file));
  } catch (error) {
    const code = (error as { code?: string }).code;
    out.printError(
      code === "ENOENT"
        ? `找不到文件 ${file}。`
        : code
          ? `无法读取文件 ${file}(${code})。`
          : `文件 ${file} 不是 UTF-8 编码,请另存为 UTF-8 后再导入。`,
    );
    return 2;
  }
  const parsed = parseCalendarImport(text);
  if (!parsed.ok) {
    out.printError(`${file} 有 ${parsed.errors.length} 处错误,未导入任何内容:`);
    for (const line of parsed.errors) out.printError(`  ${line}`);
    return 2;
  }
  await withDatabase(config, ({ db }) =>
    importYears(db, cliActor, parsed.years, now, basename(file).slice(0, 100)),
  );
  for (const year of parsed.years) {
    out.print(
      `已导入${year.year}年节假日安排:放假 ${year.holidays.length} 天,调休上班 ${year.adjustedWorkdays.length} 天。`,
    );
  }
  return 0;
}

export const calendarCommand: CliCommand = {
  name: "calendar",
  usage: USAGE,
  summary: "导入国务院办公厅节假日安排(JSON 或 CSV),如下一年的安排",
  async run(args, loadConfig) {
    if (args[0] !== "import" || args.length !== 2 || !args[1]) {
      printError(`用法: gongkai ${USAGE}`);
      return 2;
    }
    return importCalendarFile(loadConfig(), args[1], { print, printError });
  },
};
