import type { DashboardNotice } from "../accounts/dashboard";
import type { IsoDate } from "./rules";
import type { Db } from "./store";
import { missingScheduleYears } from "./store";

/** The warning shown while a year's State Council schedule has not been imported. */
export function missingScheduleText(year: number): string {
  return `${year}年节假日安排尚未导入,${year}年的日期按周末推算(provisional)`;
}

/** Dashboard warnings for administrators: years whose schedule is missing and matters now. */
export async function calendarNotices(db: Db, today: IsoDate): Promise<DashboardNotice[]> {
  const years = await missingScheduleYears(db, today);
  return years.map((year) => ({ text: missingScheduleText(year), href: "/admin/calendar#import" }));
}
