import { migrateToLatest } from "../db/migrate";
import { type CliCommand, print, withDatabase } from "./command";

export const migrateCommand: CliCommand = {
  name: "migrate",
  usage: "migrate",
  summary: "把数据库结构升级到最新版本",
  async run(_args, loadConfig) {
    const config = loadConfig();
    const applied = await withDatabase(config, (d) => migrateToLatest(d.db));
    print(applied.length ? `已执行迁移:${applied.join(", ")}` : "数据库已是最新版本。");
    return 0;
  },
};
