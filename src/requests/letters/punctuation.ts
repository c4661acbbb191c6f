// 公文 use full-width punctuation in Chinese text (,→，  :→：  ;→；  ()→（）). Templates and
// values may be typed with half-width marks; letters convert a mark when it stands next to
// Chinese, and a closing bracket when its opening one was converted, so “YSQ-2025-00001”,
// “10:30” or “1,000” stay as they are. Pure. Written as escapes so both forms stay visible.

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ",": "\uff0c",
  ":": "\uff1a",
  ";": "\uff1b",
  "!": "\uff01",
  "?": "\uff1f",
  "(": "\uff08",
  ")": "\uff09",
};

/** CJK characters, CJK punctuation, full-width forms and Chinese quotation marks. */
const CHINESE = /[\u2018-\u201d\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

const isChinese = (ch: string | undefined) => ch !== undefined && CHINESE.test(ch);

/** The text with half-width punctuation next to Chinese made full-width. */
export function chinesePunctuation(text: string): string {
  const input = [...text];
  const out: string[] = [];
  const opened: boolean[] = [];
  input.forEach((ch, i) => {
    const full = FULL_WIDTH[ch];
    if (!full) {
      out.push(ch);
      return;
    }
    const besideChinese = isChinese(out.at(-1)) || isChinese(input[i + 1]);
    if (ch === "(") {
      opened.push(besideChinese);
      out.push(besideChinese ? full : ch);
    } else if (ch === ")") {
      const pairedFull = opened.pop();
      out.push((pairedFull ?? besideChinese) ? full : ch);
    } else {
      out.push(besideChinese ? full : ch);
    }
  });
  return out.join("");
}
