import calendarFile from "./data/cn-work-calendar.json" with { type: "json" };
import { type CalendarData, calendarDataFromJson } from "./rules";

/** The State Council schedules shipped with the product (2019–2026), parsed once when first imported. */
export const officialCalendarData: CalendarData = calendarDataFromJson(calendarFile);
