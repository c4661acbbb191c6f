// Encoding damage in Chinese text that a dictionary cannot list: U+FFFD, full-width punctuation
// decoded with the wrong code page ("?。ǘ?020年" for "(二)2020年"), Latin-1 garbage, and the
// pinyin annotations scraped portals add after characters ("監(jiān)").

/** A stretch of damaged text; `suggestion` "" means "delete", null means "restore by hand". */
export interface MojibakeSpan {
  start: number;
  end: number;
  suggestion: string | null;
  reason: string;
}

const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
const PINYIN = new RegExp(`[(\uff08][a-zü]*[${TONED}][a-zü]*[)\uff09]`, "g");
const CJK_CONTEXT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Latin-1 letters and symbols that do not belong in Chinese prose (° ± ² ³ µ · × ÷ § ¥ © ® kept). */
const LATIN_GARBAGE =
  /[\u00a1-\u00a4\u00a6\u00a8\u00aa-\u00ad\u00af\u00b4\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
/** Box drawing and bopomofo: never in a simplified-Chinese record, typical of GBK/Big5 confusion. */
const ALWAYS_GARBAGE = /[\u2500-\u257f\u3100-\u312f\ufffd]/;
/** Seeds closer than this many ordinary characters belong to one damaged stretch. */
const MAX_GAP = 2;

/** Pinyin annotations such as "(jiān)" (tone marks required, so "(a)" is not one). */
export function findPinyinAnnotations(text: string): MojibakeSpan[] {
  return [...text.matchAll(PINYIN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    suggestion: "",
    reason: "拼音注音(转载页面残留),应删除",
  }));
}

/**
 * Damaged stretches outside the given pinyin spans: U+FFFD, box drawing, bopomofo, Latin-1
 * garbage in a text that contains Chinese, and a half-width "?" next to Chinese or garbage
 * (a lost full-width character). Nearby seeds on one line merge into one span.
 */
export function findGarbledRuns(text: string, skip: readonly MojibakeSpan[] = []): MojibakeSpan[] {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of chars) {
    offsets.push(offset);
    offset += ch.length;
  }
  offsets.push(offset);
  const skippedUnits = new Uint8Array(text.length);
  for (const s of skip) skippedUnits.fill(1, s.start, s.end);
  const skipped = (i: number) => skippedUnits[offsets[i]!] === 1;
  const chinese = /\p{Script=Han}/u.test(text);
  const isGarbage = (ch: string | undefined) =>
    ch !== undefined && (ALWAYS_GARBAGE.test(ch) || (chinese && LATIN_GARBAGE.test(ch)));
  const isSeed = (i: number): boolean => {
    const ch = chars[i]!;
    if (skipped(i)) return false;
    if (isGarbage(ch)) return true;
    if (ch !== "?") return false;
    const around = [chars[i - 1], chars[i + 1]];
    return around.some((c) => c !== undefined && (CJK_CONTEXT.test(c) || isGarbage(c)));
  };

  const spans: MojibakeSpan[] = [];
  let runStart = -1;
  let runEnd = -1;
  const close = () => {
    if (runStart < 0) return;
    spans.push({
      start: offsets[runStart]!,
      end: offsets[runEnd + 1]!,
      suggestion: null,
      reason: chars.slice(runStart, runEnd + 1).includes("\ufffd")
        ? "替换字符 U+FFFD:原文编码已损坏,需按原件恢复"
        : "疑似乱码(字符按错误的编码解码),需按原件恢复",
    });
    runStart = -1;
  };
  chars.forEach((ch, i) => {
    if (ch === "\n") close();
    if (!isSeed(i)) return;
    if (runStart >= 0 && i - runEnd - 1 > MAX_GAP) close();
    if (runStart < 0) runStart = i;
    runEnd = i;
  });
  close();
  return spans;
}
