// The random draw (随机抽取) of participants, as a pure, documented function that anyone can redo
// from the published seed and the published list of 报名编号 (verify-draw.mjs does the same in
// plain Node). 《重大行政决策程序暂行条例》第二十条: 听证参加人 are chosen by a fair, public rule.
import { createHash } from "node:crypto";

/** A seed is 4–64 letters, digits, dot, underscore or hyphen: easy to copy, no spaces. */
export const SEED_PATTERN = /^[0-9A-Za-z._-]{4,64}$/;

export function seedProblem(seed: string): string | null {
  return SEED_PATTERN.test(seed) ? null : "抽签种子应为4至64位字母、数字或 . _ -(不含空格)";
}

/** SHA-256 (hex, lowercase) of `${seed}:${signupNo}`, the sort key of one sign-up. */
export function drawKey(seed: string, signupNo: string): string {
  return createHash("sha256").update(`${seed}:${signupNo}`, "utf8").digest("hex");
}

export interface DrawEntry {
  signupNo: string;
  key: string;
}

/**
 * Every sign-up in draw order: by drawKey ascending (hex strings compare like the numbers they
 * are), ties — practically impossible — broken by the 报名编号.
 */
export function drawOrder(seed: string, signupNos: readonly string[]): DrawEntry[] {
  return signupNos
    .map((signupNo) => ({ signupNo, key: drawKey(seed, signupNo) }))
    .sort((a, b) =>
      a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : a.signupNo < b.signupNo
            ? -1
            : a.signupNo > b.signupNo
              ? 1
              : 0,
    );
}

/** The selected 报名编号: the first `quota` of the draw order (everyone when fewer signed up). */
export function selectByDraw(seed: string, signupNos: readonly string[], quota: number): string[] {
  return drawOrder(seed, signupNos)
    .slice(0, Math.max(0, quota))
    .map((e) => e.signupNo);
}

/** The rule in plain Chinese, shown on the public page next to the seed and the list. */
export const drawRuleText =
  "对每个报名编号,计算“种子:报名编号”(种子与报名编号之间用英文冒号连接,不含引号和空格)的 SHA-256 值(64位十六进制小写);按该值从小到大排列全部报名编号,排在前面、与名额数相同的报名编号入选。";
