// Chinese labels of stored keys for the public pages (a key no longer listed shows as itself).
import {
  type Openness,
  opennessLabels,
  type Validity,
  validityLabels,
} from "../records/vocabulary";

export { genreLabel } from "../records/genres";

export function validityLabel(value: string): string {
  return validityLabels[value as Validity] ?? value;
}

export function opennessLabel(value: string): string {
  return opennessLabels[value as Openness] ?? value;
}

/** YYYY-MM-DD as 2025年3月3日. */
export function chineseDate(isoDate: string | null): string {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!m) return "";
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A file size as 12.3 KB / 1.2 MB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
