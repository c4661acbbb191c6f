// The assessment as an XLSX workbook: one sheet of scores (a row per unit), one of evidence (every
// item counted, and whether it met the requirement). ExcelJS is loaded only when exporting.

import { INDICATORS, indicatorLabels, rateText } from "./scoring";
import { type Assessment, assessmentPeriod } from "./service";

export async function assessmentWorkbook(a: Assessment, siteUrl = ""): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const p = assessmentPeriod(a.year);
  const scores = workbook.addWorksheet("得分");
  scores.addRow([`${a.year}年度政务公开考核得分(${p.from} 至 ${p.to},截至 ${a.today})`]);
  scores.addRow([
    "单位",
    ...INDICATORS.map((k) => `${indicatorLabels[k]}(${a.weights[k]}分)`),
    "总分",
  ]);
  for (const u of a.units) {
    scores.addRow([u.unitName, ...u.sheet.indicators.map((i) => i.score), u.sheet.total]);
  }
  scores.getRow(2).font = { bold: true };
  scores.getColumn(1).width = 20;
  const rates = workbook.addWorksheet("得分率");
  rates.addRow(["单位", "指标", "达标数", "计数", "得分率", "权重", "得分"]);
  for (const u of a.units) {
    for (const i of u.sheet.indicators) {
      rates.addRow([
        u.unitName,
        indicatorLabels[i.key],
        i.met,
        i.counted,
        rateText(i.rate),
        i.weight,
        i.score,
      ]);
    }
  }
  const evidence = workbook.addWorksheet("依据");
  evidence.addRow(["单位", "指标", "事项", "是否达标", "情况", "链接"]);
  for (const u of a.units) {
    for (const e of u.evidence) {
      evidence.addRow([
        u.unitName,
        indicatorLabels[e.indicator],
        e.title,
        e.met ? "是" : "否",
        e.detail,
        `${siteUrl}${e.href}`,
      ]);
    }
  }
  for (const sheet of [rates, evidence]) sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
