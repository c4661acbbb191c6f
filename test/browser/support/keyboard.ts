// Keyboard-only driving: Tab / Shift+Tab through the page, checking at every stop that the
// focused element shows a visible focus indicator (WCAG 2.4.7).
import type { Page } from "playwright-core";

export interface FocusStop {
  /** e.g. `a.skip-link "跳到主要内容"`, `input#f-username` */
  describe: string;
  id: string;
  tag: string;
  /** Matches :focus-visible and has a non-none outline or box-shadow. */
  visible: boolean;
  /** Inside <main id="main">. */
  inMain: boolean;
  /** Whether its box is inside the viewport (a focused element must be on screen). */
  onScreen: boolean;
  style: string;
}

const focusScript = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) {
    return { describe: "body", id: "", tag: "body", visible: false, inMain: false, onScreen: false, style: "" };
  }
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
  const r = el.getBoundingClientRect();
  let d = el.tagName.toLowerCase();
  if (el.id) d += "#" + el.id;
  if (el.classList.length) d += "." + [...el.classList].join(".");
  const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30);
  if (text && el.tagName !== "INPUT") d += ' "' + text + '"';
  return {
    describe: d,
    id: el.id,
    tag: el.tagName.toLowerCase(),
    visible: el.matches(":focus-visible") && (outline || shadow),
    inMain: !!el.closest("#main"),
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
      r.top < window.innerHeight && r.left < window.innerWidth,
    style: "outline " + cs.outlineStyle + " " + cs.outlineWidth + "; box-shadow " + cs.boxShadow,
  };
})()`;

/** What has keyboard focus now. */
export async function focused(page: Page): Promise<FocusStop> {
  return (await page.evaluate(focusScript)) as FocusStop;
}

/** Fails unless the focused element shows a visible focus indicator and is on screen. */
export function assertFocusVisible(stop: FocusStop): void {
  if (!stop.visible) {
    throw new Error(`focus is not visible on ${stop.describe} (${stop.style})`);
  }
  if (!stop.onScreen) throw new Error(`the focused element ${stop.describe} is off screen`);
}

/** Presses Tab (or Shift+Tab) once and returns the new focus stop, checked for visibility. */
export async function tab(page: Page, options: { back?: boolean } = {}): Promise<FocusStop> {
  await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
  const stop = await focused(page);
  assertFocusVisible(stop);
  return stop;
}

/**
 * Tabs until the element matching `selector` has focus, checking every stop on the way.
 * Fails after `max` presses, listing the stops, so a broken tab order is easy to see.
 */
export async function tabTo(
  page: Page,
  selector: string,
  options: { back?: boolean; max?: number } = {},
): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < (options.max ?? 40); i++) {
    stops.push(await tab(page, options));
    if (
      await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)
    ) {
      return stops;
    }
  }
  throw new Error(
    `${selector} not reached with ${options.back ? "Shift+Tab" : "Tab"}; stops: ${stops.map((s) => s.describe).join(" → ")}`,
  );
}
