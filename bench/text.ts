// Deterministic fake content for the scale data set: Chinese titles and bodies built from the
// vocabulary of a county market supervision bureau, so segmentation, indexing and ranking see
// realistic word frequencies (common two-character words like 食品 in most bodies, rarer
// four-character words in few).

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same data set. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const PLACES = [
  "城关镇",
  "英豪镇",
  "张村镇",
  "洪阳镇",
  "天池镇",
  "仰韶镇",
  "果园乡",
  "陈村乡",
  "段村乡",
  "南村乡",
];
const SUBJECTS = [
  "食品",
  "食品安全",
  "药品",
  "化妆品",
  "医疗器械",
  "餐饮服务",
  "食品生产",
  "食品经营",
  "小作坊",
  "保健食品",
  "特殊医学用途配方食品",
  "校园食品安全",
  "农村集体聚餐",
  "网络餐饮服务",
  "食用农产品",
  "婴幼儿配方乳粉",
];
const ACTIONS = [
  "监督抽检",
  "专项整治",
  "日常监督检查",
  "风险隐患排查",
  "行政许可",
  "行政处罚",
  "信用风险分类管理",
  "飞行检查",
  "不良反应监测",
  "追溯体系建设",
];
const TITLE_FORMS = [
  (s: string, a: string, p: string, y: number) => `关于${y}年${p}${s}${a}情况的通告`,
  (s: string, a: string, _p: string, y: number) => `县市场监督管理局${y}年${s}${a}结果公告`,
  (s: string, a: string, p: string) => `${p}开展${s}${a}工作`,
  (s: string, a: string, _p: string, y: number) => `关于印发《${y}年${s}${a}实施方案》的通知`,
  (s: string, a: string) => `${s}${a}信息公示`,
  (s: string, _a: string, p: string) => `${p}${s}经营者责任约谈会召开`,
];
const SENTENCES = [
  (s: string, a: string, p: string) =>
    `为进一步加强${s}安全监管,切实保障人民群众身体健康和生命安全,${p}市场监管所组织开展${s}${a}。`,
  (s: string, a: string) =>
    `本次${a}覆盖辖区内${s}生产经营单位,重点检查主体资质、进货查验记录、贮存条件和从业人员健康管理情况。`,
  (s: string) =>
    `检查中发现的问题已当场责令整改,对涉嫌违法的${s}经营者依法立案调查,并将处理结果向社会公开。`,
  (s: string, a: string) =>
    `依据《中华人民共和国食品安全法》和《市场监督管理行政处罚程序规定》,对${s}${a}中不合格产品的生产经营者依法处理。`,
  () => "县市场监督管理局将持续加大监督检查力度,落实企业主体责任,推动形成社会共治格局。",
  (s: string) =>
    `消费者在购买和使用${s}过程中发现问题的,可拨打12315投诉举报电话或登录全国12315平台反映。`,
  (s: string, a: string, p: string) =>
    `${p}共出动执法人员${Math.abs(s.length * 7 + a.length * 3)}人次,检查${s}经营户,发放宣传资料,签订承诺书。`,
  (s: string) =>
    `抽检项目包括农药残留、兽药残留、重金属、微生物、食品添加剂等指标,涉及${s}等多个品种。`,
  () => "各乡镇市场监管所要高度重视,明确责任分工,确保各项工作按时完成,并于每月底前报送工作进展。",
];

export interface FakeText {
  title: string;
  body: string;
  /** The sentences the body is made of, in order (the seeder segments each distinct one once). */
  sentences: string[];
  keywords: string;
}

/** A record's title and a body of about `bodyChars` characters (the task asks for 1–5 KB). */
export function fakeRecordText(random: Random, year: number, bodyChars: number): FakeText {
  const subject = pick(random, SUBJECTS);
  const action = pick(random, ACTIONS);
  const place = pick(random, PLACES);
  const title = pick(random, TITLE_FORMS)(subject, action, place, year);
  const parts: string[] = [];
  let length = 0;
  while (length < bodyChars) {
    const sentence = pick(random, SENTENCES)(pick(random, SUBJECTS), pick(random, ACTIONS), place);
    parts.push(sentence);
    length += sentence.length;
  }
  return { title, body: parts.join(""), sentences: parts, keywords: `${subject},${action}` };
}

export const FAKE_PLACES = PLACES;

const ARTICLE_NUMERALS = [
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
];
const ARTICLE_FORMS = [
  (s: string) => `为了规范${s}监督管理,保障公众身体健康和生命安全,制定本办法。`,
  () => "本办法适用于本县行政区域内的登记、监督检查及其相关管理活动。",
  (s: string, a: string) =>
    `县市场监督管理局负责本县${s}${a}工作,乡镇市场监管所承担辖区内的日常监督检查。`,
  (s: string) => `${s}经营者应当建立进货查验记录制度,如实记录产品名称、数量、供货者和进货日期。`,
  (s: string, a: string) =>
    `登记机关应当自受理申请之日起十个工作日内作出${s}${a}决定,并向社会公开。`,
  (s: string) =>
    `违反本办法规定的,由县市场监督管理局责令改正,给予警告;拒不改正的,依照有关${s}法律法规处理。`,
  () => "本办法自发布之日起施行,有效期五年。",
];

/** A 征求意见稿: a title line and 5–12 articles numbered 第一条…, as splitDraft reads them. */
export function fakeConsultationDraft(
  random: Random,
  year: number,
): { title: string; text: string } {
  const subject = pick(random, SUBJECTS);
  const action = pick(random, ACTIONS);
  const title = `${year}年${subject}${action}管理办法(征求意见稿)`;
  const count = between(random, 5, ARTICLE_NUMERALS.length);
  const lines = [title, "第一章 总则"];
  for (let i = 0; i < count; i++) {
    lines.push(`第${ARTICLE_NUMERALS[i]}条 ${pick(random, ARTICLE_FORMS)(subject, action)}`);
  }
  return { title, text: lines.join("\n") };
}

const COMMENT_FORMS = [
  (s: string) => `建议明确${s}经营者进货查验记录的保存期限,便于基层执法。`,
  (s: string, a: string) => `${a}的频次建议根据${s}经营者的信用风险等级分类确定,不宜一刀切。`,
  () => "建议将“十个工作日”缩短为五个工作日,方便群众办事。",
  (s: string) => `对小微${s}经营者建议设置一定的过渡期,并由监管所上门指导。`,
  () => "第一章的适用范围表述不够清楚,是否包括网络经营,请予明确。",
  (s: string) => `建议增加消费者投诉${s}问题的处理时限和反馈方式。`,
  () => "处罚条款过于笼统,建议细化情形并与上位法衔接。",
  () => "赞同本办法,希望尽快出台实施。",
];

/** A public comment on a draft: one to three suggestions, about 20–120 characters. */
export function fakeComment(random: Random): string {
  const parts: string[] = [];
  const length = between(random, 1, 3);
  for (let i = 0; i < length; i++) {
    parts.push(pick(random, COMMENT_FORMS)(pick(random, SUBJECTS), pick(random, ACTIONS)));
  }
  return parts.join("");
}

const MESSAGE_FORMS = [
  (s: string, _a: string, p: string) => ({
    category: "inquiry" as const,
    subject: `${p}${s}经营许可办理咨询`,
    body: `您好,我准备在${p}开一家${s}店,请问办理经营许可需要准备哪些材料,多长时间能办好?`,
    reply: `您好!办理${s}经营许可可通过网上办事大厅或到县政务服务中心市场监管窗口申请,材料清单见办事指南,符合条件的当场或在法定期限内办结。感谢您的关注。`,
  }),
  (s: string, a: string, p: string) => ({
    category: "suggestion" as const,
    subject: `关于${p}${s}${a}的建议`,
    body: `建议在${p}加大${s}${a}力度,特别是学校周边和农村集市,定期公布检查结果。`,
    reply: `感谢您的建议。我局已将${p}学校周边和农村集市纳入${s}${a}重点,检查结果将在本网站“监督检查”栏目公开。`,
  }),
  (s: string, _a: string, p: string) => ({
    category: "complaint" as const,
    subject: `反映${p}某超市${s}问题`,
    body: `我在${p}一家超市购买的${s}临近保质期仍在销售,标签也不清楚,请有关部门核查。`,
    reply: `您反映的问题已转${p}市场监管所现场核查,对发现的问题已责令整改。涉及消费纠纷的,可通过全国12315平台投诉。`,
  }),
  (s: string, a: string) => ({
    category: "inquiry" as const,
    subject: `${s}${a}结果在哪里查询`,
    body: `请问县里的${s}${a}结果在网站哪个栏目可以查到?`,
    reply: `您好!${s}${a}结果在本网站“法定主动公开内容—监督检查”栏目发布,也可在首页搜索框输入关键词查询。`,
  }),
];

/** A 留言: its category, subject, body and the reply the bureau gave. */
export function fakeMessage(random: Random) {
  return pick(random, MESSAGE_FORMS)(
    pick(random, SUBJECTS),
    pick(random, ACTIONS),
    pick(random, PLACES),
  );
}
