// Placeholders of letter templates ({申请人}, {答复期限} …): the closed list, the check run when an
// administrator saves a template, and the substitution. Pure. Values are plain text; the DOCX
// writer and the HTML view escape them, and a value is never expanded again.

/** Every placeholder a template may use, with what it stands for. */
export const PLACEHOLDERS = [
  { name: "申请人", meaning: "申请人姓名或名称" },
  { name: "通信地址", meaning: "申请人的通信地址" },
  { name: "申请编号", meaning: "申请编号" },
  { name: "申请内容", meaning: "所需政府信息的名称、文号或描述" },
  { name: "收到日期", meaning: "收到申请之日(条例第三十一条)" },
  { name: "答复期限", meaning: "答复期限的最后一日" },
  { name: "依据条款", meaning: "本文书依据的条款" },
  { name: "救济途径", meaning: "行政复议、行政诉讼的途径和期限" },
  { name: "本机关", meaning: "本机关名称(站点设置中的主办单位)" },
  { name: "日期", meaning: "成文日期" },
  { name: "答复结果", meaning: "答复结果(年度报告表三的行名)" },
  { name: "理由", meaning: "答复时填写的理由" },
  { name: "补正事项", meaning: "需要补正的事项,每项一段" },
  { name: "补正期限", meaning: "补正期限的最后一日" },
  { name: "延长天数", meaning: "延长答复期限的工作日数" },
  { name: "延期理由", meaning: "延长答复期限的理由" },
  { name: "被征求意见方", meaning: "被征求意见的第三方或机关" },
  { name: "征求意见期限", meaning: "提出意见的最后一日" },
] as const;

export type PlaceholderName = (typeof PLACEHOLDERS)[number]["name"];
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

const NAMES: ReadonlySet<string> = new Set(PLACEHOLDERS.map((p) => p.name));
const TOKEN = /\{([^{}\n]*)\}/g;

/** What fills a placeholder that has no value for this case: a line to write on by hand. */
export const BLANK = "＿＿＿＿＿＿";

export function isPlaceholderName(value: string): value is PlaceholderName {
  return NAMES.has(value);
}

/**
 * Chinese messages for everything wrong with a template text: unknown placeholders (with the
 * list of known ones) and braces that do not form a placeholder. Empty when the text is fine.
 */
export function placeholderProblems(text: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    if (!isPlaceholderName(match[1]!.trim())) unknown.add(match[0]);
  }
  if (unknown.size > 0) {
    problems.push(
      `未知的占位符:${[...unknown].join("、")}。可用的占位符:${PLACEHOLDERS.map((p) => `{${p.name}}`).join("、")}`,
    );
  }
  if (/[{}]/.test(text.replace(TOKEN, ""))) {
    problems.push("大括号“{”“}”只能成对用于占位符,例如 {申请人}");
  }
  return problems;
}

/**
 * Replaces every placeholder with its value (a missing value becomes BLANK). Throws on a text
 * with problems: templates are checked when saved, so this is a bug or an edited database.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const problems = placeholderProblems(text);
  if (problems.length > 0) throw new Error(`模板有误:${problems.join(";")}`);
  return text.replace(TOKEN, (_, name: string) => {
    const value = values[name.trim() as PlaceholderName];
    return value === undefined || value === "" ? BLANK : value;
  });
}
