// Factories for casework tests (letters, appeals, ledger): cases registered and replied through the
// real services, and spreadsheets built with ExcelJS.
import ExcelJS from "exceljs";
import type { TestApp } from "../../test/support/app";
import { applicationKeys } from "./applicant-data";
import { addEvent } from "./events-service";
import { registerApplication } from "./filing";
import type { CaseActor } from "./policy";
import { staffApplicationSchema } from "./schema";
import { buildApplicationInput } from "./test-fixtures";

/** The 经办人 as the services see them. */
export async function officerActor(t: TestApp, username = "officer"): Promise<CaseActor> {
  const user = await t.t.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return { id: user.id, name: username, ip: "127.0.0.1", roles: ["applicationOfficer"] };
}

/** A case handed in on `receivedOn` (当面), with the test applicant's personal data. */
export async function registerCase(
  t: TestApp,
  actor: CaseActor,
  receivedOn: string,
  requestedInfo: Record<string, string> = {
    name: "2024年食品安全监督抽检计划",
    description: "2024年度全县抽检计划全文",
  },
): Promise<{ id: number; applicationNo: string }> {
  const input = staffApplicationSchema.parse(
    buildApplicationInput({ channel: "in_person", receivedOn, requestedInfo }),
  );
  const filed = await registerApplication(t.t.db, input, actor, {
    keys: applicationKeys(t.config.secret),
    now: t.now(),
  });
  return { id: filed.id, applicationNo: filed.applicationNo };
}

/** Records a reply with its result (and reasons where the letter must state them). */
export async function replyCase(
  t: TestApp,
  actor: CaseActor,
  id: number,
  on: string,
  result: string,
  reasons = "该信息涉及第三方商业秘密,第三方书面表示不同意公开。",
) {
  await addEvent(
    t.t.db,
    id,
    { type: "reply", date: on, note: undefined, result, reasons },
    {
      actor,
      now: t.now(),
    },
  );
}

/** An .xlsx with a header row and data rows, as a bureau's ledger would be. */
export async function ledgerWorkbook(
  rows: (string | number | Date | null)[][],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("台账");
  sheet.addRow(["申请编号", "申请人类型", "收到日期", "内容", "答复日期", "答复结果", "复议诉讼"]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
