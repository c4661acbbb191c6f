// The demo records: the fixture notice first, then a handful across the catalog items, each with
// the dates of its history. Published through the records service (record-steps.ts), so 索引号,
// versions, events, audit entries and the search index are all real.
import type { IsoDate, WorkCalendar } from "../../calendar/rules";
import { demoNotice, demoNoticeBody } from "../../records/demo-notice";
import { genreLabels } from "../../records/genres";
import type { RecordInput } from "../../records/schema";
import type { ReviewForm } from "../../records/workflow";
import { escapeHtml } from "../../search/highlight";
import {
  inspectionResultsBody,
  interpretationBody,
  licenceBody,
  monthlyInspectionBody,
  penaltyBody,
  policyBody,
  samplingBody,
} from "./record-bodies";
import { proactiveReview, type RecordPlan } from "./record-steps";
import { atShanghai, workdaysBefore } from "./story";

export interface PlanContext {
  calendar: WorkCalendar;
  /** The first start's date in Shanghai: the record still in review is dated shortly before it. */
  today: IsoDate;
  unitId(name: string): number;
  /** The catalog item with this code, or null when the catalog has no active one. */
  catalogItemId(code: string): number | null;
}

const penaltyReview: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: true,
  disclosureAttribute: "proactive",
  legalReason:
    "依据《市场监督管理行政处罚信息公示规定》主动公示;经营者姓名和统一社会信用代码已作去标识化处理(条例第十五条)",
};

/** Drafted the working day after formation, approved and signed `lag` working days after it. */
function published(calendar: WorkCalendar, formedOn: IsoDate, lag = 2) {
  const draftOn = calendar.addWorkdays(formedOn, 1);
  const publishOn = calendar.addWorkdays(formedOn, lag);
  return {
    drafted: atShanghai(draftOn, "09:30"),
    submitted: atShanghai(draftOn, "09:40"),
    approved: atShanghai(publishOn, "10:00"),
    signed: atShanghai(publishOn, "16:00"),
  };
}

const genreOfNotice = Object.entries(genreLabels).find(([, label]) => label === demoNotice.genre);

/** The fixture notice, exactly as issued: real title, 文号, 成文日期, 发布机构 and full text. */
function fixtureNoticePlan(c: PlanContext): RecordPlan {
  if (!genreOfNotice) throw new Error(`demo notice genre ${demoNotice.genre} is not a genre`);
  return {
    key: "notice",
    input: () => ({
      title: demoNotice.title,
      docNo: demoNotice.docNo,
      publisher: demoNotice.publisher,
      unitId: c.unitId("办公室"),
      formedOn: demoNotice.formedOn,
      topic: "政务公开",
      genre: genreOfNotice[0] as RecordInput["genre"],
      // A work plan carrying out the higher levels' requirements: 执行公开.
      openness: "execution",
      keywords: "政务公开,标准化规范化,食品药品监管",
      summary:
        "印发食品药品监管领域政务公开标准化规范化工作实施方案,明确工作目标、主要任务和工作要求。",
      bodyHtml: demoNoticeBody()
        .split("\n")
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join(""),
      // The plan for disclosure work itself, not a disclosure under one of the food & drug
      // catalog items, so it is filed under none.
      catalogItemId: null,
    }),
    ...published(c.calendar, demoNotice.formedOn),
    review: proactiveReview,
    keepHitsBecause: "照录原件,渑市监文〔2020〕53号原文如此",
  };
}

const PENALTY_DOC_NO = "渑市监处罚〔2025〕8号";
const LICENCE_TITLE = "渑池县市场监督管理局2025年第一季度食品经营许可信息公示";

function fixedPlans(c: PlanContext): RecordPlan[] {
  const { calendar } = c;
  const base = (fields: Omit<RecordInput, "openness" | "topic"> & Partial<RecordInput>) => ({
    openness: "result" as const,
    topic: "食品安全",
    ...fields,
  });
  const withdrawnLicence = published(calendar, "2025-04-08");
  return [
    {
      key: "inspection",
      input: () =>
        base({
          title: "渑池县市场监督管理局2024年上半年食品生产经营日常监督检查结果公告",
          unitId: c.unitId("食品经营股"),
          formedOn: "2024-07-15",
          genre: "announcement",
          catalogItemId: c.catalogItemId("FD-05"),
          keywords: "监督检查,检查结果,食品生产经营",
          bodyHtml: inspectionResultsBody,
        }),
      ...published(calendar, "2024-07-15", 3),
      review: proactiveReview,
    },
    {
      key: "sampling",
      input: () =>
        base({
          title: "渑池县市场监督管理局关于2024年第4期食品安全监督抽检信息的通告",
          unitId: c.unitId("食品生产股"),
          formedOn: "2024-11-20",
          genre: "announcement",
          catalogItemId: c.catalogItemId("FD-07"),
          keywords: "抽检,不合格食品,核查处置",
          bodyHtml: samplingBody,
        }),
      ...published(calendar, "2024-11-20", 3),
      review: proactiveReview,
    },
    {
      key: "penalty",
      input: () =>
        base({
          title: "渑池县城关镇×××小吃店经营超过保质期食品案行政处罚信息",
          docNo: PENALTY_DOC_NO,
          unitId: c.unitId("城关市场监管所"),
          formedOn: "2025-03-18",
          topic: "市场监管",
          genre: "penalty",
          catalogItemId: c.catalogItemId("FD-09"),
          keywords: "行政处罚,超过保质期食品",
          bodyHtml: penaltyBody(PENALTY_DOC_NO),
        }),
      ...published(calendar, "2025-03-18", 4),
      review: penaltyReview,
    },
    {
      key: "licence-withdrawn",
      input: () => licenceInput(c, true),
      ...withdrawnLicence,
      review: proactiveReview,
      withdrawn: {
        at: atShanghai("2025-04-11", "09:00"),
        reason: "公示表误列经营者姓名和联系电话等个人信息(条例第十五条),撤回后删除该列重新公示",
      },
    },
    {
      key: "licence",
      input: () => licenceInput(c, false),
      drafted: atShanghai("2025-04-11", "10:00"),
      submitted: atShanghai("2025-04-11", "10:10"),
      approved: atShanghai("2025-04-14", "10:00"),
      signed: atShanghai("2025-04-14", "16:00"),
      review: proactiveReview,
    },
  ];
}

function licenceInput(c: PlanContext, withPersonalData: boolean): RecordInput {
  return {
    title: LICENCE_TITLE,
    unitId: c.unitId("食品经营股"),
    formedOn: "2025-04-08",
    topic: "食品安全",
    genre: "licence",
    openness: "result",
    catalogItemId: c.catalogItemId("FD-02"),
    keywords: "食品经营许可,许可信息",
    bodyHtml: licenceBody(withPersonalData),
  };
}

/**
 * A 规范性文件 needing interpretation and its 政策解读: the interpretation is submitted and
 * approved first, and signing the policy releases both (同步审签、同步发布, 国办发〔2016〕80号).
 */
function policyPlans(c: PlanContext): RecordPlan[] {
  const formedOn = "2025-06-20";
  const day1 = c.calendar.addWorkdays(formedOn, 1);
  const day2 = c.calendar.addWorkdays(formedOn, 3);
  const title = "渑池县市场监督管理局关于印发《渑池县食品小作坊登记管理实施细则》的通知";
  const common = {
    unitId: c.unitId("食品生产股"),
    formedOn,
    topic: "食品安全",
    openness: "decision" as const,
  };
  return [
    {
      key: "policy",
      input: () => ({
        ...common,
        title,
        docNo: "渑市监规〔2025〕1号",
        genre: "normativeDocument",
        needsInterpretation: true,
        keywords: "食品小作坊,登记管理,规范性文件",
        bodyHtml: policyBody,
      }),
      drafted: atShanghai(day1, "09:30"),
      submitted: atShanghai(day1, "10:05"),
      approved: atShanghai(day2, "10:05"),
      signed: atShanghai(day2, "16:00"),
      review: proactiveReview,
    },
    {
      key: "interpretation",
      input: (ids) => ({
        ...common,
        title: "《渑池县食品小作坊登记管理实施细则》政策解读",
        genre: "interpretation",
        interpretsRecordId: ids.get("policy")!,
        interpretationKind: "text",
        keywords: "食品小作坊,政策解读",
        bodyHtml: interpretationBody,
      }),
      drafted: atShanghai(day1, "09:45"),
      submitted: atShanghai(day1, "10:00"),
      approved: atShanghai(day2, "10:00"),
      review: proactiveReview,
    },
  ];
}

/** Sent for review shortly before the first start and waiting for the 审核人. */
function inReviewPlan(c: PlanContext): RecordPlan {
  const formedOn = workdaysBefore(c.calendar, c.today, 3);
  const draftOn = workdaysBefore(c.calendar, c.today, 2);
  const yearMonth = `${Number(formedOn.slice(0, 4))}年${Number(formedOn.slice(5, 7))}月`;
  return {
    key: "in-review",
    input: () => ({
      title: `城关市场监管所${yearMonth}食品经营者日常监督检查结果公示`,
      unitId: c.unitId("城关市场监管所"),
      formedOn,
      topic: "食品安全",
      genre: "publicity",
      openness: "result",
      catalogItemId: c.catalogItemId("FD-05"),
      keywords: "监督检查,检查结果",
      bodyHtml: monthlyInspectionBody(yearMonth, formedOn),
    }),
    drafted: atShanghai(draftOn, "09:30"),
    submitted: atShanghai(draftOn, "09:40"),
  };
}

/** Every demo record in the order drafted; the fixture notice comes first. */
export function demoRecordPlans(c: PlanContext): RecordPlan[] {
  return [fixtureNoticePlan(c), ...fixedPlans(c), ...policyPlans(c), inReviewPlan(c)];
}
