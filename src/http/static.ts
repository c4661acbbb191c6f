import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Hono } from "hono";
import { projectPath } from "../platform/paths";
import { chooseEncoding } from "../ui/cache/page-cache";
import type { AppEnv } from "./types";

const types: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const staticDir = projectPath("src/ui/static");

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Pre-compressed copies of text files (CSS, scripts, SVG), made once at start. */
  gzip?: Buffer;
  br?: Buffer;
}

const compressible = new Set([".css", ".js", ".svg", ".txt"]);

/** Loads the few static assets into memory once; they are served with an ETag. */
function loadStaticFiles(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(staticDir)) {
    const body = readFileSync(join(staticDir, name));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`;
    const file: StaticFile = {
      body,
      type: types[extname(name)] ?? "application/octet-stream",
      etag,
    };
    if (compressible.has(extname(name))) {
      file.gzip = gzipSync(body, { level: 9 });
      file.br = brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
    }
    files.set(name, file);
  }
  return files;
}

let loaded: Map<string, StaticFile> | null = null;
function staticFiles(): Map<string, StaticFile> {
  loaded ??= loadStaticFiles();
  return loaded;
}

/**
 * The address of a static file with its content hash (`?v=`), so pages can let browsers keep it
 * for a year: a changed file gets a new address.
 */
export function staticUrl(name: string): string {
  const file = staticFiles().get(name);
  return file ? `/static/${name}?v=${file.etag.slice(1, 9)}` : `/static/${name}`;
}

export function staticRoutes(app: Hono<AppEnv>): void {
  const files = staticFiles();
  // Browsers ask for /favicon.ico on documents that link no icon (print views, error pages).
  app.get("/favicon.ico", (c) => c.redirect("/static/favicon.ico", 301));
  app.get("/static/:name", (c) => {
    const file = files.get(c.req.param("name"));
    if (!file) return c.text("Not found", 404);
    c.header("ETag", file.etag);
    const versioned = c.req.query("v") === file.etag.slice(1, 9);
    c.header(
      "Cache-Control",
      versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    );
    if (file.br) c.header("Vary", "Accept-Encoding");
    if (c.req.header("if-none-match") === file.etag) return c.body(null, 304);
    c.header("Content-Type", file.type);
    const encoding = file.br ? chooseEncoding(c.req.header("accept-encoding")) : "identity";
    const body = encoding === "br" ? file.br! : encoding === "gzip" ? file.gzip! : file.body;
    if (encoding !== "identity") c.header("Content-Encoding", encoding);
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length));
  });
}
