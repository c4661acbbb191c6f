// Check digits of Chinese identity numbers, so a typo is caught on the form rather than in a
// 补正 notice weeks later.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** 居民身份证号码 (GB 11643-1999): 18 characters, a real birth date, ISO 7064 MOD 11-2 check digit. */
export function residentIdProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return "居民身份证号码应为18位,最后一位是数字或X";
  const birth = value.slice(6, 14);
  const [y, m, d] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6))];
  const date = new Date(Date.UTC(y, m - 1, d));
  const realDate =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!realDate || y < 1900) return "居民身份证号码中的出生日期不正确,请核对";
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17] ? null : "居民身份证号码校验位不正确,请核对";
}

const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters of the code set and a MOD 31 check character. */
export function creditCodeProblem(value: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) {
    return "统一社会信用代码应为18位数字或大写字母(不含I、O、Z、S、V)";
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(value[i]!) * CREDIT_WEIGHTS[i]!;
  const check = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  return check === value[17] ? null : "统一社会信用代码校验位不正确,请核对";
}

/** Mainland mobile (11 digits) or a landline with area code, e.g. 0371-12345678. */
export function phoneProblem(value: string): string | null {
  if (/^1[3-9]\d{9}$/.test(value)) return null;
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value)) return null;
  return "联系电话应为11位手机号码,或带区号的固定电话(如 0371-12345678)";
}

/** A plain e-mail address check (one @, a dot in the domain, no spaces). */
export function emailProblem(value: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254
    ? null
    : "电子邮箱格式不正确,例如 name@example.com";
}
