// Staff and mail for journeys that cross the back office: accounts with given roles and API
// tokens made through the `gongkai` command line against the journey server's own database (as
// an operator would), logging in through the real login form, and the mail the server files as
// .eml files in its data directory when SMTP_URL is unset.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Role } from "../../../src/accounts/roles";
import { gongkai } from "../../system/helpers";
import type { Journey } from "./journey";
import type { TestServer } from "./server";

/** The password of every account made by `staffUser` (set with --password: no forced change). */
export const staffPassword = "Gongzuo-Mima-2024";

const made = new Map<string, Promise<void>>();

function cliEnv(server: TestServer): Record<string, string> {
  return { GONGKAI_DATA_DIR: server.dataDir, GONGKAI_LOG_LEVEL: "warn" };
}

/**
 * An account with `roles` on this server, made once (both sizes of a journey share the server):
 * `gongkai user add … --password`, so it logs in without the forced change.
 */
export function staffUser(
  server: TestServer,
  username: string,
  roles: Role[],
  displayName = username,
): Promise<void> {
  const key = `${server.url} ${username}`;
  let p = made.get(key);
  if (!p) {
    p = gongkai(
      [
        "user",
        "add",
        "--username",
        username,
        "--name",
        displayName,
        ...roles.flatMap((r) => ["--role", r]),
        "--password",
        staffPassword,
      ],
      cliEnv(server),
    ).then((r) => {
      if (r.code !== 0) throw new Error(`gongkai user add ${username}: ${r.stderr}${r.stdout}`);
    });
    made.set(key, p);
  }
  return p;
}

const tokens = new Map<string, Promise<string>>();

/** An API token for an existing user (`gongkai token create`), made once per server and user. */
export function apiToken(server: TestServer, username: string): Promise<string> {
  const key = `${server.url} ${username}`;
  let p = tokens.get(key);
  if (!p) {
    p = gongkai(["token", "create", "--user", username], cliEnv(server)).then((r) => {
      if (r.code !== 0) throw new Error(`gongkai token create: ${r.stderr}${r.stdout}`);
      return r.stdout.trim().split("\n").at(-1)!.trim();
    });
    tokens.set(key, p);
  }
  return p;
}

/** Logs in through /login (a fresh page load), checked like every other page. */
export async function logIn(j: Journey, username: string, password = staffPassword) {
  const { page } = j;
  await j.visit("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: false }).last().fill(password);
  await j.follow(page.locator("main").getByRole("button", { name: "登录" }));
  if (new URL(page.url()).pathname === "/login") {
    throw new Error(`login as ${username} failed`);
  }
}

/** Logs out with the header button (session ends, the next person logs in). */
export async function logOut(j: Journey) {
  await j.follow(j.page.getByRole("button", { name: "退出登录" }));
}

/** A filed mail: headers and the decoded text of its body parts. */
export interface FiledMail {
  file: string;
  raw: string;
  to: string;
  subject: string;
  text: string;
}

/** Decodes one .eml file enough to read its recipients, subject and body text. */
export function parseEml(file: string, raw: string): FiledMail {
  const unfolded = raw.replace(/\r\n/g, "\n");
  const headerEnd = unfolded.indexOf("\n\n");
  const headers = unfolded.slice(0, headerEnd).replace(/\n[ \t]+/g, " ");
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, "im").exec(headers)?.[1]?.trim() ?? "";
  const decodeWords = (s: string) =>
    s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : qp(data.replace(/_/g, " ")),
    );
  // Every body part: base64 or quoted-printable, decoded and joined.
  const parts: string[] = [];
  const partRe =
    /Content-Transfer-Encoding: *(base64|quoted-printable|7bit|8bit)\s*\n(?:[^\n]+\n)*\n([\s\S]*?)(?=\n--|$)/gi;
  for (const m of unfolded.matchAll(partRe)) {
    const enc = m[1]!.toLowerCase();
    const body = m[2]!;
    parts.push(
      enc === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : enc === "quoted-printable"
          ? qp(body)
          : body,
    );
  }
  return {
    file,
    raw,
    to: decodeWords(header("To")),
    subject: decodeWords(header("Subject")),
    text: parts.length ? parts.join("\n") : unfolded.slice(headerEnd + 2),
  };
}

function qp(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * Waits for a mail filed in <dataDir>/mail/ that matches `match` (the server's sender runs on
 * its scheduler tick, every few seconds) and returns it.
 */
export async function waitForMail(
  server: TestServer,
  match: (mail: FiledMail) => boolean,
  timeoutMs = 20_000,
): Promise<FiledMail> {
  const dir = join(server.dataDir, "mail");
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    if (existsSync(dir)) {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith(".eml"))
        .sort();
      seen = files;
      for (const f of files) {
        const mail = parseEml(f, readFileSync(join(dir, f), "utf8"));
        if (match(mail)) return mail;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no matching mail within ${timeoutMs} ms; filed: ${seen.join(", ") || "none"}`);
}

/** The path (and query) of the first link in `text` that contains `fragment`. */
export function linkIn(text: string, fragment: string): string {
  for (const m of text.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    if (m[0].includes(fragment)) {
      const u = new URL(m[0]);
      return `${u.pathname}${u.search}`;
    }
  }
  throw new Error(`no link containing ${fragment} in:\n${text.slice(0, 1500)}`);
}

/** Reads the human-check question (一加三等于几?) off the page and types the answer. */
export async function answerHumanCheck(j: Journey): Promise<void> {
  const numerals = "零一二三四五六七八九十";
  const html = await j.page.content();
  const q = /([零一二三四五六七八九十])(加|减)([零一二三四五六七八九十])等于几/.exec(html);
  if (!q) throw new Error("no human-check question on the page");
  const a = numerals.indexOf(q[1]!);
  const b = numerals.indexOf(q[3]!);
  const answer = String(q[2] === "加" ? a + b : a - b);
  await j.page.locator('input[name="hc_answer"]').fill(answer);
}

/**
 * Public forms refuse a submission made sooner than a few seconds after the form was served
 * (src/platform/human-check.ts). Waits out what remains of `minMs` since `loadedAt`.
 */
export async function waitMinimumFillTime(loadedAt: number, minMs = 3_300): Promise<void> {
  const left = loadedAt + minMs - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}
