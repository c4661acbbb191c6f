// 简繁切换: the portal's pages in traditional characters, converted on the server from the
// simplified text the site is written in.
//
// Conversion is OpenCC `cn → tw` (s2tw): character forms only, no phrase substitution. Government
// text must keep its wording, so the phrase presets are wrong here (`twp` rewrites 信息 → 資訊,
// 发布 → 釋出, 打印 → 列印, which would change the names of legal terms such as 政府信息公开);
// `tw` gives the glyph forms most readers of traditional text expect (為, 著, 裡), whereas the
// OpenCC-standard `t` produces forms such as 爲, 着, 裏. The search box reads any of these back
// (src/search/segment.ts converts queries hk → cn, which also accepts the tw forms).
import { Converter, type ConverterFunction } from "opencc-js/cn2t";

// Building the converter takes ~0.2 s (the dictionaries become tries): once per process, on the
// first traditional page.
let converter: ConverterFunction | null = null;

/** Converted strings (text nodes and attributes repeat across pages: menus, footer, labels). */
const converted = new Map<string, string>();
const MAX_CACHED_STRINGS = 20_000;
/** Longer strings (record bodies) are cached as whole pages by the page cache instead. */
const MAX_CACHED_LENGTH = 400;

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;

/** Simplified → traditional (Taiwan forms, characters only). Text without Han characters is returned as is. */
export function toTraditional(text: string): string {
  if (!HAN.test(text)) return text;
  const cacheable = text.length <= MAX_CACHED_LENGTH;
  if (cacheable) {
    const hit = converted.get(text);
    if (hit !== undefined) return hit;
  }
  converter ??= Converter({ from: "cn", to: "tw" });
  const out = converter(text);
  if (cacheable) {
    // Dropping everything at the bound is crude but O(1); the working set (page chrome) refills at once.
    if (converted.size >= MAX_CACHED_STRINGS) converted.clear();
    converted.set(text, out);
  }
  return out;
}

/** Attributes a person reads. URLs, ids, names, classes and form values are left alone. */
const READABLE_ATTRIBUTES = new Set([
  "title",
  "alt",
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "label",
]);
/** `value` is shown (and never parsed back by the server) only on these buttons. */
const BUTTON_INPUT_TYPE = /\btype\s*=\s*["']?(submit|button|reset)\b/i;
/** `<meta name="description" content="…">` is read by people in search results. */
const READABLE_META = /\bname\s*=\s*["']?(description|keywords)\b/i;

// Elements whose content is code or a value the server parses back: copied unchanged.
const RAW_ELEMENT = /^<(script|style|textarea)\b/i;
const TOKEN = /<!--[\s\S]*?-->|<[^>]*>|[^<]+/g;
const ATTRIBUTE = /(\s)([^\s"'=<>/`]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/g;

function convertTag(tag: string): string {
  if (tag.startsWith("</") || tag.startsWith("<!")) return tag;
  const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag)?.[1]?.toLowerCase();
  if (!name) return tag;
  if (name === "html") return tag.replace(/\blang\s*=\s*"zh-CN"/i, 'lang="zh-Hant"');
  const buttonValue = name === "input" && BUTTON_INPUT_TYPE.test(tag);
  const metaContent = name === "meta" && READABLE_META.test(tag);
  return tag.replace(ATTRIBUTE, (whole, space: string, attr: string, eq: string, value: string) => {
    const lower = attr.toLowerCase();
    const readable =
      READABLE_ATTRIBUTES.has(lower) ||
      (buttonValue && lower === "value") ||
      (metaContent && lower === "content");
    return readable ? `${space}${attr}${eq}${toTraditional(value)}` : whole;
  });
}

/**
 * Converts an HTML document produced by our own layouts (hono/jsx escapes `<` and `>` inside
 * attribute values, and rich text went through sanitize-html, so a tag never contains `>`):
 * text content and readable attributes become traditional; `<html lang>` becomes zh-Hant.
 * An `<option>` without a value submits its text, so the original text is kept as its value.
 */
export function htmlToTraditional(html: string): string {
  const out: string[] = [];
  let rawUntil: string | null = null;
  let pendingOption: number | null = null;
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    if (rawUntil !== null) {
      out.push(token);
      if (token.toLowerCase().startsWith(rawUntil)) rawUntil = null;
      continue;
    }
    if (token.startsWith("<")) {
      const raw = RAW_ELEMENT.exec(token);
      if (raw) {
        out.push(token);
        rawUntil = `</${raw[1]!.toLowerCase()}`;
        continue;
      }
      pendingOption = null;
      if (/^<option\b/i.test(token) && !/\svalue\s*=/i.test(token)) pendingOption = out.length;
      out.push(convertTag(token));
      continue;
    }
    if (pendingOption !== null) {
      const tag = out[pendingOption]!;
      const value = token.replaceAll('"', "&quot;");
      out[pendingOption] = `${tag.slice(0, tag.length - 1)} value="${value}">`;
      pendingOption = null;
    }
    out.push(toTraditional(token));
  }
  return out.join("");
}
