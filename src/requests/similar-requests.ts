// 条例第四十四条: when several applicants ask the same bureau for the same information and it can be
// disclosed, it may be published proactively. This finds the earlier cases that asked for the same
// information (same 文号, or the same name once spacing and punctuation are ignored) and got it
// (予以公开 or 部分公开), so the case page can suggest drafting a record.
import type { IsoDate } from "../calendar/rules";
import type { Db } from "./store";

const DISCLOSED = ["results.disclosed", "results.partially_disclosed"];

/** Names compared loosely: width, case, spaces, quotes, book-title marks and punctuation ignored. */
export function normaliseRequestedName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s《》〈〉“”"'‘’「」『』,。、;:!?()[\]【】〔〕{}.,;:!?()-]/g, "");
}

/** 文号 compared loosely: 〔2024〕, [2024], (2024) and 【2024】 are the same. */
export function normaliseDocNo(docNo: string): string {
  return docNo
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[〔【[(]/g, "(")
    .replace(/[〕】\])]/g, ")");
}

export interface SimilarApplication {
  id: number;
  applicationNo: string;
  receivedOn: IsoDate | null;
  resultKey: string;
}

export interface SimilarDisclosure {
  /** Other cases that asked for the same information and got it. */
  applications: SimilarApplication[];
  /** Distinct applicants among them and this case. */
  applicantCount: number;
  /** 第四十四条: at least two applicants, and the information has been disclosed. */
  suggestProactive: boolean;
}

type Row = {
  id: number;
  application_no: string;
  received_on: string | null;
  result_key: string | null;
  requested_name: string | null;
  requested_doc_no: string | null;
  applicant_kind: string;
  applicant_display_name: string;
  id_number_masked: string | null;
  phone_masked: string | null;
  org_credit_code: string | null;
};

/**
 * Applicants are told apart by what lists may show (kind, masked name, masked ID and phone, credit
 * code): the encrypted columns cannot be compared, and decrypting every applicant to count them
 * would be a full view of personal data. Two requests by one person look like one applicant.
 */
function applicantIdentity(row: Row): string {
  return [
    row.applicant_kind,
    row.applicant_display_name,
    row.id_number_masked ?? "",
    row.phone_masked ?? "",
    row.org_credit_code ?? "",
  ].join("|");
}

/** The disclosed cases asking for the same information as case `id` (第四十四条). */
export async function similarDisclosedApplications(db: Db, id: number): Promise<SimilarDisclosure> {
  const columns = [
    "id",
    "application_no",
    "received_on",
    "result_key",
    "requested_name",
    "requested_doc_no",
    "applicant_kind",
    "applicant_display_name",
    "id_number_masked",
    "phone_masked",
    "org_credit_code",
  ] as const;
  const self = await db
    .selectFrom("applications")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  const none = { applications: [], applicantCount: 0, suggestProactive: false };
  if (!self) return none;
  const name = self.requested_name ? normaliseRequestedName(self.requested_name) : "";
  const docNo = self.requested_doc_no ? normaliseDocNo(self.requested_doc_no) : "";
  if (!name && !docNo) return none;
  const candidates = await db
    .selectFrom("applications")
    .select(columns)
    .where("id", "!=", id)
    .where("result_key", "in", DISCLOSED)
    .orderBy("id")
    .execute();
  const matches = candidates.filter(
    (row) =>
      (docNo !== "" && row.requested_doc_no && normaliseDocNo(row.requested_doc_no) === docNo) ||
      (name !== "" && row.requested_name && normaliseRequestedName(row.requested_name) === name),
  );
  const applicantCount = new Set([self, ...matches].map(applicantIdentity)).size;
  return {
    applications: matches.map((row) => ({
      id: row.id,
      applicationNo: row.application_no,
      receivedOn: row.received_on,
      resultKey: row.result_key!,
    })),
    applicantCount,
    suggestProactive: matches.length > 0 && applicantCount >= 2,
  };
}
