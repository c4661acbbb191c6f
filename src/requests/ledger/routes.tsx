// /admin/applications/ledger: export and import of the 台账 (依申请公开经办人).
import type { Context, Hono } from "hono";
import { requireRole } from "../../accounts/middleware";
import { todayInShanghai } from "../../calendar/rules";
import type { AppEnv } from "../../http/types";
import { fileResponse } from "../../platform/files/serve";
import { renderBackOffice } from "../../ui/render";
import { applicationKeys } from "../applicant-data";
import { caseActorOf, uploadedFiles } from "../casework-http";
import { exportLedger, ledgerPeriodErrors } from "./export-service";
import { importLedger } from "./import-service";
import { LedgerPage, type LedgerPageModel } from "./views";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ledgerRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/applications/ledger", (c) => {
    requireRole(c, "applicationOfficer");
    return renderLedger(c, {});
  });

  app.get("/admin/applications/ledger/export", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock } = c.get("deps");
    const period = { from: c.req.query("from") ?? "", to: c.req.query("to") ?? "" };
    const periodErrors = ledgerPeriodErrors(period.from, period.to);
    if (Object.keys(periodErrors).length > 0) {
      return renderLedger(c, { period, periodErrors }, 400);
    }
    const exported = await exportLedger(db, period, { actor: caseActorOf(c), now: clock() });
    return fileResponse({
      bytes: exported.bytes,
      mediaType: XLSX_TYPE,
      fileName: exported.fileName,
      cache: "private",
    });
  });

  app.post("/admin/applications/ledger/import", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock, config } = c.get("deps");
    const body = await c.req.parseBody();
    const [file] = uploadedFiles(body, "file");
    if (!file) return renderLedger(c, { importError: "请选择台账文件(XLSX)" }, 400);
    const result = await importLedger(
      db,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      {
        actor: caseActorOf(c),
        keys: applicationKeys(config.secret),
        now: clock(),
        dryRun: body.action !== "import",
      },
    );
    return renderLedger(
      c,
      { importResult: { fileName: file.name, result } },
      result.ok ? 200 : 400,
    );
  });
}

function renderLedger(c: Context<AppEnv>, model: Partial<LedgerPageModel>, status = 200) {
  const year = todayInShanghai(c.get("deps").clock()).slice(0, 4);
  const full: LedgerPageModel = {
    period: model.period ?? { from: `${year}-01-01`, to: `${year}-12-31` },
    periodErrors: model.periodErrors ?? {},
    importResult: model.importResult,
    importError: model.importError,
  };
  return renderBackOffice(c, "依申请公开台账", <LedgerPage {...full} />, status);
}
