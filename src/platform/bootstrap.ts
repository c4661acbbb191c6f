import type { Kysely } from "kysely";
import { generateInitialPassword } from "../accounts/passwords";
import { createUser } from "../accounts/service";
import type { Config } from "../config";
import { migrateToLatest } from "../db/migrate";
import type { DB } from "../db/schema";
import { createUnit, rootUnit } from "../org/store";
import { systemActor } from "./audit";
import type { Logger } from "./log";
import { runSeeders, type Seeder } from "./seed";
import { seeders } from "./seeders";

/**
 * Brings a database to a usable state: migrates, creates the bureau's root unit and the `admin`
 * account on first start, then loads the shipped catalog and, on an empty database, demo content.
 * Returns lines for the operator (initial passwords are printed once and never stored in clear).
 */
export async function prepareDatabase(
  db: Kysely<DB>,
  config: Config,
  logger: Logger,
  now: Date,
  extraSeeders: readonly Seeder[] = seeders,
): Promise<string[]> {
  await migrateToLatest(db);
  const lines: string[] = [];
  const fresh = !(await db.selectFrom("users").select("id").limit(1).executeTakeFirst());
  if (fresh) {
    const root =
      (await rootUnit(db))?.id ??
      (await createUnit(db, { name: "局机关", kind: "bureau", parentId: null }, now));
    const password = config.adminPassword ?? generateInitialPassword();
    await createUser(
      db,
      systemActor,
      {
        username: "admin",
        displayName: "系统管理员",
        unitId: root,
        roles: ["admin"],
        password,
        mustChangePassword: true,
      },
      now,
    );
    lines.push(
      config.adminPassword
        ? "已创建管理员账号 admin(密码为 GONGKAI_ADMIN_PASSWORD 的值),首次登录须修改密码。"
        : `已创建管理员账号 admin,初始密码:${password}(仅显示这一次,首次登录须修改密码)`,
    );
  }
  await runSeeders(
    { db, config, logger, now, announce: (l) => lines.push(l) },
    extraSeeders,
    fresh,
  );
  return lines;
}
