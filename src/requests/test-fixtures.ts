// Factories for application tests: valid inputs with recognisable personal data, so a test can
// search any response or row for it.
import type { Browser } from "../../test/support/app";

/** Personal data of the test applicant; none of it may ever appear outside the full view. */
export const PERSON = {
  name: "张三丰",
  idNumber: "410122198512041233",
  phone: "13812345678",
  email: "zhangsanfeng@example.com",
  address: "河南省郑州市金水区花园路88号",
} as const;

/** The API body of a natural person's application. */
export function buildApplicationInput(overrides: Record<string, unknown> = {}) {
  return {
    applicant: {
      kind: "natural_person",
      name: PERSON.name,
      idType: "resident_id",
      idNumber: PERSON.idNumber,
      phone: PERSON.phone,
      email: PERSON.email,
      address: PERSON.address,
    },
    requestedInfo: { name: "2024年食品安全监督抽检计划", description: "2024年度全县抽检计划全文" },
    deliveryForm: "paper",
    deliveryRoute: "post",
    ...overrides,
  };
}

/** The public form's fields for the same natural person. */
export function personFormFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    applicantType: "natural_person",
    personName: PERSON.name,
    personIdType: "resident_id",
    personIdNumber: PERSON.idNumber,
    personPhone: PERSON.phone,
    personEmail: PERSON.email,
    personAddress: PERSON.address,
    infoName: "2024年食品安全监督抽检计划",
    deliveryForm: "paper",
    deliveryRoute: "post",
    ...overrides,
  };
}

const NUMERALS = "零一二三四五六七八九十";

/** Reads the human-check question off a form page and returns the fields a person would send. */
export function solveHumanCheck(html: string): Record<string, string> {
  const question = /([零一二三四五六七八九十])(加|减)([零一二三四五六七八九十])等于几/.exec(html);
  const token = /name="hc_token" value="([^"]+)"/.exec(html);
  if (!question || !token) throw new Error("no human check on the page");
  const a = NUMERALS.indexOf(question[1]!);
  const b = NUMERALS.indexOf(question[3]!);
  return { hc_token: token[1]!, hc_answer: String(question[2] === "加" ? a + b : a - b) };
}

/**
 * Files the public HTML form as a citizen would: load it, wait, answer the question, submit, and
 * read number and code from the page shown once.
 */
export async function fileOnline(
  browser: Browser,
  advance: (ms: number) => void,
  fields: Record<string, string> = personFormFields(),
): Promise<{ number: string; code: string; html: string }> {
  const form = await (await browser.get("/applications/new")).text();
  advance(5000);
  const res = await browser.post("/applications/new", { ...fields, ...solveHumanCheck(form) });
  if (res.status !== 303) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  const html = await (await browser.get(res.headers.get("location")!)).text();
  const number = /YSQ-\d{4}-\d{5}/.exec(html)?.[0];
  const code = /查询码<\/dt><dd><strong>([A-Z0-9-]+)<\/strong>/.exec(html)?.[1];
  if (!number || !code) throw new Error(`no number or code on the page: ${html}`);
  return { number, code, html };
}
