import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/** Everything the process reads from its environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | null;
  sqlitePath: string;
  dataDir: string;
  uploadsDir: string;
  secret: string;
  adminPassword: string | null;
  demo: boolean;
  sessionIdleMinutes: number;
  smtpUrl: string | null;
  /** Sender address of outgoing mail (SMTP_FROM). */
  mailFrom: string;
  /** The site's public address for links in mail (GONGKAI_PUBLIC_URL), without trailing slash. */
  publicUrl: string | null;
  /** Cookies get `Secure` when the site is served over TLS (directly or behind a proxy). */
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Memory for cached public pages, in MiB; 0 turns the page and search caches off. */
  pageCacheMiB: number;
}

const booleanText = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave unset for SQLite)")
    .optional(),
  GONGKAI_DATA_DIR: z.string().min(1).default("./data"),
  GONGKAI_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  GONGKAI_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  GONGKAI_DEMO: booleanText.default(true),
  GONGKAI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  GONGKAI_SECURE_COOKIES: booleanText.default(false),
  GONGKAI_TRUST_PROXY: booleanText.default(false),
  GONGKAI_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  GONGKAI_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(1024).default(32),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  SMTP_FROM: z
    .string()
    .regex(/^[^\s@<>]+@[^\s@<>]+$/, "must be an e-mail address")
    .optional(),
  GONGKAI_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http:// or https:// URL")
    .optional(),
});

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message has one line per bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) =>
        `invalid ${String(i.path[0])}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`,
    );
    throw new ConfigError(lines.join("\n"));
  }
  const e = parsed.data;
  const dataDir = resolve(e.GONGKAI_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    sqlitePath: join(dataDir, "gongkai.sqlite"),
    dataDir,
    uploadsDir: join(dataDir, "uploads"),
    secret: e.GONGKAI_SECRET ?? "",
    adminPassword: e.GONGKAI_ADMIN_PASSWORD ?? null,
    demo: e.GONGKAI_DEMO,
    sessionIdleMinutes: e.GONGKAI_SESSION_IDLE_MINUTES,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.SMTP_FROM ?? "noreply@gongkai.invalid",
    publicUrl: e.GONGKAI_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
    secureCookies: e.GONGKAI_SECURE_COOKIES,
    trustProxy: e.GONGKAI_TRUST_PROXY,
    logLevel: e.GONGKAI_LOG_LEVEL,
    pageCacheMiB: e.GONGKAI_PAGE_CACHE_MB,
  };
}

/** Creates the data folders and, when GONGKAI_SECRET is unset, loads or creates `secret` (mode 0600). */
export function prepareDataDir(config: Config): Config {
  mkdirSync(config.uploadsDir, { recursive: true });
  if (config.secret) return config;
  const file = join(config.dataDir, "secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return { ...config, secret: readFileSync(file, "utf8").trim() };
}

/** The one place that reads process.env. */
export function loadConfig(): Config {
  return prepareDataDir(parseConfig(process.env));
}
