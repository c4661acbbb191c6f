// `journey(name, fn)`: one task a person does on the site, run in real Chromium at a phone size
// and a desktop size. Every page the journey visits is checked (axe-core, horizontal scroll on
// the phone, weight of public pages); every HTML document served is validated (html-validate);
// any console error, page error, failed sub-resource or 5xx fails the journey. Problems are collected and reported
// together at the end, with a screenshot of the page where the journey stopped.
//
// One browser per test file, a new browser context per size, one server per file (or one per
// size with `serverPerSize`), all closed in the file's `after`. JOURNEY_DEBUG=1 prints the time
// each page check takes.
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Locator, Page, Response } from "playwright-core";
import { projectRoot } from "../../system/helpers";
import { browserUnavailable, launchBrowser, type Size, sizes } from "./browser";
import {
  failingImpacts,
  formatHtmlError,
  formatViolation,
  horizontalOverflow,
  pageWeight,
  publicPageWeightLimit,
  runAxe,
  validateHtml,
} from "./checks";
import { type ServerOptions, startServer, stopAllServers, type TestServer } from "./server";

export const screenshotDir = join(projectRoot, "test-results", "screenshots");

/** Bounded waits: a page that takes longer than this to load is a failure, not a hang. */
const navigationTimeoutMs = 20_000;
const actionTimeoutMs = 10_000;

export interface JourneyOptions extends ServerOptions {
  /**
   * A fresh server and database for each size, for journeys that use something only once
   * (an initial password). Otherwise the sizes share one server per file.
   */
  serverPerSize?: boolean;
  /** Console errors that are expected (e.g. a deliberately refused upload); rarely needed. */
  allowConsoleErrors?: RegExp[];
  /** Per size, including the server start (default 180 s: CI machines can be slow). */
  timeoutMs?: number;
  /**
   * Screenshot file prefix; default: the test file's name (`portal`), then `portal-2`, … for
   * further journeys in the same file.
   */
  id?: string;
}

export interface Journey {
  page: Page;
  context: BrowserContext;
  size: Size;
  server: TestServer;
  /** An absolute URL for a path on the test server. */
  url(path: string): string;
  /** Opens a path (as typing a URL or following a bookmark) and checks the page. */
  visit(path: string): Promise<Response | null>;
  /** Runs an action that loads a new page (click, Enter, form submission), then checks that page. */
  navigate(action: () => Promise<unknown>): Promise<void>;
  /** Taps (phone) or clicks (desktop) a link or button that loads a new page, then checks it. */
  follow(target: Locator): Promise<void>;
  /** Checks the page as it is now (for a page changed without loading a new one). */
  check(): Promise<void>;
  /** Saves test-results/screenshots/<journey>-<size>[-label].png of the whole page. */
  screenshot(label?: string): Promise<string>;
  /** A line for the journey's summary (e.g. a step skipped because nothing is published yet). */
  note(text: string): void;
}

// ---- per-file shared state -------------------------------------------------------------------

let browser: Promise<Browser> | null = null;
let journeysInFile = 0;
/** node --test runs each file in its own process: argv[1] is the test file. */
const fileId = basename(process.argv[1] ?? "journey").replace(/\.test\.tsx?$/, "");
const servers = new Map<string, Promise<TestServer>>();

function sharedBrowser(): Promise<Browser> {
  browser ??= launchBrowser();
  return browser;
}

function serverFor(key: string, options: ServerOptions): Promise<TestServer> {
  let server = servers.get(key);
  if (!server) {
    server = startServer(options);
    // Started ahead of use: a failure is reported by the test that awaits it, not as unhandled.
    server.catch(() => {});
    servers.set(key, server);
  }
  return server;
}

after(async () => {
  const closing = browser?.then((b) => b.close()).catch(() => {});
  browser = null;
  await Promise.all(
    [...servers.values()].map((s) =>
      s.then(
        (server) => server.stop(),
        () => {},
      ),
    ),
  );
  servers.clear();
  await closing;
  await stopAllServers();
});

// ---- the journey ------------------------------------------------------------------------------

interface SizeOutcome {
  size: Size;
  ok: boolean;
  pages: number;
  ms: number;
  problems: number;
}

export function journey(
  name: string,
  fn: (j: Journey) => Promise<void>,
  options: JourneyOptions = {},
): void {
  const unavailable = browserUnavailable();
  if (unavailable) {
    if (process.env.CI) {
      it(name, () => {
        throw new Error(`${unavailable}; CI is set, so the browser tests must run.`);
      });
      return;
    }
    const bar = "!".repeat(78);
    console.error(`\n${bar}\n!! BROWSER TESTS SKIPPED: ${unavailable}\n${bar}\n`);
    it(name, { skip: unavailable }, () => {});
    return;
  }

  journeysInFile += 1;
  const slug = options.id ?? (journeysInFile === 1 ? fileId : `${fileId}-${journeysInFile}`);
  const keyOf = (size: Size) =>
    `${options.demo === false ? "plain" : "demo"}${options.serverPerSize ? `:${slug}:${size.name}` : ""}`;
  const outcomes: SizeOutcome[] = [];
  const notes = new Set<string>();

  describe(name, () => {
    before(() => {
      // Start what this journey needs in parallel; the phone run waits only for its own.
      void sharedBrowser().catch(() => {});
      for (const size of sizes) serverFor(keyOf(size), options);
    });
    after(() => console.log(summaryLine(name, outcomes, notes)));

    for (const size of sizes) {
      it(`at ${size.label}`, { timeout: options.timeoutMs ?? 180_000 }, async (t) => {
        const started = performance.now();
        const run = new JourneyRun(
          slug,
          size,
          await serverFor(keyOf(size), options),
          await sharedBrowser(),
          options,
        );
        let failure: unknown = null;
        try {
          await run.open();
          await fn(run.api());
        } catch (err) {
          failure = err;
        }
        const problems = await run.finish(failure !== null);
        for (const n of run.notes) notes.add(n);
        outcomes.push({
          size,
          ok: failure === null && problems.length === 0,
          pages: run.audited.size,
          ms: Math.round(performance.now() - started),
          problems: problems.length,
        });
        t.diagnostic(
          `${run.audited.size} pages checked in ${Math.round(performance.now() - started)} ms`,
        );
        if (failure !== null || problems.length > 0) {
          const parts: string[] = [];
          if (failure !== null) {
            parts.push(
              `the journey stopped: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`,
            );
          }
          if (problems.length) {
            parts.push(`${problems.length} problem(s) found:\n  - ${problems.join("\n  - ")}`);
          }
          if (run.lastPage) parts.push(`last page: ${run.lastPage}`);
          if (run.failureShot) parts.push(`screenshot: ${run.failureShot}`);
          throw new Error(`${name} (${size.label})\n${parts.join("\n")}`);
        }
      });
    }
  });
}

class JourneyRun {
  context!: BrowserContext;
  page!: Page;
  readonly audited = new Set<string>();
  readonly notes: string[] = [];
  lastPage = "";
  failureShot = "";
  private readonly problems: string[] = [];
  private readonly visited: string[] = [];
  private readonly documents: Promise<{ url: string; html: string } | null>[] = [];
  /** Every document response (4xx pages such as a refused form are fine; 5xx fail). */
  private readonly documentUrls = new Set<string>();
  private readonly consoleErrors: { text: string; source: string; page: string }[] = [];
  private serverFailed = false;

  constructor(
    readonly slug: string,
    readonly size: Size,
    readonly server: TestServer,
    readonly browser: Browser,
    readonly options: JourneyOptions,
  ) {}

  async open(): Promise<void> {
    this.context = await this.browser.newContext({
      viewport: this.size.viewport,
      isMobile: this.size.isMobile,
      hasTouch: this.size.hasTouch,
      deviceScaleFactor: 1,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      baseURL: this.server.url,
      reducedMotion: "reduce",
    });
    this.context.setDefaultNavigationTimeout(navigationTimeoutMs);
    this.context.setDefaultTimeout(actionTimeoutMs);
    this.context.on("page", (p) => this.watch(p));
    this.page = await this.context.newPage();
  }

  /** Listens to one page (the journey's, or a popup it opens). */
  private watch(page: Page): void {
    const allowed = this.options.allowConsoleErrors ?? [];
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const text = msg.text();
      if (allowed.some((re) => re.test(text))) return;
      this.consoleErrors.push({ text, source: msg.location().url, page: pathOf(page.url()) });
    });
    page.on("pageerror", (err) => {
      this.problems.push(`page error on ${pathOf(page.url())}: ${err.message}`);
    });
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.visited.push(withoutHash(frame.url()));
    });
    page.on("response", (res) => this.onResponse(res));
  }

  private onResponse(res: Response): void {
    const req = res.request();
    const status = res.status();
    const path = pathOf(res.url());
    if (status >= 500) {
      this.serverFailed = true;
      this.problems.push(`${req.method()} ${path} answered ${status}`);
    }
    if (req.resourceType() !== "document") {
      if (status >= 400) this.problems.push(`${req.resourceType()} ${path} answered ${status}`);
      return;
    }
    this.documentUrls.add(res.url());
    const type = res.headers()["content-type"] ?? "";
    if (status >= 300 && status < 400) return;
    if (!type.startsWith("text/html")) return;
    // Read the body now: it may be gone once the page has moved on.
    this.documents.push(
      res.text().then(
        (html) => ({ url: `${req.method()} ${path} (${status})`, html }),
        () => null,
      ),
    );
  }

  api(): Journey {
    return {
      page: this.page,
      context: this.context,
      size: this.size,
      server: this.server,
      url: (path) => new URL(path, this.server.url).href,
      visit: async (path) => {
        const res = await this.page.goto(path, { waitUntil: "load" });
        await this.check();
        return res;
      },
      navigate: (action) => this.navigate(action),
      // A phone user taps (touch events, then the click the browser makes of them).
      follow: (target) => this.navigate(() => (this.size.hasTouch ? target.tap() : target.click())),
      check: () => this.check(),
      screenshot: (label) => this.screenshot(label),
      note: (text) => {
        this.notes.push(text);
      },
    };
  }

  private async navigate(action: () => Promise<unknown>): Promise<void> {
    const loaded = this.page.waitForEvent("load", { timeout: navigationTimeoutMs });
    loaded.catch(() => {}); // if the action itself fails, that is the error to report
    await action();
    await loaded;
    await this.check();
  }

  async check(): Promise<void> {
    const t0 = performance.now();
    const page = this.page;
    await page.waitForLoadState("load");
    const url = page.url();
    const path = pathOf(url);
    this.lastPage = path;
    if (this.size.name === "phone") {
      const overflow = await horizontalOverflow(page, this.size.viewport.width);
      if (overflow) {
        this.problems.push(
          `horizontal scroll on ${path} at ${this.size.label}: page is ${overflow.scrollWidth}px wide, viewport ${overflow.clientWidth}px, screen ${this.size.viewport.width}px; widest: ${overflow.culprits.join(", ") || "-"}`,
        );
      }
    }
    if (isPublic(path)) {
      const weight = await pageWeight(page);
      if (weight.total > publicPageWeightLimit) {
        this.problems.push(
          `${path} weighs ${Math.round(weight.total / 1024)} KB, over ${publicPageWeightLimit / 1024} KB: ${weight.parts.join(", ")}`,
        );
      }
    }
    const violations = await runAxe(page);
    for (const v of violations) {
      if (failingImpacts.has(v.impact ?? "")) {
        this.problems.push(`on ${path}: ${formatViolation(v)}`);
      } else {
        this.notes.push(`axe ${v.impact} ${v.id} on ${path.split("?")[0]}`);
      }
    }
    this.audited.add(withoutHash(url));
    if (process.env.JOURNEY_DEBUG) {
      console.log(
        `  checked ${path} (${this.size.name}) in ${Math.round(performance.now() - t0)} ms`,
      );
    }
  }

  async screenshot(label?: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const file = join(
      screenshotDir,
      `${this.slug}-${this.size.name}${label ? `-${slugOf(label)}` : ""}.png`,
    );
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Collects what remains to check, closes the context, and returns every problem found. */
  async finish(failed: boolean): Promise<string[]> {
    if (!this.context) return this.problems;
    if (failed && this.page) {
      this.failureShot = await this.screenshot("failure").catch(() => "");
    }
    const unchecked = [...new Set(this.visited)].filter(
      (u) => u !== "about:blank" && !this.audited.has(u),
    );
    if (unchecked.length && !failed) {
      this.problems.push(
        `pages visited without a check (use j.visit / j.follow / j.navigate): ${unchecked.map(pathOf).join(", ")}`,
      );
    }
    for (const e of this.consoleErrors) {
      // Chromium logs every 4xx document, e.g. a form answered 400 with its errors shown.
      // Documents are judged by their status above; any other failed load is a problem.
      if (/^Failed to load resource/.test(e.text) && this.documentUrls.has(e.source)) continue;
      this.problems.push(
        `console error on ${e.page}: ${e.text}${e.source ? ` (${pathOf(e.source)})` : ""}`,
      );
    }
    for (const doc of await Promise.all(this.documents)) {
      if (!doc) continue;
      for (const m of await validateHtml(doc.html, doc.url)) {
        this.problems.push(`on ${doc.url}: ${formatHtmlError(m, doc.html)}`);
      }
    }
    if (this.serverFailed) {
      const lines = this.server.output().trimEnd().split("\n").slice(-8);
      this.problems.push(`server output (last lines):\n      ${lines.join("\n      ")}`);
    }
    await this.context.close().catch(() => {});
    return this.problems;
  }
}

function summaryLine(name: string, outcomes: SizeOutcome[], notes: Set<string>): string {
  const sizesText = outcomes
    .map(
      (o) =>
        `${o.size.name} ${o.ok ? "passed" : `FAILED (${o.problems} problems)`} ${o.pages} pages ${(o.ms / 1000).toFixed(1)} s`,
    )
    .join(" · ");
  const noteText = notes.size ? `\n    notes: ${[...notes].join("; ")}` : "";
  return `journey ▸ ${name}: ${sizesText || "did not run"}${noteText}`;
}

/** "a citizen browses the portal" → "a-citizen-browses-the-portal" (ASCII only). */
function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "journey"
  );
}

/** Public pages (not the back office or a staff member's account pages). */
function isPublic(path: string): boolean {
  return !/^\/(admin|account)(\/|$|\?)/.test(path);
}

function withoutHash(url: string): string {
  const i = url.indexOf("#");
  return i < 0 ? url : url.slice(0, i);
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol.startsWith("http") ? `${u.pathname}${u.search}` : url;
  } catch {
    return url;
  }
}
