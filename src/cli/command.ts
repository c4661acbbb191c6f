import type { Config } from "../config";
import { connectDatabase, type Database } from "../db/database";

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code. `loadConfig` is called only by commands that need it. */
  run(args: string[], loadConfig: () => Config): Promise<number>;
}

/** Opens the configured database for the length of `work`. */
export async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = connectDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.destroy();
  }
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}
