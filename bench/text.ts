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
