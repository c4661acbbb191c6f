import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { openSqlite } from "../db/database";
import { type CliCommand, print, printError } from "./command";

interface Manifest {
  format: "gongkai-backup-1";
  createdAt: string;
  files: Record<string, string>;
}

function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isFile());
}

/**
 * A consistent online copy: SQLite's backup API snapshots the database while the server keeps
 * writing; uploads are copied afterwards, and since a file is stored before the row that refers to
 * it commits, every file the snapshot refers to is already there.
 */
export const backupCommand: CliCommand = {
  name: "backup",
  usage: "backup FILE",
  summary: "在线备份 SQLite 数据库和上传文件到一个 .tar.gz 文件",
  async run(args, loadConfig) {
    const target = args[0];
    if (!target) {
      printError("用法: gongkai backup FILE");
      return 2;
    }
    const config = loadConfig();
    if (config.databaseUrl) {
      printError(
        "当前使用 PostgreSQL:请用 pg_dump 备份数据库(见 docs/OPERATIONS.md),并另行备份上传文件目录。",
      );
      return 2;
    }
    const work = mkdtempSync(join(tmpdir(), "gongkai-backup-"));
    try {
      const source = openSqlite(config.sqlitePath);
      try {
        await source.backup(join(work, "gongkai.sqlite"));
      } finally {
        source.close();
      }
      cpSync(config.uploadsDir, join(work, "uploads"), { recursive: true });
      const files: Record<string, string> = {};
      for (const file of listFiles(work)) files[relative(work, file)] = sha256File(file);
      const manifest: Manifest = {
        format: "gongkai-backup-1",
        createdAt: new Date().toISOString(),
        files,
      };
      writeFileSync(join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
      execFileSync("tar", ["-czf", resolve(target), "-C", work, "."]);
      print(`备份完成:${resolve(target)}(数据库和 ${Object.keys(files).length - 1} 个上传文件)`);
      return 0;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

export const restoreCommand: CliCommand = {
  name: "restore",
  usage: "restore FILE",
  summary: "把备份恢复到 GONGKAI_DATA_DIR(目录中不能已有数据库)",
  async run(args, loadConfig) {
    const source = args[0];
    if (!source || !existsSync(source)) {
      printError("用法: gongkai restore FILE(FILE 须为 gongkai backup 生成的文件)");
      return 2;
    }
    const config = loadConfig();
    if (config.databaseUrl) {
      printError("当前使用 PostgreSQL:请用 pg_restore 恢复数据库(见 docs/OPERATIONS.md)。");
      return 2;
    }
    if (existsSync(config.sqlitePath)) {
      printError(
        `${config.sqlitePath} 已存在。为防止覆盖数据,请恢复到一个新的空目录(设置 GONGKAI_DATA_DIR)。`,
      );
      return 2;
    }
    const work = mkdtempSync(join(tmpdir(), "gongkai-restore-"));
    try {
      execFileSync("tar", ["-xzf", resolve(source), "-C", work, "--no-same-owner"]);
      const manifest = JSON.parse(readFileSync(join(work, "manifest.json"), "utf8")) as Manifest;
      if (manifest.format !== "gongkai-backup-1") throw new Error("不是 Gongkai 备份文件。");
      for (const [name, hash] of Object.entries(manifest.files)) {
        const path = join(work, name);
        if (!existsSync(path) || sha256File(path) !== hash)
          throw new Error(`备份文件已损坏:${name} 校验不符。`);
      }
      mkdirSync(config.dataDir, { recursive: true });
      cpSync(join(work, "uploads"), config.uploadsDir, { recursive: true });
      cpSync(join(work, "gongkai.sqlite"), config.sqlitePath);
      const check = openSqlite(config.sqlitePath);
      const integrity = check.pragma("integrity_check", { simple: true });
      check.close();
      if (integrity !== "ok") throw new Error(`恢复后的数据库完整性检查失败:${String(integrity)}`);
      print(
        `恢复完成:${config.sqlitePath}(备份时间 ${manifest.createdAt},${Object.keys(manifest.files).length} 个文件校验一致)`,
      );
      return 0;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
