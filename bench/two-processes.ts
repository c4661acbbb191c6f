// Two server processes on one PostgreSQL database behind nginx, and the checks that the pair
// behaves as one site — one command, exit code 0 when every check passes:
//
//   node --import tsx bench/two-processes.ts        (needs PostgreSQL binaries and nginx)
//
// 1. a session opened on one process works on the other (sessions live in the database);
// 2. a record published through one process is visible through the other at once (page caches
//    are invalidated across processes);
// 3. a scheduled publication due while both schedulers run happens exactly once;
// 4. stopping PostgreSQL makes /healthz on both report failure, and both recover by themselves
//    when it is back, without restarting the servers.
// It starts its own throwaway cluster (.ci/postgres.sh) and nginx in a temp folder, and stops
// everything at the end. docs/OPERATIONS.md shows the same layout for production.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiToken } from "../src/accounts/api-tokens";
import { createUser } from "../src/accounts/service";
import { parseConfig } from "../src/config";
import { connectDatabase } from "../src/db/database";
import { rootUnit } from "../src/org/store";
import { systemActor } from "../src/platform/audit";
import { prepareDatabase } from "../src/platform/bootstrap";
import { createLogger } from "../src/platform/log";
import { buildRecord, publishableReview, setCreditCode } from "../src/records/test-fixtures";
import { builtServer, freePort } from "./product";

const root = new URL("..", import.meta.url).pathname;
const postgresScript = join(root, ".ci/postgres.sh");
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const PASSWORD = `Two-Proc-${randomBytes(4).toString("hex")}-Aa1!`;

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];
function check(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail });
  process.stderr.write(`${ok ? "PASS" : "FAIL"} ${name}: ${detail}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {}
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

/** Starts one server process (as `npm start` runs it); resolves when it answers /healthz. */
async function startProcess(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [builtServer()], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await until(
    `process on ${port}`,
    async () => ((await status(`http://127.0.0.1:${port}/healthz`)) === 200 ? true : undefined),
    60_000,
  );
  return child;
}

function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 25m;
  upstream gongkai {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://gongkai;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

/** Logs in on one process and returns the cookie header to send. */
async function login(base: string, username: string): Promise<string> {
  const form = await fetch(`${base}login`);
  const csrfCookie = /gk_csrf=([^;]+)/.exec(form.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const res = await fetch(`${base}login`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: `gk_csrf=${csrfCookie}`,
    },
    body: new URLSearchParams({ username, password: PASSWORD, _csrf: token }).toString(),
  });
  const session = /gk_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!session) throw new Error(`login on ${base} failed with ${res.status}`);
  return `gk_csrf=${csrfCookie}; gk_session=${session}`;
}

async function api(base: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path.slice(1)}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function main(): Promise<number> {
  if (!NGINX) {
    process.stderr.write("nginx is not installed (Debian: apt-get install nginx-light)\n");
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), "gongkai-two-"));
  const pgEnv = Object.fromEntries(
    // Its own cluster on a free port: not the one a CI job may have exported (PG_PORT, PG_TMP).
    execFileSync("bash", [postgresScript, "start"], {
      encoding: "utf8",
      env: { ...process.env, PG_PORT: "", PG_TMP: "", DATABASE_URL: "" },
    })
      .split("\n")
      .map((l) => /^export (\w+)=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const children: ChildProcess[] = [];
  let nginx: ChildProcess | undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: pgEnv.DATABASE_URL,
    GONGKAI_DATA_DIR: join(work, "data"),
    GONGKAI_SECRET: randomBytes(32).toString("base64url"),
    GONGKAI_DEMO: "false",
    GONGKAI_TRUST_PROXY: "true",
    GONGKAI_LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
  };
  const config = parseConfig(env);
  // The product's own connection: its pool survives the PostgreSQL restart of check 4.
  const { db } = connectDatabase(config);
  try {
    // Migrate and create the accounts once, before either process starts (as an upgrade does).
    await prepareDatabase(db, config, createLogger("warn"), new Date());
    await setCreditCode(db);
    const unitId = (await rootUnit(db))!.id;
    const tokens: Record<string, string> = {};
    for (const [username, role] of [
      ["editor", "editor"],
      ["reviewer", "reviewer"],
      ["approver", "approver"],
    ] as const) {
      const id = await createUser(
        db,
        systemActor,
        {
          username,
          displayName: username,
          unitId,
          roles: [role],
          password: PASSWORD,
          mustChangePassword: false,
        },
        new Date(),
      );
      tokens[username] = (await createApiToken(db, id, "two-processes", new Date())).token;
    }

    const [portA, portB, portN] = [await freePort(), await freePort(), await freePort()];
    children.push(await startProcess(env, portA), await startProcess(env, portB));
    const a = `http://127.0.0.1:${portA}/`;
    const b = `http://127.0.0.1:${portB}/`;
    const nginxDir = join(work, "nginx");
    execFileSync("mkdir", ["-p", nginxDir]);
    writeFileSync(join(nginxDir, "nginx.conf"), nginxConfig(nginxDir, portN, [portA, portB]));
    nginx = spawn(NGINX, ["-p", nginxDir, "-c", join(nginxDir, "nginx.conf")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const site = `http://127.0.0.1:${portN}/`;
    await until(
      "nginx",
      async () => ((await status(`${site}healthz`)) === 200 ? 1 : undefined),
      20_000,
    );

    // 1. Sessions across both processes.
    const cookie = await login(a, "editor");
    const onB = await fetch(`${b}admin`, { headers: { cookie }, redirect: "manual" });
    let viaNginx = 0;
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${site}admin`, { headers: { cookie }, redirect: "manual" });
      if (r.status === 200) viaNginx++;
    }
    check(
      "session opened on A works on B and through nginx",
      onB.status === 200 && viaNginx === 10,
      `B /admin → ${onB.status}; ${viaNginx}/10 through nginx`,
    );

    // 2. Published through A, visible through B at once (B's page cache primed first).
    const title = `双进程发布检查 ${randomBytes(3).toString("hex")}`;
    await fetch(b);
    await fetch(`${b}disclosure/records`);
    const draft = await api(a, tokens.editor!, "POST", "/api/v1/records", buildRecord({ title }));
    const id = draft.id as number;
    await api(a, tokens.editor!, "POST", `/api/v1/records/${id}/transitions`, { action: "submit" });
    await api(a, tokens.reviewer!, "POST", `/api/v1/records/${id}/transitions`, {
      action: "approve",
      review: publishableReview,
    });
    await api(a, tokens.approver!, "POST", `/api/v1/records/${id}/transitions`, { action: "sign" });
    const home = await (await fetch(b)).text();
    const list = await (await fetch(`${b}disclosure/records`)).text();
    const page = await fetch(`${b}records/${id}`);
    check(
      "record published through A is visible through B on the next request",
      home.includes(title) && list.includes(title) && page.status === 200,
      `home ${home.includes(title)}, list ${list.includes(title)}, record page ${page.status}`,
    );

    // 3. A scheduled publication due while both schedulers run is published exactly once.
    const laterTitle = `双进程定时发布检查 ${randomBytes(3).toString("hex")}`;
    const later = await api(
      a,
      tokens.editor!,
      "POST",
      "/api/v1/records",
      buildRecord({ title: laterTitle }),
    );
    const laterId = later.id as number;
    await api(b, tokens.editor!, "POST", `/api/v1/records/${laterId}/transitions`, {
      action: "submit",
    });
    await api(b, tokens.reviewer!, "POST", `/api/v1/records/${laterId}/transitions`, {
      action: "approve",
      review: publishableReview,
    });
    await api(b, tokens.approver!, "POST", `/api/v1/records/${laterId}/transitions`, {
      action: "schedule",
      publishAt: new Date(Date.now() + 3000).toISOString(),
    });
    await until(
      "the scheduled record",
      async () => ((await status(`${site}records/${laterId}`)) === 200 ? 1 : undefined),
      90_000,
    );
    await sleep(5000); // let the other process's scheduler tick too
    const publishes = await db
      .selectFrom("record_events")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("record_id", "=", laterId)
      .where("to_state", "=", "published")
      .executeTakeFirstOrThrow();
    const indexNo = await db
      .selectFrom("records")
      .select("index_no")
      .where("id", "=", laterId)
      .executeTakeFirstOrThrow();
    check(
      "a scheduled publication runs once with both schedulers running",
      Number(publishes.n) === 1 && indexNo.index_no !== null,
      `${publishes.n} publish event(s), 索引号 ${indexNo.index_no}`,
    );

    // 4. PostgreSQL outage: both report failure, then recover without a restart.
    execFileSync("bash", [postgresScript, "halt", pgEnv.PG_TMP!], { stdio: "inherit" });
    const down = await until(
      "both /healthz to fail",
      async () => {
        const [sa, sb] = [await status(`${a}healthz`), await status(`${b}healthz`)];
        return sa === 503 && sb === 503 ? [sa, sb] : undefined;
      },
      30_000,
    ).catch(() => null);
    execFileSync("bash", [postgresScript, "resume", pgEnv.PG_TMP!], { stdio: "inherit" });
    const up = await until(
      "both /healthz to recover",
      async () => {
        const [sa, sb] = [await status(`${a}healthz`), await status(`${b}healthz`)];
        return sa === 200 && sb === 200 ? [sa, sb] : undefined;
      },
      60_000,
    ).catch(() => null);
    const after = await status(`${site}records/${id}`);
    check(
      "a PostgreSQL restart: /healthz fails on both, then both recover by themselves",
      down !== null && up !== null && after === 200 && children.every((c) => c.exitCode === null),
      `during outage ${down ? down.join("/") : "not 503"}, after ${up ? up.join("/") : "not 200"}, record page ${after}`,
    );
  } finally {
    nginx?.kill("SIGTERM");
    for (const c of children) c.kill("SIGTERM");
    await db.destroy().catch(() => {});
    execFileSync("bash", [postgresScript, "stop", pgEnv.PG_TMP!], { stdio: "inherit" });
    rmSync(work, { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok).length;
  process.stderr.write(`${checks.length - failed}/${checks.length} checks passed\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
