// XML text for feeds and the sitemap: the five special characters escaped and the characters
// XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) removed.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `value` safe inside an XML text node or a quoted attribute. */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
