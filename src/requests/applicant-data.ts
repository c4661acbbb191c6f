// The applicant's personal data on its way into and out of the database (条例 and 个人信息保护法:
// encrypted at rest, masked in lists, in full only for the 依申请公开经办人), and the 查询码.
import { randomInt } from "node:crypto";
import {
  decryptOptional,
  decryptPersonal,
  encryptOptional,
  encryptPersonal,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  type PersonalDataKey,
  personalDataKey,
} from "../platform/crypto";
import { hmacHex } from "../platform/tokens";
import type { ApplicantKind, IdType } from "./labels";
import type { ApplicationInput } from "./schema";
import type { ApplicationRow } from "./store";

/** The secrets the service needs: the personal-data key and the HMAC secret for 查询码. */
export interface ApplicationKeys {
  personal: PersonalDataKey;
  secret: string;
}

/** Keys derived from GONGKAI_SECRET (config.secret). */
export function applicationKeys(secret: string): ApplicationKeys {
  return { personal: personalDataKey(secret), secret };
}

// No 0/O, 1/I/L: a code read aloud over the phone or copied from paper stays unambiguous.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

/** A new 查询码, 8 characters (about 8.5 × 10¹¹ possibilities; lookups are rate-limited). */
export function newQueryCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** "ABCD-EFGH": how the code is shown. */
export function formatQueryCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What people type back: case, spaces and hyphens do not matter. */
export function normaliseQueryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

/** Only a keyed hash of the code is stored, so a copy of the database cannot be used to guess it. */
export function queryCodeHash(keys: ApplicationKeys, applicationNo: string, code: string): string {
  return hmacHex(keys.secret, `query-code:v1:${applicationNo}:${normaliseQueryCode(code)}`);
}

type Applicant = ApplicationInput["applicant"];

/** The applicant's columns: encrypted values and their masks. */
export function applicantColumns(keys: ApplicationKeys, applicant: Applicant) {
  const key = keys.personal;
  const isPerson = applicant.kind === "natural_person";
  const idDocument =
    isPerson && applicant.idNumber
      ? JSON.stringify({ type: applicant.idType ?? "other", number: applicant.idNumber })
      : null;
  return {
    applicant_kind: applicant.kind,
    applicant_name_enc: encryptPersonal(key, applicant.name),
    applicant_display_name: isPerson ? maskName(applicant.name) : applicant.name,
    id_document_enc: encryptOptional(key, idDocument),
    id_number_masked: isPerson && applicant.idNumber ? maskIdNumber(applicant.idNumber) : null,
    phone_enc: encryptOptional(key, applicant.phone),
    phone_masked: applicant.phone ? maskPhone(applicant.phone) : null,
    email_enc: encryptOptional(key, applicant.email),
    email_masked: applicant.email ? maskEmail(applicant.email) : null,
    address_enc: encryptOptional(key, applicant.address),
    org_credit_code: isPerson ? null : (applicant.creditCode ?? null),
    legal_representative_enc: isPerson ? null : encryptOptional(key, applicant.legalRepresentative),
    contact_person_enc: isPerson ? null : encryptOptional(key, applicant.contactPerson),
  };
}

/** The applicant as the case page shows them to everyone: masked. */
export interface MaskedApplicant {
  kind: ApplicantKind;
  displayName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  creditCode: string | null;
  hasAddress: boolean;
  hasIdScan: boolean;
}

export function maskedApplicantOf(row: ApplicationRow): MaskedApplicant {
  return {
    kind: row.applicant_kind as ApplicantKind,
    displayName: row.applicant_display_name,
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    email: row.email_masked,
    creditCode: row.org_credit_code,
    hasAddress: row.address_enc !== null,
    hasIdScan: row.id_scan_file_id !== null,
  };
}

/** The applicant in full: only through revealApplicant (audited), and for letters and mail. */
export interface ApplicantDetails {
  kind: ApplicantKind;
  name: string;
  idType: IdType | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
}

/** Decrypts the applicant's columns. Callers outside this folder go through revealApplicant. */
export function decryptApplicant(keys: ApplicationKeys, row: ApplicationRow): ApplicantDetails {
  const key = keys.personal;
  const idDocument = decryptOptional(key, row.id_document_enc);
  const id = idDocument ? (JSON.parse(idDocument) as { type: IdType; number: string }) : null;
  return {
    kind: row.applicant_kind as ApplicantKind,
    name: decryptPersonal(key, row.applicant_name_enc),
    idType: id?.type ?? null,
    idNumber: id?.number ?? null,
    phone: decryptOptional(key, row.phone_enc),
    email: decryptOptional(key, row.email_enc),
    address: decryptOptional(key, row.address_enc),
    creditCode: row.org_credit_code,
    legalRepresentative: decryptOptional(key, row.legal_representative_enc),
    contactPerson: decryptOptional(key, row.contact_person_enc),
  };
}
