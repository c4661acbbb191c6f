// The 索引号 part of the 信息公开指南 (条例第十二条: the 目录 lists each record's 索引), explained
// from the site's own pattern so the guide always matches the numbers the site hands out.
import { parseIndexNoPattern } from "../records/index-no";

export interface IndexNoPart {
  /** What the part looks like in an example. */
  sample: string;
  meaning: string;
}

export interface IndexNoExplanation {
  parts: IndexNoPart[];
  example: string;
  /** Whether serials restart each year (the pattern has {year}). */
  perYear: boolean;
}

/** The parts of the configured 索引号 pattern with their meaning, and an example for `year`. */
export function explainIndexNo(
  pattern: string,
  creditCode: string,
  year: number,
): IndexNoExplanation | null {
  const parsed = parseIndexNoPattern(pattern);
  if (!parsed.ok) return null;
  const perYear = parsed.segments.some((s) => s.type === "token" && s.token === "year");
  const parts = parsed.segments.map((s): IndexNoPart => {
    if (s.type === "literal") return { sample: s.text, meaning: "分隔符" };
    switch (s.token) {
      case "creditCode":
        return {
          sample: creditCode || "(统一社会信用代码)",
          meaning: "本机关的18位统一社会信用代码",
        };
      case "year":
        return { sample: String(year), meaning: "发布年份" };
      case "serial":
        return {
          sample: "1".padStart(s.width ?? 1, "0"),
          meaning: `${perYear ? "当年" : "本机关"}发布信息的流水号${s.width ? `,${s.width}位,不足补零` : ""}`,
        };
      case "unitCode":
        return { sample: "(单位代码)", meaning: "发布单位的代码" };
      default: {
        const unreachable: never = s.token;
        return unreachable;
      }
    }
  });
  return { parts, example: parts.map((p) => p.sample).join(""), perYear };
}
