// Rich-text bodies are cleaned ON THE WAY IN: what is stored is already safe to render, so no page
// has to remember to sanitise. An allow-list: everything not named here is removed.
import sanitizeHtml from "sanitize-html";

const allowedTags = [
  "p",
  "h2",
  "h3",
  "h4",
  "strong",
  "em",
  "u",
  "ol",
  "ul",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "a",
  "img",
  "br",
  "blockquote",
];

// alt keeps images accessible; colspan/rowspan/scope keep tables readable. None can run code.
const allowedAttributes = {
  a: ["href"],
  img: ["src", "alt"],
  th: ["colspan", "rowspan", "scope"],
  td: ["colspan", "rowspan"],
};

/** An image may come from our own uploads (/files/…) or over https, nowhere else. */
export function isAllowedImageSource(src: string | undefined): boolean {
  if (!src) return false;
  if (/[\s\\]/.test(src) || src.includes("..")) return false;
  return /^\/files\/[^/]/.test(src) || /^https:\/\/[^/]/i.test(src);
}

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes,
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // The content of these is dropped with the tag, not kept as text.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "template",
  ],
  exclusiveFilter: (frame) => frame.tag === "img" && !isAllowedImageSource(frame.attribs.src),
  transformTags: {
    // Text pasted from word processors: keep its structure in the allowed vocabulary.
    div: "p",
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    // A link must have a scheme from the list: relative and scheme-less hrefs are dropped.
    a: (tagName, original) => {
      const href = original.href?.trim() ?? "";
      const attribs: sanitizeHtml.Attributes = /^(https?:\/\/|mailto:)/i.test(href) ? { href } : {};
      return { tagName, attribs };
    },
  },
};

/** The body as stored: only the allowed tags and attributes, no script, style, handlers or unsafe URLs. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options).trim();
}

const BLOCK_END = /<\/(p|h2|h3|h4|li|tr|blockquote|table|ol|ul)>|<br\s*\/?>/gi;
const CELL_END = /<\/(td|th)>/gi;

/**
 * Plain text of a sanitised body, for search and proofreading: blocks become lines, cells are
 * separated by a tab, entities are decoded and runs of blank lines collapsed.
 */
export function bodyTextOf(safeHtml: string): string {
  const text = safeHtml
    .replace(BLOCK_END, "\n")
    .replace(CELL_END, "\t")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&amp;/g, "&");
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/g, "").replace(/^[ ]+/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
