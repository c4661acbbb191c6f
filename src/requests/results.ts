// Reply results of 依申请公开, exactly as table 三 of the annual report counts them.
// Every reply carries the most specific row key of that table, so the annual report is a
// count of keys and never a re-classification.

/** Where the rows, labels and article citations below come from. */
export const REPLY_RESULTS_SOURCE = {
  rows: "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表三“本年度办理结果”",
  articles:
    "《中华人民共和国政府信息公开条例》(国务院令第711号)。各行对应条号由项目按条例内容整理(年度报告格式原件没有条号一栏);“要求行政机关确认或重新出具已获取信息”和“其他”两行没有对应条号,不作推测。",
} as const;

interface ResultGroupDefinition {
  readonly key: string;
  /** The row label exactly as the annual report prints it. */
  readonly reportLabel: string;
  readonly label: string;
}

/** The four rows of table 三 that are sums of sub-rows: a reply must name one of their children. */
export const RESULT_GROUPS = [
  { key: "results.not_disclosed", reportLabel: "(三)不予公开", label: "不予公开" },
  { key: "results.unable_to_provide", reportLabel: "(四)无法提供", label: "无法提供" },
  { key: "results.not_processed", reportLabel: "(五)不予处理", label: "不予处理" },
  { key: "results.other", reportLabel: "(六)其他处理", label: "其他处理" },
] as const satisfies readonly ResultGroupDefinition[];

export type ResultGroupKey = (typeof RESULT_GROUPS)[number]["key"];

interface ReplyResultDefinition {
  readonly key: string;
  readonly group: ResultGroupKey | null;
  /** The row label exactly as the annual report prints it. */
  readonly reportLabel: string;
  /** Short label for lists and letters. */
  readonly label: string;
  /** Articles the reply letter cites for this result (条例 unless another document is named). */
  readonly articles: readonly string[];
  /** The letter must state reasons: 条例第三十六条第(三)(五)项, 第三十七条. */
  readonly mustStateReasons: boolean;
}

const ART36_3 = "第三十六条第(三)项";

/** The 21 most specific result rows of table 三 (order as in the report). */
export const REPLY_RESULTS = [
  {
    key: "results.disclosed",
    group: null,
    reportLabel: "(一)予以公开",
    label: "予以公开",
    articles: ["第三十六条第(一)项", "第三十六条第(二)项"],
    mustStateReasons: false,
  },
  {
    key: "results.partially_disclosed",
    group: null,
    reportLabel: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
    label: "部分公开",
    articles: ["第三十七条"],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.state_secret",
    group: "results.not_disclosed",
    reportLabel: "1.属于国家秘密",
    label: "属于国家秘密",
    articles: ["第十四条", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.prohibited_by_law",
    group: "results.not_disclosed",
    reportLabel: "2.其他法律行政法规禁止公开",
    label: "其他法律行政法规禁止公开",
    articles: ["第十四条", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.three_security_one_stability",
    group: "results.not_disclosed",
    reportLabel: "3.危及“三安全一稳定”",
    label: "危及“三安全一稳定”",
    articles: ["第十四条", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.third_party_rights",
    group: "results.not_disclosed",
    reportLabel: "4.保护第三方合法权益",
    label: "保护第三方合法权益",
    articles: ["第十五条", "第三十二条", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.internal_affairs",
    group: "results.not_disclosed",
    reportLabel: "5.属于三类内部事务信息",
    label: "属于三类内部事务信息",
    articles: ["第十六条第一款", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.process_info",
    group: "results.not_disclosed",
    reportLabel: "6.属于四类过程性信息",
    label: "属于四类过程性信息",
    articles: ["第十六条第二款", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.enforcement_file",
    group: "results.not_disclosed",
    reportLabel: "7.属于行政执法案卷",
    label: "属于行政执法案卷",
    articles: ["第十六条第二款", ART36_3],
    mustStateReasons: true,
  },
  {
    key: "results.not_disclosed.administrative_inquiry",
    group: "results.not_disclosed",
    reportLabel: "8.属于行政查询事项",
    label: "属于行政查询事项",
    articles: ["第三十六条第(七)项"],
    mustStateReasons: true,
  },
  {
    key: "results.unable_to_provide.not_held",
    group: "results.unable_to_provide",
    reportLabel: "1.本机关不掌握相关政府信息",
    label: "本机关不掌握相关政府信息",
    articles: ["第三十六条第(四)项", "第三十六条第(五)项"],
    mustStateReasons: true,
  },
  {
    key: "results.unable_to_provide.needs_creation",
    group: "results.unable_to_provide",
    reportLabel: "2.没有现成信息需要另行制作",
    label: "没有现成信息需要另行制作",
    articles: ["第三十八条"],
    mustStateReasons: false,
  },
  {
    key: "results.unable_to_provide.unclear_after_correction",
    group: "results.unable_to_provide",
    reportLabel: "3.补正后申请内容仍不明确",
    label: "补正后申请内容仍不明确",
    articles: ["第三十条"],
    mustStateReasons: false,
  },
  {
    key: "results.not_processed.petition_complaint",
    group: "results.not_processed",
    reportLabel: "1.信访举报投诉类申请",
    label: "信访举报投诉类申请",
    articles: ["第三十九条第一款"],
    mustStateReasons: false,
  },
  {
    key: "results.not_processed.duplicate",
    group: "results.not_processed",
    reportLabel: "2.重复申请",
    label: "重复申请",
    articles: ["第三十六条第(六)项"],
    mustStateReasons: false,
  },
  {
    key: "results.not_processed.publication",
    group: "results.not_processed",
    reportLabel: "3.要求提供公开出版物",
    label: "要求提供公开出版物",
    articles: ["第三十九条第二款"],
    mustStateReasons: false,
  },
  {
    key: "results.not_processed.excessive_repeated",
    group: "results.not_processed",
    reportLabel: "4.无正当理由大量反复申请",
    label: "无正当理由大量反复申请",
    articles: ["第三十五条"],
    mustStateReasons: false,
  },
  {
    key: "results.not_processed.confirm_or_reissue",
    group: "results.not_processed",
    reportLabel: "5.要求行政机关确认或重新出具已获取信息",
    label: "要求行政机关确认或重新出具已获取信息",
    articles: [],
    mustStateReasons: false,
  },
  {
    key: "results.other.no_correction_abandoned",
    group: "results.other",
    reportLabel: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    label: "申请人无正当理由逾期不补正",
    articles: ["第三十条"],
    mustStateReasons: false,
  },
  {
    key: "results.other.fee_unpaid",
    group: "results.other",
    reportLabel: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    label: "申请人逾期未缴纳信息处理费",
    articles: ["第四十二条", "《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)"],
    mustStateReasons: false,
  },
  {
    key: "results.other.other",
    group: "results.other",
    reportLabel: "3.其他",
    label: "其他",
    articles: [],
    mustStateReasons: false,
  },
] as const satisfies readonly ReplyResultDefinition[];

/** The most specific result rows of table 三: the only keys a reply may carry. */
export type ReplyResultKey = (typeof REPLY_RESULTS)[number]["key"];

/** Any result row a caller might name, including the four summing rows (which a reply may not carry). */
export type ResultRowKey = ReplyResultKey | ResultGroupKey;

export type ReplyResult = (typeof REPLY_RESULTS)[number];

export const REPLY_RESULT_KEYS: readonly ReplyResultKey[] = REPLY_RESULTS.map((r) => r.key);
export const RESULT_GROUP_KEYS: readonly ResultGroupKey[] = RESULT_GROUPS.map((g) => g.key);

const RESULT_BY_KEY: ReadonlyMap<string, ReplyResult> = new Map(
  REPLY_RESULTS.map((r) => [r.key, r]),
);
const GROUP_BY_KEY: ReadonlyMap<string, (typeof RESULT_GROUPS)[number]> = new Map(
  RESULT_GROUPS.map((g) => [g.key, g]),
);

/** Whether the value is a most specific row of table 三, i.e. a complete reply result. */
export function isFinalResultKey(value: unknown): value is ReplyResultKey {
  return typeof value === "string" && RESULT_BY_KEY.has(value);
}

/** Whether the value is one of the four summing rows (不予公开, 无法提供, 不予处理, 其他处理). */
export function isResultGroupKey(value: unknown): value is ResultGroupKey {
  return typeof value === "string" && GROUP_BY_KEY.has(value);
}

/** Whether the value names any result row of table 三 (specific or summing). */
export function isResultRowKey(value: unknown): value is ResultRowKey {
  return isFinalResultKey(value) || isResultGroupKey(value);
}

/** The definition of a result key (label, group, articles). */
export function replyResult(key: ReplyResultKey): ReplyResult {
  const result = RESULT_BY_KEY.get(key);
  if (!result) throw new RangeError(`未知的答复结果:${key}`);
  return result;
}

/** The summing row a result belongs to, or null for 予以公开 and 部分公开. */
export function resultGroupOf(key: ReplyResultKey): ResultGroupKey | null {
  return replyResult(key).group;
}

/** The specific results under a summing row, in report order. */
export function resultsInGroup(group: ResultGroupKey): readonly ReplyResult[] {
  return REPLY_RESULTS.filter((r) => r.group === group);
}

/**
 * A Chinese label for any result row: "予以公开", "不予公开", "不予公开(保护第三方合法权益)".
 */
export function resultLabel(key: ResultRowKey): string {
  const group = GROUP_BY_KEY.get(key);
  if (group) return group.label;
  const result = replyResult(key as ReplyResultKey);
  if (result.group === null) return result.label;
  return `${GROUP_BY_KEY.get(result.group)?.label}(${result.label})`;
}

/** The articles a reply letter with this result cites, e.g. 第十五条 and 第三十二条 for 第三方合法权益. */
export function resultArticles(key: ReplyResultKey): readonly string[] {
  return replyResult(key).articles;
}

/** Whether the letter must state the reasons for this result (条例第三十六条第(三)(五)项, 第三十七条). */
export function mustStateReasons(key: ReplyResultKey): boolean {
  return replyResult(key).mustStateReasons;
}

/** The Chinese message for a reply that names only a summing row, listing the reasons to choose from. */
export function missingReasonMessage(group: ResultGroupKey): string {
  const label = GROUP_BY_KEY.get(group)?.label ?? group;
  const options = resultsInGroup(group)
    .map((r) => r.reportLabel)
    .join(";");
  return `答复结果为“${label}”时须选择具体理由(年度报告表三):${options}`;
}
