// An offline human check for public forms (no third-party captcha, no image): a simple Chinese
// arithmetic question answered in Arabic digits, a signed time-limited token in a hidden field,
// a honeypot field people never see, and a minimum fill time. Each token is accepted once.
import { randomBytes, randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { hmacHex, safeEqual, sha256Hex } from "./tokens";

/** Form field names: the signed token, the visitor's answer, and the honeypot (must stay empty). */
export const humanCheckFields = {
  token: "hc_token",
  answer: "hc_answer",
  honeypot: "hc_website",
} as const;

/** A person needs at least this long to fill a form; bots post at once. */
export const HUMAN_CHECK_MIN_MS = 3_000;
/** A token is good for two hours, long enough for a long form. */
export const HUMAN_CHECK_TTL_MS = 2 * 60 * 60 * 1000;

export interface HumanChallenge {
  /** e.g. "七加五等于几?请填写阿拉伯数字" */
  question: string;
  token: string;
}

export interface HumanCheckInput {
  token?: unknown;
  answer?: unknown;
  honeypot?: unknown;
}

export type HumanCheckFailure =
  | "missing"
  | "invalid"
  | "expired"
  | "too_fast"
  | "honeypot"
  | "wrong_answer"
  | "reused";

export type HumanCheckResult =
  | { ok: true; tokenHash: string; issuedAt: Date }
  | { ok: false; reason: HumanCheckFailure; message: string };

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const messages: Record<HumanCheckFailure, string> = {
  missing: "请回答验证问题",
  invalid: "验证问题已失效,请回答新的问题",
  expired: "页面停留时间过长,验证问题已失效,请回答新的问题",
  too_fast: "提交过快,请确认填写内容后再提交",
  honeypot: "提交未通过验证,请刷新页面后重新填写",
  wrong_answer: "验证问题的答案不正确,请重新计算后填写阿拉伯数字",
  reused: "该验证问题已使用过,请回答新的问题",
};

function signature(secret: string, issuedMs: number, nonce: string, answer: string): string {
  return hmacHex(secret, `human-check:v1:${issuedMs}:${nonce}:${answer}`);
}

/**
 * A new question and its token. The answer is not in the token: only its HMAC, so the token
 * verifies only together with the right answer.
 */
export function createHumanChallenge(
  secret: string,
  now: Date,
  pick: (maxExclusive: number) => number = randomInt,
): HumanChallenge {
  const a = pick(9) + 1;
  const b = pick(9) + 1;
  const add = pick(2) === 0 || a === b;
  const [x, y] = add ? [a, b] : [Math.max(a, b), Math.min(a, b)];
  const answer = add ? x + y : x - y;
  const question = `${DIGITS[x]}${add ? "加" : "减"}${DIGITS[y]}等于几?请填写阿拉伯数字`;
  const issuedMs = now.getTime();
  const nonce = randomBytes(12).toString("base64url");
  return {
    question,
    token: `${issuedMs}.${nonce}.${signature(secret, issuedMs, nonce, String(answer))}`,
  };
}

/** Full-width digits to ASCII, spaces removed, leading zeros dropped. */
function normaliseAnswer(value: string): string {
  const ascii = value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const trimmed = ascii.replace(/\s+/g, "");
  return /^\d{1,3}$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
}

function fail(reason: HumanCheckFailure): HumanCheckResult {
  return { ok: false, reason, message: messages[reason] };
}

/** Checks the submitted fields without recording anything (pure apart from the clock passed in). */
export function verifyHumanCheck(
  secret: string,
  input: HumanCheckInput,
  now: Date,
): HumanCheckResult {
  if (typeof input.honeypot === "string" && input.honeypot.trim() !== "") return fail("honeypot");
  const token = typeof input.token === "string" ? input.token : "";
  const answer = typeof input.answer === "string" ? normaliseAnswer(input.answer) : "";
  const match = /^(\d{13})\.([A-Za-z0-9_-]{16})\.([0-9a-f]{64})$/.exec(token);
  if (!match) return fail(token ? "invalid" : "missing");
  const issuedMs = Number(match[1]);
  const age = now.getTime() - issuedMs;
  if (age > HUMAN_CHECK_TTL_MS || age < -60_000) return fail("expired");
  if (!answer) return fail("missing");
  if (!safeEqual(signature(secret, issuedMs, match[2]!, answer), match[3]!)) {
    return fail("wrong_answer");
  }
  if (age < HUMAN_CHECK_MIN_MS) return fail("too_fast");
  return { ok: true, tokenHash: sha256Hex(token), issuedAt: new Date(issuedMs) };
}

/**
 * Verifies the fields and marks the token used, so one solved question admits one submission.
 * Used tokens are kept in rate_limit_hits (key `human-check:<sha256>`), pruned after a day.
 */
export async function consumeHumanCheck(
  db: Kysely<DB> | Transaction<DB>,
  secret: string,
  input: HumanCheckInput,
  now: Date,
): Promise<HumanCheckResult> {
  const result = verifyHumanCheck(secret, input, now);
  if (!result.ok) return result;
  const inserted = await db
    .insertInto("rate_limit_hits")
    .values({
      key: `human-check:${result.tokenHash}`,
      window_start: result.issuedAt.toISOString(),
      count: 1,
    })
    .onConflict((oc) => oc.columns(["key", "window_start"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted ? result : fail("reused");
}
