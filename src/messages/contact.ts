// The asker's name and contact on their way into and out of the database: encrypted at rest,
// masked for lists, in clear only through revealContact (audited). Never public.
import {
  decryptOptional,
  encryptOptional,
  maskEmail,
  maskName,
  maskPhone,
  type PersonalDataKey,
} from "../platform/crypto";
import { hmacHex } from "../platform/tokens";
import { normaliseQueryCode } from "../requests/applicant-data";
import type { MessageRow } from "./store";

export function contactColumns(
  key: PersonalDataKey,
  input: { name?: string; phone?: string; email?: string },
) {
  return {
    name_enc: encryptOptional(key, input.name),
    name_masked: input.name ? maskName(input.name) : null,
    phone_enc: encryptOptional(key, input.phone),
    phone_masked: input.phone ? maskPhone(input.phone) : null,
    email_enc: encryptOptional(key, input.email),
    email_masked: input.email ? maskEmail(input.email) : null,
  };
}

export interface Contact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

export function maskedContactOf(row: MessageRow): Contact {
  return { name: row.name_masked, phone: row.phone_masked, email: row.email_masked };
}

export function decryptContact(key: PersonalDataKey, row: MessageRow): Contact {
  return {
    name: decryptOptional(key, row.name_enc),
    phone: decryptOptional(key, row.phone_enc),
    email: decryptOptional(key, row.email_enc),
  };
}

/** Only a keyed hash of the 查询码 is stored (as for applications). */
export function messageCodeHash(secret: string, messageNo: string, code: string): string {
  return hmacHex(secret, `message-query-code:v1:${messageNo}:${normaliseQueryCode(code)}`);
}
