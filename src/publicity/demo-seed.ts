// Demo 双公示 entries (GONGKAI_DEMO, empty database only), every name marked 演示: ten licences and
// six penalties over this year and the last, one natural person (published masked) and one
// licence whose validity has ended (kept, but no longer public).
import { addCalendarDays, type IsoDate, todayInShanghai } from "../calendar/rules";
import { systemActor } from "../platform/audit";
import { personalDataKey } from "../platform/crypto";
import type { Seeder } from "../platform/seed";
import { creditCodeCheckChar } from "./identity-checks";
import {
  addMonths,
  type LicenceRaw,
  type PenaltyRaw,
  periodKindOfPenalty,
  periodSettingOf,
  publicityEndsOn,
} from "./rules";
import { importLicences, importPenalties } from "./service";
import { loadPeriodSettings } from "./store";

const AUTHORITY = "渑池县市场监督管理局(演示)";

/** A valid-looking 统一社会信用代码 for demo company n (check digit computed, not a real company). */
export function demoCreditCode(n: number): string {
  const first17 = `91411221MA${String(4400000 + n).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
}

const LICENCE_PLANS: {
  name: string;
  content: string;
  daysAgo: number;
  years: number;
  person?: boolean;
}[] = [
  { name: "仰韶酒业", content: "食品生产许可:白酒(固态法白酒)", daysAgo: 8, years: 5 },
  { name: "韶峰面粉", content: "食品生产许可:小麦粉", daysAgo: 20, years: 5 },
  {
    name: "黄河鲜果超市",
    content: "食品经营许可:预包装食品销售(含冷藏冷冻食品)",
    daysAgo: 35,
    years: 5,
  },
  {
    name: "城关便民药房",
    content: "药品零售许可:中成药、化学药制剂、抗生素制剂",
    daysAgo: 60,
    years: 5,
  },
  { name: "渑池老街餐饮", content: "食品经营许可:热食类食品制售", daysAgo: 95, years: 5 },
  {
    name: "个体:王记小吃",
    content: "食品经营许可:小餐饮(热食类食品制售)",
    daysAgo: 130,
    years: 5,
    person: true,
  },
  { name: "仁和大药房", content: "药品零售许可:中药饮片、化学药制剂", daysAgo: 180, years: 5 },
  { name: "天池乳业", content: "食品生产许可:液体乳(巴氏杀菌乳)", daysAgo: 250, years: 5 },
  { name: "果园食品", content: "食品生产许可:罐头(水果类罐头)", daysAgo: 330, years: 5 },
  // Validity ended: kept for the annual report, no longer public.
  { name: "临时展销会", content: "食品经营许可:预包装食品销售(临时)", daysAgo: 400, years: 0 },
];

const PENALTY_PLANS: {
  name: string;
  facts: string;
  content: string;
  daysAgo: number;
  kind?: "coercion";
  minor?: boolean;
}[] = [
  {
    name: "黄河鲜果超市",
    facts: "销售超过保质期的预包装食品",
    content: "没收违法所得并处罚款5000元",
    daysAgo: 15,
  },
  {
    name: "渑池老街餐饮",
    facts: "从业人员未取得健康证明从事接触直接入口食品的工作",
    content: "警告",
    daysAgo: 45,
    minor: true,
  },
  { name: "城关便民药房", facts: "未凭处方销售处方药", content: "罚款10000元", daysAgo: 90 },
  {
    name: "某食品加工点",
    facts: "涉嫌使用非食品原料生产食品",
    content: "查封生产场所、扣押相关原料",
    daysAgo: 120,
    kind: "coercion",
  },
  { name: "韶峰面粉", facts: "生产的小麦粉标签不符合规定", content: "罚款3000元", daysAgo: 200 },
  { name: "果园食品", facts: "未按规定进行出厂检验", content: "罚款20000元", daysAgo: 370 },
];

const demoName = (name: string) => `演示·${name}有限公司`;

export const publicityDemoSeeder: Seeder = {
  name: "demo:publicity",
  demo: true,
  async run(ctx) {
    const { db, config, now } = ctx;
    if (!config.secret) return;
    const today = todayInShanghai(now);
    const ago = (days: number): IsoDate => addCalendarDays(today, -days);
    const serviceCtx = {
      actor: { ...systemActor, roles: ["admin" as const] },
      key: personalDataKey(config.secret),
      now,
    };
    const licences = LICENCE_PLANS.map((p, i): { where: string; raw: LicenceRaw } => {
      const decidedOn = ago(p.daysAgo);
      const validTo =
        p.years > 0 ? addCalendarDays(addMonths(decidedOn, p.years * 12), -1) : ago(30);
      return {
        where: `演示第${i + 1}条`,
        raw: {
          licenceNo: `演示JY${String(14112210000000 + i)}`,
          subjectName: p.person ? "王小明" : demoName(p.name),
          subjectType: p.person ? "个体工商户" : "",
          creditCode: p.person ? "" : demoCreditCode(i),
          legalRep: p.person ? "王小明" : "张演示",
          content: `${p.content}(演示数据)`,
          decidedOn,
          validFrom: decidedOn,
          validTo,
          authority: AUTHORITY,
        },
      };
    });
    const penalties = PENALTY_PLANS.map((p, i): { where: string; raw: PenaltyRaw } => ({
      where: `演示第${i + 1}条`,
      raw: {
        decisionNo: `演示渑市监${p.kind ? "强制" : "处罚"}〔${ago(p.daysAgo).slice(0, 4)}〕${i + 1}号`,
        kind: p.kind ?? "penalty",
        minor: p.minor ? "是" : "否",
        subjectName: demoName(p.name),
        creditCode: demoCreditCode(100 + i),
        legalRep: "李演示",
        facts: `${p.facts}(演示数据)`,
        basis: "《中华人民共和国食品安全法》(演示数据)",
        content: p.content,
        decidedOn: ago(p.daysAgo),
        authority: AUTHORITY,
      },
    }));
    const l = await importLicences(db, licences, serviceCtx, { source: "demo" });
    const pe = await importPenalties(db, penalties, serviceCtx, { source: "demo" });
    if (!l.ok || !pe.ok) {
      throw new Error(
        `demo publicity refused: ${[...(l.ok ? [] : l.messages), ...(pe.ok ? [] : pe.messages)].join("; ")}`,
      );
    }
    // Demo entries are shown as published a few days after their decision, as a bureau would.
    await db.transaction().execute(async (trx) => {
      const settings = await loadPeriodSettings(trx);
      for (const r of await trx
        .selectFrom("publicity_licences")
        .select(["id", "decided_on", "valid_to"])
        .where("source", "=", "demo")
        .execute()) {
        const publishedOn = addCalendarDays(r.decided_on, 3);
        await trx
          .updateTable("publicity_licences")
          .set({
            published_on: publishedOn,
            published_at: `${publishedOn}T02:00:00.000Z`,
            publicity_ends_on: publicityEndsOn(periodSettingOf("licence", settings), {
              publishedOn,
              validTo: r.valid_to,
            }),
          })
          .where("id", "=", r.id)
          .execute();
      }
      for (const r of await trx
        .selectFrom("publicity_penalties")
        .select(["id", "decided_on", "kind", "minor"])
        .where("source", "=", "demo")
        .execute()) {
        const publishedOn = addCalendarDays(r.decided_on, 3);
        const kind = periodKindOfPenalty(r.kind as "penalty" | "coercion", r.minor === 1);
        await trx
          .updateTable("publicity_penalties")
          .set({
            published_on: publishedOn,
            published_at: `${publishedOn}T02:00:00.000Z`,
            publicity_ends_on: publicityEndsOn(periodSettingOf(kind, settings), {
              publishedOn,
              validTo: null,
            }),
          })
          .where("id", "=", r.id)
          .execute();
      }
    });
    ctx.logger.info("demo publicity seeded", {
      licences: licences.length,
      penalties: penalties.length,
    });
  },
};
