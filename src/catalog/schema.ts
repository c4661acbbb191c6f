// The catalog item form (back office): every column of the standard table as form fields, with
// the Chinese messages the form shows. The checks keep an item exportable and re-importable
// unchanged: the 公开时限 text and its machine rule agree, and list entries hold no separators.
import { z } from "zod";
import { type CatalogItem, catalogItemSchema, type Flag, type Verification } from "./catalog-item";
import { parseFlagCell, splitListCell } from "./cell-text";
import {
  DEADLINE_RULE_KINDS,
  type DeadlineRule,
  describeDeadlineRule,
  parseDeadlineText,
} from "./deadline-rule";

/** A tick box in the form: 勾选 / 不勾选 / 待核实. */
export const FLAG_CHOICES = ["yes", "no", "unverified"] as const;
type FlagChoice = (typeof FLAG_CHOICES)[number];

export const FLAG_FIELDS = [
  "audienceWholeSociety",
  "audienceSpecificGroup",
  "modeProactive",
  "modeOnApplication",
  "levelCounty",
  "levelTownship",
] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

/** The form's fields as the browser sends them (all text). */
export type CatalogFormValues = Record<
  | "seq"
  | "category"
  | "item"
  | "elements"
  | "legalBasis"
  | "deadlineText"
  | "deadlineKind"
  | "deadlineDays"
  | "responsibleUnit"
  | "responsibleUnitId"
  | "channels"
  | "specificGroupName"
  | "verification"
  | "notes"
  | "version"
  | FlagField,
  string
>;

export const catalogFormLabels: Record<keyof CatalogFormValues, string> = {
  seq: "序号",
  category: "一级事项",
  item: "二级事项",
  elements: "公开内容(要素)",
  legalBasis: "公开依据",
  deadlineText: "公开时限",
  deadlineKind: "期限规则",
  deadlineDays: "工作日数",
  responsibleUnit: "公开主体",
  responsibleUnitId: "公开主体单位",
  channels: "公开渠道和载体",
  audienceWholeSociety: "公开对象:全社会",
  audienceSpecificGroup: "公开对象:特定群体",
  specificGroupName: "特定群体名称",
  modeProactive: "公开方式:主动",
  modeOnApplication: "公开方式:依申请",
  levelCounty: "公开层级:县级",
  levelTownship: "公开层级:乡级",
  verification: "核实情况",
  notes: "备注",
  version: "版本",
};

/** The 期限规则 select: "" reads the rule from the 公开时限 text. */
export const DEADLINE_KIND_CHOICES = ["", ...DEADLINE_RULE_KINDS] as const;

const flag = z.enum(FLAG_CHOICES, { error: "请选择勾选、不勾选或待核实" });
const flagOf = (choice: FlagChoice): Flag =>
  choice === "unverified" ? "unverified" : choice === "yes";

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过${max}字`);

const list = (label: string) =>
  z
    .string()
    .max(10000, `${label}过长`)
    .transform((v) => splitListCell(v));

const raw = z.object({
  seq: z
    .string()
    .trim()
    .regex(/^([1-9]\d{0,5})?$/, "序号应为正整数,候选事项可以留空"),
  category: text("一级事项", 50).min(1, "请填写一级事项"),
  item: text("二级事项", 100).min(1, "请填写二级事项"),
  elements: list("公开内容(要素)"),
  legalBasis: list("公开依据"),
  deadlineText: text("公开时限", 100),
  deadlineKind: z.enum(DEADLINE_KIND_CHOICES, { error: "请选择期限规则" }),
  deadlineDays: z.string().trim(),
  responsibleUnit: text("公开主体", 100),
  responsibleUnitId: z
    .string()
    .trim()
    .regex(/^([1-9]\d{0,8})?$/, "公开主体单位选择有误"),
  channels: list("公开渠道和载体"),
  audienceWholeSociety: flag,
  audienceSpecificGroup: flag,
  specificGroupName: text("特定群体名称", 50),
  modeProactive: flag,
  modeOnApplication: flag,
  levelCounty: flag,
  levelTownship: flag,
  verification: z.enum(["verified", "partial", "unverified"], { error: "请选择核实情况" }),
  notes: text("备注", 2000),
  version: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/),
});

export interface CatalogFormOutput {
  item: CatalogItem;
  responsibleUnitId: number | null;
  verification: Verification;
  notes: string;
  /** The version the form was loaded at (null for a new item). */
  version: number | null;
}

type Raw = z.output<typeof raw>;
type FieldErrors = Record<string, string>;

function addError(errors: FieldErrors, field: string, message: string): void {
  errors[field] ??= message;
}

/**
 * The machine rule the form asks for: the chosen kind, or what the text says when none is chosen.
 * Works on the submitted text, so its errors show together with every other field's.
 */
function ruleOf(v: CatalogFormValues, errors: FieldErrors): DeadlineRule | null {
  const text = v.deadlineText.trim();
  const fromText = text === "" ? null : parseDeadlineText(text);
  const kind = v.deadlineKind;
  if (kind === "") return fromText;
  let rule: DeadlineRule;
  if (kind === "realtime" || kind === "ongoing") {
    rule = { kind };
  } else if (
    kind === "working_days_from_formation_or_change" ||
    kind === "working_days_from_decision"
  ) {
    const days = Number(v.deadlineDays.trim());
    if (!/^\d{1,3}$/.test(v.deadlineDays.trim()) || days < 1 || days > 365) {
      addError(errors, "deadlineDays", "工作日数应为1至365的整数");
      return null;
    }
    rule = { kind, days };
  } else {
    return null;
  }
  if (fromText && describeDeadlineRule(fromText) !== describeDeadlineRule(rule)) {
    addError(
      errors,
      "deadlineKind",
      `期限规则“${describeDeadlineRule(rule)}”与公开时限文字(${describeDeadlineRule(fromText)})不一致`,
    );
  }
  return rule;
}

function checkPairs(v: CatalogFormValues, errors: FieldErrors): void {
  const pairs: [FlagField, FlagField, string][] = [
    ["audienceWholeSociety", "audienceSpecificGroup", "公开对象至少勾选一项(全社会或特定群体)"],
    ["modeProactive", "modeOnApplication", "公开方式至少勾选一项(主动或依申请)"],
    ["levelCounty", "levelTownship", "公开层级至少勾选一项(县级或乡级)"],
  ];
  for (const [a, b, message] of pairs) {
    if (v[a] === "no" && v[b] === "no") addError(errors, a, message);
  }
  const groupName = v.specificGroupName.trim();
  if (groupName === "") return;
  if (v.audienceSpecificGroup !== "yes") {
    addError(errors, "specificGroupName", "填写了特定群体名称时,“特定群体”须为勾选");
  } else if (parseFlagCell(groupName) !== null) {
    addError(errors, "specificGroupName", "特定群体名称应写明群体,不能是勾选符号");
  }
}

const FORM_FIELD_OF: Record<string, keyof CatalogFormValues> = {
  deadline: "deadlineText",
  audience: "audienceWholeSociety",
  mode: "modeProactive",
  level: "levelCounty",
};

function itemOf(v: Raw, rule: DeadlineRule | null): CatalogItem {
  return {
    seq: v.seq === "" ? null : Number(v.seq),
    category: v.category,
    item: v.item,
    elements: v.elements,
    legalBasis: v.legalBasis,
    deadline: { text: v.deadlineText || (rule ? describeDeadlineRule(rule) : ""), rule },
    responsibleUnit: v.responsibleUnit,
    channels: v.channels,
    audience: {
      wholeSociety: flagOf(v.audienceWholeSociety),
      specificGroup: flagOf(v.audienceSpecificGroup),
      specificGroupName: v.specificGroupName,
    },
    mode: { proactive: flagOf(v.modeProactive), onApplication: flagOf(v.modeOnApplication) },
    level: { county: flagOf(v.levelCounty), township: flagOf(v.levelTownship) },
  };
}

export type CatalogFormResult =
  | { ok: true; data: CatalogFormOutput }
  | { ok: false; errors: FieldErrors };

/** Parses the item form into the item and its meta, or every field's error at once. */
export function parseCatalogForm(values: CatalogFormValues): CatalogFormResult {
  const errors: FieldErrors = {};
  const parsed = raw.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      addError(errors, String(issue.path[0] ?? "_"), issue.message);
  }
  checkPairs(values, errors);
  const rule = ruleOf(values, errors);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const v = parsed.data;
  const item = itemOf(v, rule);
  const checked = catalogItemSchema.safeParse(item);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "item");
      addError(errors, FORM_FIELD_OF[field] ?? field, issue.message);
    }
    return { ok: false, errors };
  }
  return {
    ok: true,
    data: {
      item,
      responsibleUnitId: v.responsibleUnitId === "" ? null : Number(v.responsibleUnitId),
      verification: v.verification,
      notes: v.notes,
      version: v.version === "" ? null : Number(v.version),
    },
  };
}

const choiceOf = (f: Flag): FlagChoice => (f === "unverified" ? "unverified" : f ? "yes" : "no");

/** The form's values for an item (or a blank new item). */
export function formValuesOf(
  item: CatalogItem,
  meta: {
    responsibleUnitId: number | null;
    verification: Verification;
    notes: string;
    version: number | null;
  },
): CatalogFormValues {
  const rule = item.deadline.rule;
  return {
    seq: item.seq === null ? "" : String(item.seq),
    category: item.category,
    item: item.item,
    elements: item.elements.join("\n"),
    legalBasis: item.legalBasis.join("\n"),
    deadlineText: item.deadline.text,
    deadlineKind: rule?.kind ?? "",
    deadlineDays: rule && "days" in rule ? String(rule.days) : "",
    responsibleUnit: item.responsibleUnit,
    responsibleUnitId: meta.responsibleUnitId === null ? "" : String(meta.responsibleUnitId),
    channels: item.channels.join("\n"),
    audienceWholeSociety: choiceOf(item.audience.wholeSociety),
    audienceSpecificGroup: choiceOf(item.audience.specificGroup),
    specificGroupName: item.audience.specificGroupName,
    modeProactive: choiceOf(item.mode.proactive),
    modeOnApplication: choiceOf(item.mode.onApplication),
    levelCounty: choiceOf(item.level.county),
    levelTownship: choiceOf(item.level.township),
    verification: meta.verification,
    notes: meta.notes,
    version: meta.version === null ? "" : String(meta.version),
  };
}

const FORM_KEYS = Object.keys(catalogFormLabels) as (keyof CatalogFormValues)[];

/** The submitted body as form values (a missing field is blank), to parse and to re-render. */
export function formInputOf(body: Record<string, unknown>): CatalogFormValues {
  const out = {} as CatalogFormValues;
  for (const key of FORM_KEYS) {
    const value = body[key];
    out[key] = typeof value === "string" ? value : "";
  }
  return out;
}

/** The values of a new, empty item form (ticked like most items: 全社会, 主动, 县级). */
export function blankFormValues(): CatalogFormValues {
  return {
    ...formInputOf({}),
    audienceWholeSociety: "yes",
    audienceSpecificGroup: "no",
    modeProactive: "yes",
    modeOnApplication: "no",
    levelCounty: "yes",
    levelTownship: "no",
    verification: "verified",
  };
}

/** The largest id PostgreSQL's `integer` holds: a larger one in a URL can match nothing. */
const MAX_ID = 2_147_483_647;

/** A positive id from a path segment, or null (a 404) when it is not one. */
export function parseId(text: string | undefined): number | null {
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** The confirm step of an import: the rows the preview showed, sent back as JSON. */
export const importPayloadSchema = z
  .object({
    fileName: z.string().max(200),
    rows: z
      .array(
        z
          .object({
            rowNumber: z.number().int().min(1),
            code: z.string().max(40),
            item: catalogItemSchema,
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict();

/** What the form's 期限规则 fields mean, in words (the page updates it as they change). */
export function describeFormRule(
  v: Pick<CatalogFormValues, "deadlineText" | "deadlineKind" | "deadlineDays">,
): string {
  if (v.deadlineKind === "") {
    if (v.deadlineText.trim() === "") return "未指定(公开时限为空)";
    const rule = parseDeadlineText(v.deadlineText);
    return rule
      ? `按文字识别为“${describeDeadlineRule(rule)}”`
      : "文字无法识别,请在上面选择期限规则";
  }
  if (v.deadlineKind === "realtime" || v.deadlineKind === "ongoing") {
    return describeDeadlineRule({ kind: v.deadlineKind });
  }
  if (
    v.deadlineKind !== "working_days_from_formation_or_change" &&
    v.deadlineKind !== "working_days_from_decision"
  ) {
    return "请选择期限规则";
  }
  const days = Number(v.deadlineDays);
  if (!/^\d{1,3}$/.test(v.deadlineDays.trim()) || days < 1 || days > 365) return "请填写工作日数";
  return describeDeadlineRule({ kind: v.deadlineKind, days });
}
