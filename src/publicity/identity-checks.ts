// Pure checks on the identity data in a 双公示 entry: 居民身份证号码 that must never be published,
// the 统一社会信用代码 check digit, and how a natural person's name is masked. No I/O.
import { maskName } from "../platform/crypto";

// GB 11643-1999 公民身份号码: weights of the first 17 digits and the check character by sum mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] ?? 0);
}

/** The check character (0–9 or X) of the first 17 digits of an 18-digit ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11]!;
}

/**
 * Whether text is a 居民身份证号码: 18 characters with a valid birth date (1900–2099) and the
 * GB 11643 check character, or the old 15-digit form (birth date 19YYMMDD, no check character).
 */
export function isIdNumber(text: string): boolean {
  const t = text.toUpperCase();
  if (/^\d{17}[\dX]$/.test(t)) {
    const year = Number(t.slice(6, 10));
    if (year < 1900 || year > 2099) return false;
    if (!isRealDate(year, Number(t.slice(10, 12)), Number(t.slice(12, 14)))) return false;
    return idCheckChar(t.slice(0, 17)) === t[17];
  }
  if (/^\d{15}$/.test(t)) {
    // The first digit is the region's 大区 (1–8); the birth date is YYMMDD in the 1900s.
    if (t[0] === "0" || t[0] === "9") return false;
    return isRealDate(
      1900 + Number(t.slice(6, 8)),
      Number(t.slice(8, 10)),
      Number(t.slice(10, 12)),
    );
  }
  return false;
}

// A run of 15 or 18 characters not touching other letters or digits (so a number inside a longer
// 许可证编号 such as JY14101220000123 is not taken for an ID number). Full-width digits are
// folded first by NFKC.
const CANDIDATE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** The first 居民身份证号码 written anywhere in the text, or null. */
export function findIdNumber(text: string): string | null {
  for (const match of text.normalize("NFKC").matchAll(CANDIDATE)) {
    if (isIdNumber(match[1]!)) return match[1]!;
  }
  return null;
}

// GB 32100-2015 统一社会信用代码: 31 characters (no I, O, Z, S, V), weights 3^i mod 31.
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th (check) character of the first 17 characters of a credit code, or null if a character is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARS.indexOf(first17[i] ?? "");
    if (value < 0) return null;
    sum += value * (CREDIT_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Why a 统一社会信用代码 is not valid (Chinese), or null when it is. GB 32100-2015 第4、5章 */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `应为18位,实际为${[...code].length}位`;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return "只能由数字和大写字母组成(不使用I、O、Z、S、V)";
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "第3至8位应为行政区划码(数字)";
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return "校验码不正确,请核对";
  return null;
}

export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** The credit code as people type it: full-width folded, spaces dropped, upper case. */
export function normaliseCreditCode(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** organisation = 法人及非法人组织; natural_person = 自然人 or 个体工商户经营者. */
export type SubjectType = "organisation" | "natural_person";

const SUBJECT_TYPE_WORDS: Record<string, SubjectType> = {
  法人: "organisation",
  法人及其他组织: "organisation",
  法人及非法人组织: "organisation",
  法人和其他组织: "organisation",
  其他组织: "organisation",
  非法人组织: "organisation",
  企业: "organisation",
  单位: "organisation",
  organisation: "organisation",
  自然人: "natural_person",
  个人: "natural_person",
  个体工商户: "natural_person",
  个体户: "natural_person",
  natural_person: "natural_person",
};

/** 当事人类型 text → type; "" → undefined (not given); unknown → null. */
export function parseSubjectType(text: string): SubjectType | undefined | null {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "") return undefined;
  return SUBJECT_TYPE_WORDS[t] ?? null;
}

/**
 * Who the subject is: as stated, else a natural person exactly when there is no credit code (a
 * 法人 or 非法人组织 always has one; a private person has none).
 */
export function subjectTypeOf(
  stated: SubjectType | undefined,
  creditCode: string | null,
): SubjectType {
  return stated ?? (creditCode ? "organisation" : "natural_person");
}

/**
 * A natural person's name as published: surname kept, the rest starred except a last character
 * (张*丰, 李*), as 《市场监督管理行政处罚信息公示规定》 requires for 自然人 (条号 unverified).
 */
export function publicPersonName(name: string): string {
  return maskName(name);
}

/**
 * A public text with every occurrence of the person's clear name replaced by the mask, so a name
 * repeated in 违法事实 or 许可内容 does not undo the masking. Names shorter than two characters are
 * left alone (one character would mask unrelated words).
 */
export function maskNameIn(text: string, name: string): string {
  const clear = name.trim();
  if ([...clear].length < 2) return text;
  return text.split(clear).join(publicPersonName(clear));
}
