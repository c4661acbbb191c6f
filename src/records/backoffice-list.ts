// The back-office record list: its tabs (who sees which), its filters and its rows. Pure.
import type { Role } from "../accounts/roles";
import type { IsoDate, WorkCalendar } from "../calendar/rules";
import { type DueStatus, dueStatusOf, isPublishedLate } from "./due-dates";
import { genreLabel, isGenre } from "./genres";
import type { RecordFilter, RecordSummary } from "./service";
import type { RecordState } from "./tables";
import { recordStateLabels } from "./vocabulary";

export const LIST_TABS = ["mine", "review", "signoff", "published", "withdrawn", "all"] as const;
export type ListTab = (typeof LIST_TABS)[number];

const everyone: readonly Role[] = ["editor", "reviewer", "approver", "admin"];

export const listTabs: Record<ListTab, { label: string; roles: readonly Role[] }> = {
  mine: { label: "我的草稿", roles: ["editor"] },
  review: { label: "待审核", roles: ["reviewer"] },
  signoff: { label: "待签发", roles: ["approver"] },
  published: { label: "已发布", roles: everyone },
  withdrawn: { label: "已撤回", roles: everyone },
  all: { label: "全部", roles: everyone },
};

/** The tabs a user holding `roles` sees, in order. */
export function tabsFor(roles: readonly Role[]): ListTab[] {
  return LIST_TABS.filter((t) => listTabs[t].roles.some((r) => roles.includes(r)));
}

/** The tab asked for if this user has it; else the first of their work queues, else 全部. */
export function tabOf(asked: string | undefined, roles: readonly Role[]): ListTab {
  const mine = tabsFor(roles);
  const wanted = mine.find((t) => t === asked);
  if (wanted) return wanted;
  return mine.find((t) => t === "mine" || t === "review" || t === "signoff") ?? "all";
}

/** 待签发 also holds scheduled records: the 签发人 may still sign them now or send them back. */
function statesOf(tab: ListTab): RecordState | RecordState[] | undefined {
  switch (tab) {
    case "mine":
      return "draft";
    case "review":
      return "in_review";
    case "signoff":
      return ["awaiting_signoff", "scheduled"];
    case "published":
      return "published";
    case "withdrawn":
      return "withdrawn";
    case "all":
      return undefined;
    default: {
      const unreachable: never = tab;
      throw new Error(`未知的列表:${unreachable}`);
    }
  }
}

export interface ListFilters {
  catalogItemId?: number;
  genre?: string;
  unitId?: number;
}

const positiveId = (v: string | undefined) =>
  /^[1-9]\d{0,9}$/.test(v ?? "") ? Number(v) : undefined;

/** The filters of the list's query string (unknown values are ignored). */
export function listFiltersOf(query: Record<string, string>): ListFilters {
  return {
    catalogItemId: positiveId(query.catalogItem),
    genre: isGenre(query.genre ?? "") ? query.genre : undefined,
    unitId: positiveId(query.unit),
  };
}

export const PAGE_SIZE = 30;

/** The records service filter of a tab, its filters and a page (1-based). */
export function recordFilterOf(
  tab: ListTab,
  filters: ListFilters,
  userId: number,
  page: number,
): RecordFilter {
  const state = statesOf(tab);
  return {
    ...(state ? { state } : {}),
    ...(tab === "mine" ? { createdBy: userId } : {}),
    ...filters,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

export interface ListRow {
  id: number;
  title: string;
  docNo: string | null;
  genre: string;
  catalogItem: string;
  state: string;
  dueOn: string | null;
  /** 已超期/即将到期/逾期发布 in words; empty when nothing to say. */
  dueText: string;
  isDueWarning: boolean;
  updatedAt: string;
}

/** 应公开日期 in words: overdue or due soon for unpublished records, late for published ones. */
export function dueTextOf(
  r: Pick<RecordSummary, "state" | "dueOn" | "publishedOn">,
  today: IsoDate,
  calendar: WorkCalendar,
): string {
  if (!r.dueOn) return "";
  if (r.state === "published" || r.state === "withdrawn") {
    return r.publishedOn && isPublishedLate(r.publishedOn, r.dueOn) ? "逾期发布" : "";
  }
  return describeDueStatus(dueStatusOf(r.dueOn, today, calendar));
}

/** 已超期/即将到期 in words (empty when the date is not near). */
export function describeDueStatus(status: DueStatus): string {
  if (!status) return "";
  if (status.kind === "overdue") return `已超期 ${status.workdaysOverdue} 个工作日`;
  return status.workdaysLeft === 0
    ? "即将到期:今天到期"
    : `即将到期:还剩 ${status.workdaysLeft} 个工作日`;
}

/** One row of the list; `catalogItem` is the name of the item the record is filed under. */
export function listRowOf(
  r: RecordSummary,
  catalogItem: string,
  today: IsoDate,
  calendar: WorkCalendar,
): ListRow {
  const dueText = dueTextOf(r, today, calendar);
  return {
    id: r.id,
    title: r.title,
    docNo: r.docNo,
    genre: genreLabel(r.genre),
    catalogItem,
    state: recordStateLabels[r.state],
    dueOn: r.dueOn,
    dueText,
    isDueWarning: dueText !== "",
    updatedAt: r.updatedAt,
  };
}
