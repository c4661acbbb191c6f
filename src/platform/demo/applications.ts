// Three demo 依申请公开 cases, filed and handled through the applications service as the demo
// 经办人, dated shortly before the first start so their clocks are live: one open within its
// period, one waiting for a 补正, one answered 予以公开 and delivered. Applicants are fictitious
// (演示申请人…) and use 其他身份证明 with a DEMO- number, never a real-looking 身份证号.
import type { Transaction } from "kysely";
import type { IsoDate, WorkCalendar } from "../../calendar/rules";
import type { DB } from "../../db/schema";
import type { ApplicationKeys } from "../../requests/applicant-data";
import { eventInputSchema } from "../../requests/event-schema";
import { addEvent, confirmReceipt } from "../../requests/events-service";
import {
  createOnlineApplication,
  onlineApplicant,
  registerApplication,
} from "../../requests/filing";
import type { CaseActor } from "../../requests/policy";
import { onlineApplicationSchema, staffApplicationSchema } from "../../requests/schema";
import { DEMO_MARK } from "./record-bodies";
import { atShanghai, type StoryStep, workdaysBefore } from "./story";

export interface ApplicationContext {
  calendar: WorkCalendar;
  today: IsoDate;
  keys: ApplicationKeys;
  officer: CaseActor;
  unitId(name: string): number;
  /** Receives each case's number and 查询码 (shown once, so the demo can try the public lookup). */
  filed(applicationNo: string, queryCode: string): void;
}

function applicant(letter: string, n: number) {
  return {
    kind: "natural_person",
    name: `演示申请人${letter}`,
    idType: "other",
    idNumber: `DEMO-000${n}`,
    phone: "0398-0000000",
    address: `渑池县城关镇示例路${n}号(演示地址)`,
  };
}

/** The steps of the three cases; `today` is the first start's date in Shanghai. */
export function demoApplicationSteps(trx: Transaction<DB>, c: ApplicationContext): StoryStep[] {
  const ids = new Map<string, number>();
  const before = (n: number) => workdaysBefore(c.calendar, c.today, n);
  const event = (key: string, date: IsoDate, time: string, fields: Record<string, unknown>) => {
    const at = atShanghai(date, time);
    return {
      at,
      run: async () => {
        const input = eventInputSchema.parse({ ...fields, date });
        await addEvent(trx, ids.get(key)!, input, { actor: c.officer, now: at });
      },
    };
  };
  const assign = (key: string, date: IsoDate, unit: string) =>
    event(key, date, "09:10", {
      type: "assign",
      unitId: c.unitId(unit),
      handlerId: c.officer.id,
    });

  const replied = before(25);
  const supplement = before(6);
  const online = before(4);
  return [
    {
      at: atShanghai(replied, "10:30"),
      run: async () => {
        const input = staffApplicationSchema.parse({
          applicant: applicant("甲", 1),
          requestedInfo: {
            name: "渑池县市场监督管理局2024年食品安全监督抽检计划",
            description: `2024年度全县食品安全监督抽检计划全文${DEMO_MARK}`,
          },
          deliveryForm: "paper",
          deliveryRoute: "pickup",
          channel: "in_person",
          receivedOn: replied,
        });
        const now = atShanghai(replied, "10:30");
        const filed = await registerApplication(trx, input, c.officer, { keys: c.keys, now });
        ids.set("replied", filed.id);
        c.filed(filed.applicationNo, filed.queryCode);
      },
    },
    assign("replied", c.calendar.addWorkdays(replied, 1), "食品生产股"),
    event("replied", c.calendar.addWorkdays(replied, 10), "15:00", {
      type: "reply",
      result: "results.disclosed",
      note: "予以公开,提供抽检计划纸质文本一份",
    }),
    event("replied", c.calendar.addWorkdays(replied, 11), "10:00", {
      type: "deliver",
      method: "in_person",
    }),
    {
      at: atShanghai(supplement, "10:00"),
      run: async () => {
        const input = staffApplicationSchema.parse({
          applicant: applicant("乙", 2),
          requestedInfo: { description: `关于某饭店的有关材料${DEMO_MARK}` },
          deliveryForm: "paper",
          deliveryRoute: "post",
          channel: "mail_signed",
          receivedOn: supplement,
        });
        const now = atShanghai(supplement, "10:00");
        const filed = await registerApplication(trx, input, c.officer, { keys: c.keys, now });
        ids.set("supplement", filed.id);
        c.filed(filed.applicationNo, filed.queryCode);
      },
    },
    // 条例第三十条: one notice, within 7 working days, listing everything to be supplied.
    event("supplement", c.calendar.addWorkdays(supplement, 2), "15:00", {
      type: "request_supplement",
      items: [
        "所需信息描述不明确:请写明所需信息的名称、文号,或者便于查询的其他特征性描述(如形成时间、涉及的经营者和事项)",
      ],
    }),
    {
      at: atShanghai(online, "20:15"),
      run: async () => {
        const input = onlineApplicationSchema.parse({
          applicant: applicant("丙", 3),
          requestedInfo: {
            name: "2025年全县学校食堂食品安全检查情况",
            description: `2025年秋季学期全县中小学校食堂食品安全检查发现的问题及整改情况${DEMO_MARK}`,
          },
          deliveryForm: "paper",
          deliveryRoute: "post",
        });
        const now = atShanghai(online, "20:15");
        const filed = await createOnlineApplication(trx, input, onlineApplicant("-"), {
          keys: c.keys,
          now,
        });
        ids.set("online", filed.id);
        c.filed(filed.applicationNo, filed.queryCode);
      },
    },
    {
      at: atShanghai(c.calendar.addWorkdays(online, 1), "09:00"),
      run: async () => {
        const on = c.calendar.addWorkdays(online, 1);
        await confirmReceipt(trx, ids.get("online")!, on, {
          actor: c.officer,
          now: atShanghai(on, "09:00"),
        });
      },
    },
    assign("online", c.calendar.addWorkdays(online, 1), "食品经营股"),
  ];
}
