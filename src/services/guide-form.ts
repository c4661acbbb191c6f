// The back-office guide form: flat text fields to the structured input and back. Lists are one
// entry per line; a material line is
//   名称 | 原件/复印件/原件和复印件/电子材料 | 份数 | 必需 或 适用情形 | 说明 | 空白表格附件名 | 样表附件名
// where the attachment names are files attached to the guide's record.
import {
  MATERIAL_FORMS,
  type Material,
  type MaterialForm,
  materialFormLabels,
  type ServiceGuideData,
  type ServiceGuideInput,
} from "./guide-schema";

export type GuideFormValues = Record<string, string>;

const splitLines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");

function formOf(text: string): MaterialForm | string {
  const found = MATERIAL_FORMS.find((f) => materialFormLabels[f] === text.trim());
  return found ?? text.trim();
}

/** Attachment file name → id, for the blank-form and sample columns. */
export type AttachmentIds = ReadonlyMap<string, number>;

export function materialsFromText(text: string, attachments: AttachmentIds) {
  return splitLines(text).map((line) => {
    const [name = "", form = "", copies = "1", need = "必需", note = "", blank = "", sample = ""] =
      line.split(/[||]/).map((c) => c.trim());
    const required = need === "" || need === "必需";
    return {
      name,
      form: formOf(form),
      copies: Number.parseInt(copies, 10),
      required,
      condition: required ? "" : need.replace(/^(适用情形|条件)[::]/, ""),
      note,
      blankFormAttachmentId: blank ? (attachments.get(blank) ?? -1) : null,
      sampleAttachmentId: sample ? (attachments.get(sample) ?? -1) : null,
    };
  });
}

function materialLine(m: Material, names: ReadonlyMap<number, string>): string {
  const cells = [
    m.name,
    materialFormLabels[m.form],
    String(m.copies),
    m.required ? "必需" : m.condition,
    m.note,
    m.blankFormAttachmentId ? (names.get(m.blankFormAttachmentId) ?? "") : "",
    m.sampleAttachmentId ? (names.get(m.sampleAttachmentId) ?? "") : "",
  ];
  while (cells.length > 4 && cells.at(-1) === "") cells.pop();
  return cells.join(" | ");
}

const int = (v: string | undefined) => (v?.trim() ? Number(v.trim()) : Number.NaN);

export function guideInputFromForm(
  values: GuideFormValues,
  attachments: AttachmentIds,
): ServiceGuideInput {
  return {
    itemName: values.itemName ?? "",
    itemCode: values.itemCode ?? "",
    itemType: (values.itemType ?? "") as ServiceGuideInput["itemType"],
    legalBasis: splitLines(values.legalBasis),
    conditions: splitLines(values.conditions),
    materials: materialsFromText(
      values.materials ?? "",
      attachments,
    ) as ServiceGuideInput["materials"],
    steps: splitLines(values.steps),
    statutoryDays: int(values.statutoryDays),
    promisedDays: int(values.promisedDays),
    feeCharged: values.feeCharged === "1",
    feeBasis: values.feeBasis ?? "",
    feeStandard: values.feeStandard ?? "",
    place: values.place ?? "",
    hours: values.hours ?? "",
    inquiryPhone: values.inquiryPhone ?? "",
    complaintPhone: values.complaintPhone ?? "",
    resultName: values.resultName ?? "",
    delivery: values.delivery ?? "",
    onlineUrl: values.onlineUrl ?? "",
    isDemo: values.isDemo === "1",
  };
}

export function formValuesOfGuide(
  data: ServiceGuideData,
  attachmentNames: ReadonlyMap<number, string>,
): GuideFormValues {
  return {
    itemName: data.itemName,
    itemCode: data.itemCode,
    itemType: data.itemType,
    legalBasis: data.legalBasis.join("\n"),
    conditions: data.conditions.join("\n"),
    materials: data.materials.map((m) => materialLine(m, attachmentNames)).join("\n"),
    steps: data.steps.join("\n"),
    statutoryDays: String(data.statutoryDays),
    promisedDays: String(data.promisedDays),
    feeCharged: data.feeCharged ? "1" : "0",
    feeBasis: data.feeBasis,
    feeStandard: data.feeStandard,
    place: data.place,
    hours: data.hours,
    inquiryPhone: data.inquiryPhone,
    complaintPhone: data.complaintPhone,
    resultName: data.resultName,
    delivery: data.delivery,
    onlineUrl: data.onlineUrl ?? "",
    isDemo: data.isDemo ? "1" : "0",
  };
}

/** Field errors of the nested materials (materials.2.name) folded onto the one textarea. */
export function formErrorsOf(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const [head, index, ...rest] = path.split(".");
    if (head === "materials" && index !== undefined && /^\d+$/.test(index)) {
      const what = rest[0]?.endsWith("AttachmentId") ? "附件名不是本指南的附件" : message;
      out.materials ??= `第${Number(index) + 1}项材料:${what}`;
    } else out[head ?? path] ??= message;
  }
  return out;
}
