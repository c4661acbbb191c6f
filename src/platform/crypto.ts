// Encryption of personal data at rest (ID numbers, phone numbers, addresses, names of natural
// persons) and the masks shown in lists. AES-256-GCM with a key derived from GONGKAI_SECRET, so a
// copy of the database alone reveals nothing; changing the secret makes stored values unreadable.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_INFO = "gongkai personal data v1";

/** A 32-byte AES key. */
export type PersonalDataKey = Buffer;

const keyCache = new Map<string, PersonalDataKey>();

/** The personal-data key derived from the site secret with HKDF-SHA256 (info "gongkai personal data v1"). */
export function personalDataKey(secret: string): PersonalDataKey {
  if (secret.length < 16) throw new RangeError("secret too short to derive an encryption key");
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), HKDF_INFO, 32));
    keyCache.set(secret, key);
  }
  return key;
}

/** Encrypts text as "v1:" + base64(iv | tag | ciphertext); a fresh random IV every time. */
export function encryptPersonal(key: PersonalDataKey, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Decrypts a value from encryptPersonal; throws when it was altered or another key made it. */
export function decryptPersonal(key: PersonalDataKey, value: string): string {
  if (!value.startsWith(PREFIX)) throw new Error("not an encrypted personal-data value");
  const raw = Buffer.from(value.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("encrypted value is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8");
}

/** Encrypts bytes (e.g. an ID scan) as iv | tag | ciphertext with a fresh random IV. */
export function encryptBytes(key: PersonalDataKey, bytes: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Decrypts bytes from encryptBytes; throws when they were altered or another key made them. */
export function decryptBytes(key: PersonalDataKey, raw: Uint8Array): Buffer {
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("encrypted file is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** encryptPersonal for optional values: null and "" stay null. */
export function encryptOptional(key: PersonalDataKey, text: string | null | undefined) {
  return text ? encryptPersonal(key, text) : null;
}

/** decryptPersonal for optional values. */
export function decryptOptional(key: PersonalDataKey, value: string | null): string | null {
  return value ? decryptPersonal(key, value) : null;
}

function stars(n: number): string {
  return "*".repeat(Math.max(0, n));
}

/** "410122199001011234" → "4101**********1234"; shorter numbers keep their first and last two characters. */
export function maskIdNumber(id: string): string {
  const chars = [...id.trim()];
  if (chars.length >= 10)
    return chars.slice(0, 4).join("") + stars(chars.length - 8) + chars.slice(-4).join("");
  if (chars.length >= 5) return chars[0] + stars(chars.length - 3) + chars.slice(-2).join("");
  return stars(chars.length);
}

/** "13812345678" → "138****5678"; landlines keep their first three and last four digits. */
export function maskPhone(phone: string): string {
  const chars = [...phone.trim()];
  if (chars.length >= 8)
    return chars.slice(0, 3).join("") + stars(chars.length - 7) + chars.slice(-4).join("");
  return stars(chars.length);
}

/** "张三丰" → "张*丰", "张三" → "张*", "欧阳娜娜" → "欧**娜". */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return stars(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + stars(chars.length - 2) + chars[chars.length - 1];
}

/** "zhang@example.com" → "z***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return stars(3);
  return `${[...email][0]}***${email.slice(at)}`;
}
