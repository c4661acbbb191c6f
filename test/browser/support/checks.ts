// The checks every page of a journey passes: axe-core (no serious or critical violation),
// html-validate (no error), and no horizontal scroll on a phone.
// In-page code is passed to page.evaluate as strings: tsx compiles functions with helpers
// (`__name`) that do not exist in the page, and the project has no DOM types.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { HtmlValidate, type Message } from "html-validate";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Impacts that fail a journey (issue 8: zero serious or critical violations). */
export const failingImpacts = new Set(["serious", "critical"]);

/**
 * Runs axe-core on the page as it is now. The source is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy (no inline script) does not block, so the
 * journey keeps testing the real CSP.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axeSource);
  return (await page.evaluate(`
    axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(" "),
          html: n.html,
          summary: n.failureSummary || "",
        })),
      })),
    )
  `)) as AxeViolation[];
}

/** One violation, readable in a test failure: rule, impact, help and the first few elements. */
export function formatViolation(v: AxeViolation, maxNodes = 4): string {
  const lines = [`axe ${v.impact ?? "?"} ${v.id}: ${v.help} (${v.helpUrl})`];
  for (const n of v.nodes.slice(0, maxNodes)) {
    lines.push(`    at ${n.target}  ${clip(n.html, 160)}`);
    for (const s of n.summary.split("\n").filter(Boolean).slice(0, 3)) {
      lines.push(`      ${clip(s.trim(), 200)}`);
    }
  }
  if (v.nodes.length > maxNodes) lines.push(`    … and ${v.nodes.length - maxNodes} more`);
  return lines.join("\n");
}

/**
 * html-validate's recommended rules, less the purely stylistic ones that hono/jsx's output
 * (`<meta …/>`, `selected=""`, lower-case doctype) and Chinese page titles would trip.
 * Everything about validity, structure, ARIA and WCAG stays on, including no-inline-style
 * (the CSP blocks inline styles anyway).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    "void-style": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "doctype-style": "off",
    "no-trailing-whitespace": "off",
    // `<label for="x">…<select id="x">` is valid, and the explicit `for` helps speech-input
    // software that ignores implicit labels.
    "no-redundant-for": "off",
    // A group of checkboxes sharing one name is how HTML submits a multiple choice.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
    // An SEO length hint (70 characters); record titles are as long as the documents' own.
    "long-title": "off",
  },
});

const validated = new Map<string, Message[]>();

/** html-validate errors (severity 2) in a served document; results are cached by content. */
export async function validateHtml(html: string, url: string): Promise<Message[]> {
  const key = createHash("sha256").update(html).digest("hex");
  let errors = validated.get(key);
  if (!errors) {
    const report = await validator.validateString(html, url);
    errors = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    validated.set(key, errors);
  }
  return errors;
}

/** One html-validate error with the source around it (hono renders a document on one line). */
export function formatHtmlError(m: Message, html: string): string {
  const from = Math.max(0, m.offset - 60);
  const excerpt = html.slice(from, m.offset + Math.max(m.size, 1) + 60).replace(/\s+/g, " ");
  return `html ${m.ruleId}: ${m.message}${m.selector ? ` at ${m.selector}` : ""}\n      …${excerpt}…`;
}

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The elements reaching furthest past the right edge (what to fix). */
  culprits: string[];
}

/**
 * Horizontal scroll of the whole page, with the elements that cause it; null when none.
 * On a phone a page without `width=device-width` is laid out 980 px wide and shrunk: that
 * counts too (clientWidth wider than the screen).
 */
export async function horizontalOverflow(
  page: Page,
  screenWidth: number,
): Promise<Overflow | null> {
  return (await page.evaluate(`(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth && root.clientWidth <= ${screenWidth}) return null;
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += "#" + el.id;
      if (el.classList.length) s += "." + [...el.classList].join(".");
      return s;
    };
    const culprits = [...document.body.querySelectorAll("*")]
      .map((el) => ({ el, right: el.getBoundingClientRect().right + window.scrollX }))
      .filter((x) => x.right > root.clientWidth + 0.5)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map((x) => describe(x.el) + " (right edge " + Math.round(x.right) + "px)");
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  })()`)) as Overflow | null;
}

/** Issue 8: a public page's HTML + CSS + scripts stay under 60 KB, images not counted. */
export const publicPageWeightLimit = 60 * 1024;

/** Bytes of the document, its stylesheets and scripts as the page loaded them (uncompressed). */
export async function pageWeight(page: Page): Promise<{ total: number; parts: string[] }> {
  return (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const parts = [["document", nav ? nav.decodedBodySize : 0]];
    for (const r of performance.getEntriesByType("resource")) {
      if (r.initiatorType === "link" || r.initiatorType === "script" || r.initiatorType === "css") {
        if (/\\.(css|js)(\\?|$)/.test(r.name)) parts.push([new URL(r.name).pathname, r.decodedBodySize]);
      }
    }
    return {
      total: parts.reduce((sum, p) => sum + p[1], 0),
      parts: parts.map((p) => p[0] + " " + Math.round(p[1] / 102.4) / 10 + " KB"),
    };
  })()`)) as { total: number; parts: string[] };
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}
