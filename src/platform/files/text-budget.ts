/** Bounds on text extraction, so one upload cannot hold a request for long or fill memory. */
export interface TextLimits {
  /** Most characters kept (2 Mi by default); the rest is cut off. */
  maxChars: number;
  /** Time allowed in milliseconds (5 s by default); what was found so far is kept. */
  maxMillis: number;
  /** A monotonic clock in milliseconds; tests pass a fake one. */
  clock: () => number;
}

export const defaultTextLimits: TextLimits = {
  maxChars: 2 * 1024 * 1024,
  maxMillis: 5000,
  clock: () => performance.now(),
};

/** Collects text pieces until the character or time budget runs out. */
export class TextBudget {
  private readonly parts: string[] = [];
  private chars = 0;
  private readonly deadline: number;

  constructor(private readonly limits: TextLimits) {
    this.deadline = limits.clock() + limits.maxMillis;
  }

  /** False once either limit is reached: stop looking for more. */
  get hasRoom(): boolean {
    return this.chars < this.limits.maxChars && this.limits.clock() < this.deadline;
  }

  add(text: string): void {
    if (!text || this.chars >= this.limits.maxChars) return;
    const room = this.limits.maxChars - this.chars;
    const piece = text.length > room ? text.slice(0, room) : text;
    this.parts.push(piece);
    this.chars += piece.length;
  }

  /** The collected pieces joined by `separator`, trimmed; null when empty. */
  result(separator: string): string | null {
    const text = this.parts.join(separator).trim();
    return text ? text.slice(0, this.limits.maxChars) : null;
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref] ?? whole;
    const code =
      ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
