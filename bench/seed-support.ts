// What the scale-data generators share: a progress bar and plain date arithmetic.
import type { Random } from "./text";

/** A one-line progress bar on stderr: done/total, rate and time left. */
export function progress(label: string, total: number) {
  const started = Date.now();
  let last = 0;
  return (done: number) => {
    const now = Date.now();
    if (done < total && now - last < 500) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const left = rate > 0 ? (total - done) / rate : 0;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ` +
        `${Math.round(rate)}/s, ${Math.round(left)} s left   ${done >= total ? "\n" : ""}`,
    );
  };
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export const addDays = (date: string, days: number) =>
  isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

/** A date in the last `years` years before `today`, uniform. */
export function randomDate(random: Random, today: string, years: number): string {
  return addDays(today, -Math.floor(random() * years * 365));
}

/** The instant `hh:mm` on a Shanghai date, as stored (ISO, UTC). */
export function shanghaiInstant(date: string, hour: number, minute: number): string {
  const hh = String(hour).padStart(2, "0");
  const mm = String(minute).padStart(2, "0");
  return new Date(`${date}T${hh}:${mm}:00+08:00`).toISOString();
}
