import { ConfigError, loadConfig } from "../config";
import { auditCommand } from "./audit";
import { backupCommand, restoreCommand } from "./backup";
import { calendarCommand } from "./calendar";
import type { CliCommand } from "./command";
import { migrateCommand } from "./migrate";
import { tokenCommand, userCommand } from "./users";

/** Every `gongkai` command. Domains add theirs here. */
const commands: CliCommand[] = [
  migrateCommand,
  userCommand,
  tokenCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  calendarCommand,
];

function usage(): string {
  return [
    "用法: gongkai <命令> [参数]",
    "",
    ...commands.map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`),
  ].join("\n");
}

/** Runs one command and returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name && name !== "help" ? 2 : 0;
  }
  try {
    return await command.run(rest, loadConfig);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    process.stderr.write(`错误:${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
