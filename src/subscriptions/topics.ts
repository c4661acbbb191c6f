// What one can subscribe to, and the mails: pure (no I/O), tested in topics.test.ts.

import { SITE_URL } from "../platform/mail/rules";
import { GENRES, type Genre, genreLabel, isGenre } from "../records/genres";

/** A subscription topic: a catalog item, a 体裁 (办事指南 is the genre serviceGuide), or 意见征集. */
export type Topic =
  | { topic: "catalogItem"; ref: string }
  | { topic: "genre"; ref: Genre }
  | { topic: "consultations"; ref: "" };

/** Form values: "consultations", "genre:<key>", "catalogItem:<id>". */
export function parseTopic(value: string): Topic | null {
  if (value === "consultations") return { topic: "consultations", ref: "" };
  const [kind, ref = ""] = value.split(":", 2);
  if (kind === "genre" && isGenre(ref)) return { topic: "genre", ref };
  if (kind === "catalogItem" && /^[1-9]\d{0,9}$/.test(ref)) return { topic: "catalogItem", ref };
  return null;
}

export function topicValue(t: { topic: string; ref: string }): string {
  return t.topic === "consultations" ? "consultations" : `${t.topic}:${t.ref}`;
}

/** The label people read; `catalogItemName` resolves a catalog item id. */
export function topicLabel(
  t: { topic: string; ref: string },
  catalogItemName: (id: string) => string | undefined = () => undefined,
): string {
  if (t.topic === "consultations") return "意见征集(新开始征集意见的事项)";
  if (t.topic === "genre" && t.ref === "serviceGuide") return "办事指南(全部)";
  if (t.topic === "genre") return `体裁:${genreLabel(t.ref)}`;
  return `目录事项:${catalogItemName(t.ref) ?? `第${t.ref}项`}`;
}

/** Genres offered as their own checkboxes (办事指南 has its own, above them). */
export const GENRE_CHOICES: readonly Genre[] = GENRES.filter(
  (g) => g !== "serviceGuide" && g !== "other",
);

/** Confirmation links stay valid this long (double opt-in). */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const confirmPath = (token: string) => `/subscriptions/confirm/${token}`;
export const unsubscribePath = (token: string) => `/subscriptions/unsubscribe/${token}`;

export interface MailParts {
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

const footer = "本邮件由系统自动发送,请勿直接回复。";

/** The double opt-in mail: nothing is sent to the address until the link is followed. */
export function confirmationMail(input: {
  siteName: string;
  topics: string[];
  token: string;
}): MailParts {
  return {
    subject: `请确认订阅${input.siteName}的信息提醒`,
    text: [
      "您好:",
      "",
      `有人(可能是您本人)在${input.siteName}用本邮箱订阅了以下信息提醒:`,
      ...input.topics.map((t) => `  · ${t}`),
      "",
      "如确认订阅,请在7日内打开以下链接并点击“确认订阅”:",
      `${SITE_URL}${confirmPath(input.token)}`,
      "",
      "如果不是您本人操作,请忽略本邮件,您不会收到任何提醒。",
      footer,
    ].join("\n"),
  };
}

/** RFC 8058 one-click unsubscribe, plus the link in the text of every notification. */
export function unsubscribeHeaders(token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${SITE_URL}${unsubscribePath(token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

function withUnsubscribe(lines: string[], token: string): string {
  return [
    ...lines,
    "",
    `不想再收到此类提醒?退订:${SITE_URL}${unsubscribePath(token)}`,
    footer,
  ].join("\n");
}

/** A record matching the subscription was published. */
export function recordPublishedMail(input: {
  siteName: string;
  topic: string;
  recordId: number;
  title: string;
  publishedOn: string | null;
  publisher: string;
  token: string;
}): MailParts {
  return {
    subject: `【信息提醒】${input.title}`.slice(0, 200),
    text: withUnsubscribe(
      [
        `您在${input.siteName}订阅的“${input.topic}”有新发布的政府信息:`,
        "",
        input.title,
        `发布机构:${input.publisher}`,
        ...(input.publishedOn ? [`发布日期:${input.publishedOn}`] : []),
        `查看全文:${SITE_URL}/records/${input.recordId}`,
      ],
      input.token,
    ),
    headers: unsubscribeHeaders(input.token),
  };
}

/** A consultation (意见征集) was opened. `url` is a site path or an absolute URL. */
export function consultationOpenedMail(input: {
  siteName: string;
  title: string;
  url: string;
  token: string;
}): MailParts {
  const link = input.url.startsWith("/") ? `${SITE_URL}${input.url}` : input.url;
  return {
    subject: `【意见征集】${input.title}`.slice(0, 200),
    text: withUnsubscribe(
      [`${input.siteName}开始征集意见:`, "", input.title, `查看并提出意见:${link}`],
      input.token,
    ),
    headers: unsubscribeHeaders(input.token),
  };
}

/** Lower-cased and trimmed: the same mailbox gives the same hash. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
