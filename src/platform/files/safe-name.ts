/** Longest file name kept, in characters (code points), extension included. */
export const MAX_NAME_LENGTH = 120;

// C0/C1 controls, bidi overrides and isolates (which can make "x.exe" display as "x.pdf"),
// zero-width marks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Characters Windows or shells treat specially; `%` stays (a name may say "增长50%").
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * A file name safe to store and to offer for download: no folders (`/` or `\`, also when
 * percent-encoded), no control or reserved characters, no leading dots, at most 120 characters,
 * Chinese kept. Returns "" when nothing usable is left.
 */
export function cleanFileName(name: string): string {
  let s = decodePercent(name).normalize("NFC");
  s = s.split(/[/\\]/).pop() ?? "";
  s = s.replace(INVISIBLE, "").replace(RESERVED, "");
  s = s.replace(/\s+/g, " ").trim();
  s = s.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (!s) return "";
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;
  return truncateName(s);
}

/** The lower-case extension of a cleaned name, without the dot; "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** The name with its extension written in lower case ("报告.PDF" → "报告.pdf"). */
export function withLowerExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) + name.slice(dot).toLowerCase() : name;
}

// Undo (possibly repeated) percent-encoding so "%2e%2e%2f" cannot hide a path; names that are
// not valid percent-encoding (a literal "50%") are left as they are.
function decodePercent(name: string): string {
  let s = name;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(s); i++) {
    try {
      s = decodeURIComponent(s);
    } catch {
      break;
    }
  }
  return s;
}

function truncateName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length >= 20) return chars.slice(0, MAX_NAME_LENGTH).join("").trim();
  const base = Array.from(name.slice(0, dot));
  return (
    base
      .slice(0, MAX_NAME_LENGTH - ext.length)
      .join("")
      .trimEnd() + ext.join("")
  );
}
