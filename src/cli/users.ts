import { parseArgs } from "node:util";
import { createApiToken } from "../accounts/api-tokens";
import { checkPasswordPolicy, generateInitialPassword } from "../accounts/passwords";
import { isRole, type Role, roleLabels, roles } from "../accounts/roles";
import { createUser } from "../accounts/service";
import { findUserByUsername } from "../accounts/store";
import { recordAudit, systemActor } from "../platform/audit";
import { type CliCommand, print, printError, withDatabase } from "./command";

const cliActor = { ...systemActor, name: "命令行", ip: "cli" };

export const userCommand: CliCommand = {
  name: "user",
  usage: "user add --username NAME --name 姓名 --unit 单位 --role ROLE [--role …] [--password P]",
  summary: `添加用户(角色:${roles.join("/")})`,
  async run(args, loadConfig) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        username: { type: "string" },
        name: { type: "string" },
        unit: { type: "string" },
        role: { type: "string", multiple: true },
        password: { type: "string" },
        email: { type: "string" },
      },
    });
    if (positionals[0] !== "add" || !values.username || !values.role?.length) {
      printError(`用法: gongkai ${this.usage}`);
      return 2;
    }
    const badRole = values.role.find((r) => !isRole(r));
    if (badRole) {
      printError(
        `未知角色 ${badRole}。可用角色:${roles.map((r) => `${r}(${roleLabels[r]})`).join("、")}`,
      );
      return 2;
    }
    const password = values.password ?? generateInitialPassword();
    const policy = checkPasswordPolicy(password);
    if (policy) {
      printError(policy);
      return 2;
    }
    return withDatabase(loadConfig(), async ({ db }) => {
      const unit = await db
        .selectFrom("units")
        .select("id")
        .where((eb) =>
          values.unit && /^\d+$/.test(values.unit)
            ? eb("id", "=", Number(values.unit))
            : eb("name", "=", values.unit ?? "局机关"),
        )
        .executeTakeFirst();
      if (!unit) {
        printError(`找不到单位 ${values.unit}。`);
        return 2;
      }
      if (await findUserByUsername(db, values.username!)) {
        printError(`用户名 ${values.username} 已存在。`);
        return 2;
      }
      await createUser(
        db,
        cliActor,
        {
          username: values.username!,
          displayName: values.name ?? values.username!,
          unitId: unit.id,
          email: values.email ?? null,
          roles: values.role as Role[],
          password,
          mustChangePassword: !values.password,
        },
        new Date(),
      );
      print(
        values.password
          ? `已创建用户 ${values.username}。`
          : `已创建用户 ${values.username},初始密码:${password}(首次登录须修改)`,
      );
      return 0;
    });
  },
};

export const tokenCommand: CliCommand = {
  name: "token",
  usage: "token create --user NAME [--name 用途]",
  summary: "为用户创建 API 访问令牌(只显示一次)",
  async run(args, loadConfig) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { user: { type: "string" }, name: { type: "string" } },
    });
    if (positionals[0] !== "create" || !values.user) {
      printError(`用法: gongkai ${this.usage}`);
      return 2;
    }
    return withDatabase(loadConfig(), async ({ db }) => {
      const user = await findUserByUsername(db, values.user!);
      if (!user) {
        printError(`找不到用户 ${values.user}。`);
        return 2;
      }
      const now = new Date();
      const token = await db.transaction().execute(async (trx) => {
        const created = await createApiToken(trx, user.id, values.name ?? "命令行创建", now);
        await recordAudit(
          trx,
          cliActor,
          {
            action: "token.created",
            objectType: "api_token",
            objectId: created.id,
            detail: `用户 ${user.username}`,
          },
          now,
        );
        return created.token;
      });
      print(token);
      return 0;
    });
  },
};
