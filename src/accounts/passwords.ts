import { randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

// argon2id (Algorithm.Argon2id = 2; a const enum, so spelled as its value) with the
// OWASP-recommended minimum (19 MiB, 2 passes).
const argon2id = 2 as Algorithm;
const options = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("gongkai-dummy-password-for-timing");
  return dummyHash;
}

/** At least 10 characters from at least 3 of: lower case, upper case, digits, symbols. */
export function checkPasswordPolicy(password: string): string | null {
  if (password.length < 10) return "密码至少10位。";
  if (password.length > 200) return "密码不能超过200位。";
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password));
  if (classes.length < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类。";
  return null;
}

/**
 * A random initial password for an account someone else sets up or resets: 16 random base64url
 * characters between fixed upper, lower, digit and symbol characters, so it always meets the
 * policy. Shown once; the person must change it at first login.
 */
export function generateInitialPassword(): string {
  return `Gk-${randomBytes(12).toString("base64url")}7a`;
}
