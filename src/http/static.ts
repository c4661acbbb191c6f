import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./types";

const types: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const staticDir = join(new URL(".", import.meta.url).pathname, "../ui/static");

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

/** Loads the few static assets into memory once; they are served with an ETag. */
function loadStaticFiles(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(staticDir)) {
    const body = readFileSync(join(staticDir, name));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`;
    files.set(name, { body, type: types[extname(name)] ?? "application/octet-stream", etag });
  }
  return files;
}

export function staticRoutes(app: Hono<AppEnv>): void {
  const files = loadStaticFiles();
  // Browsers ask for /favicon.ico on documents that link no icon (print views, error pages).
  app.get("/favicon.ico", (c) => c.redirect("/static/favicon.ico", 301));
  app.get("/static/:name", (c) => {
    const file = files.get(c.req.param("name"));
    if (!file) return c.text("Not found", 404);
    c.header("ETag", file.etag);
    c.header("Cache-Control", "public, max-age=3600");
    if (c.req.header("if-none-match") === file.etag) return c.body(null, 304);
    c.header("Content-Type", file.type);
    return c.body(new Uint8Array(file.body));
  });
}
