// Test-only helpers for the back-office integration tests (not imported by the product).
import assert from "node:assert/strict";

/** A tiny valid PDF, as a scanner or word processor would write one. */
export const tinyPdf = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

/** The back-office form of a notice, as a browser sends it. */
export function noticeForm(fields: Record<string, string>, files: [string, Uint8Array][] = []) {
  const form = new FormData();
  const defaults: Record<string, string> = {
    title: "关于开展2025年食品安全抽检工作的通知",
    docNo: "渑市监文〔2025〕3号",
    publisher: "县市场监督管理局",
    formedOn: "2025-02-20",
    topic: "市场监管",
    genre: "notice",
    openness: "execution",
    validity: "inForce",
    keywords: "抽检,食品",
    summary: "",
    bodyHtml: "各乡镇监管所:\n现将有关事项通知如下,请遵照执行。",
  };
  for (const [k, v] of Object.entries({ ...defaults, ...fields })) form.set(k, v);
  for (const [name, bytes] of files) form.append("files", new Blob([bytes]), name);
  return form;
}

export function recordIdOf(res: Response): number {
  const m = /^\/admin\/records\/(\d+)\?/.exec(res.headers.get("location") ?? "");
  assert.ok(
    m,
    `expected a redirect to the record page, got ${res.status} ${res.headers.get("location")}`,
  );
  return Number(m[1]);
}

/** The 保密审查 answers of a record fit for 主动公开, as the approve form posts them. */
export const reviewAnswers = {
  isClassified: "no",
  involvesPrivacyOrTradeSecret: "no",
  disclosureAttribute: "proactive",
  legalReason: "",
};
