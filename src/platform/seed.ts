import type { Kysely } from "kysely";
import type { Config } from "../config";
import type { DB } from "../db/schema";
import type { Logger } from "./log";

/** What a seeder may use. `now` is the start instant. */
export interface SeedContext {
  db: Kysely<DB>;
  config: Config;
  logger: Logger;
  now: Date;
  /** Lines printed once to the operator at the end of first start (e.g. initial passwords). */
  announce(line: string): void;
}

/**
 * A named piece of initial data. `run` is called once per database (the name is remembered in
 * site_settings), inside no transaction of ours, so it must open its own.
 */
export interface Seeder {
  name: string;
  /** Demo seeders run only with GONGKAI_DEMO on and only on a database that had no content. */
  demo: boolean;
  run(ctx: SeedContext): Promise<void>;
}

const markerKey = (name: string) => `seeded:${name}`;

/** Runs each seeder that has not run on this database yet, in order. */
export async function runSeeders(
  ctx: SeedContext,
  seeders: readonly Seeder[],
  freshDatabase: boolean,
): Promise<string[]> {
  const ran: string[] = [];
  for (const seeder of seeders) {
    if (seeder.demo && (!ctx.config.demo || !freshDatabase)) continue;
    const done = await ctx.db
      .selectFrom("site_settings")
      .select("value")
      .where("key", "=", markerKey(seeder.name))
      .executeTakeFirst();
    if (done) continue;
    await seeder.run(ctx);
    await ctx.db
      .insertInto("site_settings")
      .values({ key: markerKey(seeder.name), value: ctx.now.toISOString() })
      .execute();
    ran.push(seeder.name);
  }
  return ran;
}
