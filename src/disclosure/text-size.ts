// 字号 大/中/小 on the record page without JavaScript: the links carry ?size=l|m|s, the page
// applies it as a class and remembers it in a cookie for the next record.

export const TEXT_SIZES = ["l", "m", "s"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const textSizeLabels: Record<TextSize, string> = { l: "大", m: "中", s: "小" };
export const TEXT_SIZE_COOKIE = "gk_text_size";

function isTextSize(value: string | undefined): value is TextSize {
  return (TEXT_SIZES as readonly (string | undefined)[]).includes(value);
}

/** The size asked for in the query, else the remembered one, else 中; `remember` when asked. */
export function chooseTextSize(
  query: string | undefined,
  cookie: string | undefined,
): { size: TextSize; remember: boolean } {
  if (isTextSize(query)) return { size: query, remember: query !== cookie };
  return { size: isTextSize(cookie) ? cookie : "m", remember: false };
}
