// The demo content is a short history replayed through the real services, step by step, each
// step at its own instant: so versions, events, 索引号 and audit entries carry the story's dates
// and the audit log reads in time order.
import type { Kysely, Transaction } from "kysely";
import type { Role } from "../../accounts/roles";
import { findUserByUsername, rolesOf } from "../../accounts/store";
import { addCalendarDays, type IsoDate, type WorkCalendar } from "../../calendar/rules";
import type { DB } from "../../db/schema";
import type { RecordActor } from "../../records/service";

/** One dated step of the story. */
export interface StoryStep {
  at: Date;
  run(): Promise<void>;
}

/** Runs the steps in time order; steps at the same instant keep the order they were listed in. */
export async function playInOrder(steps: readonly StoryStep[]): Promise<void> {
  const ordered = [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of ordered) await step.run();
}

/** The instant of a wall-clock time ("09:30") in Asia/Shanghai on `date`. */
export function atShanghai(date: IsoDate, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The n-th working day before `date` (n ≥ 1), the mirror of calendar.addWorkdays. */
export function workdaysBefore(calendar: WorkCalendar, date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addCalendarDays(day, -1);
    if (calendar.isWorkday(day)) left--;
  }
  return day;
}

/** A demo account as the services see their actor (roles and unit from the database). */
export async function demoActor(
  db: Kysely<DB> | Transaction<DB>,
  username: string,
): Promise<RecordActor & { roles: Role[] }> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`demo account ${username} is missing (demo:site runs first)`);
  return {
    id: user.id,
    name: user.username,
    ip: "-",
    roles: await rolesOf(db, user.id),
    unitId: user.unit_id,
  };
}
