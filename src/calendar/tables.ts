/** One day corrected by an administrator; wins over every schedule. */
export interface CalendarOverridesTable {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 1 = working day, 0 = day off */
  workday: number;
  name: string | null;
  /** Why the day was corrected (also in the audit log). */
  reason: string;
  created_at: string;
  created_by: number | null;
}

/** A whole year's schedule imported by an administrator (the year becomes non-provisional). */
export interface CalendarImportedYearsTable {
  year: number;
  /** JSON array of 'YYYY-MM-DD' days off, weekend days inside a holiday block included. */
  holidays: string;
  /** JSON array of 'YYYY-MM-DD' 调休 working weekend days. */
  adjusted_workdays: string;
  /** JSON object date → festival name. */
  names: string;
  imported_at: string;
  imported_by: number | null;
}

export interface CalendarTables {
  calendar_overrides: CalendarOverridesTable;
  calendar_imported_years: CalendarImportedYearsTable;
}
