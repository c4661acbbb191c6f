// Visitor display preferences for the public portal, remembered in cookies so they work without
// JavaScript: 关怀模式 (care mode, 长辈版: larger text and controls, high contrast, one column) and
// 简繁切换 (simplified or traditional characters). Both are plain links to
// /preferences/... that set the cookie and redirect back (src/portal/routes.tsx).

export const CARE_MODE_COOKIE = "gk_care";
export const SCRIPT_COOKIE = "gk_script";

/** "s": simplified (the site's own text); "t": traditional, converted on the server. */
export type ChineseScript = "s" | "t";

export interface Preferences {
  careMode: boolean;
  script: ChineseScript;
}

export const defaultPreferences: Preferences = { careMode: false, script: "s" };

/** Reads the two preference cookies; anything unexpected means the default. */
export function preferencesOf(cookies: Record<string, string | undefined>): Preferences {
  return {
    careMode: cookies[CARE_MODE_COOKIE] === "1",
    script: cookies[SCRIPT_COOKIE] === "t" ? "t" : "s",
  };
}

/** Pages for visitors (the portal); staff pages and documents are never converted or restyled. */
export function isPublicPath(path: string): boolean {
  return !/^\/(admin|account)(\/|$)/.test(path);
}

const fallbackBack = "/";
const base = "http://gongkai.invalid";

/**
 * Where to go back after switching: only a path on this site, never an open redirect. Resolved
 * the way a browser resolves it (tabs/newlines dropped, `\` read as `/`, so "/\\evil.example"
 * and "/\t/evil.example" are other hosts and refused); the preference routes themselves are
 * refused too so a crafted link cannot loop.
 */
export function safeBackPath(back: string | undefined): string {
  if (!back?.startsWith("/") || back.length > 2000) return fallbackBack;
  try {
    const url = new URL(back, base);
    if (url.origin !== base) return fallbackBack;
    if (url.pathname.startsWith("/preferences/")) return fallbackBack;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallbackBack;
  }
}

/** The link that turns care mode on or off and comes back to `here` (path + query). */
export function careModeHref(on: boolean, here: string): string {
  return `/preferences/care-mode?on=${on ? 1 : 0}&back=${encodeURIComponent(here)}`;
}

/** The link that switches to simplified ("s") or traditional ("t") and comes back to `here`. */
export function scriptHref(to: ChineseScript, here: string): string {
  return `/preferences/script?to=${to}&back=${encodeURIComponent(here)}`;
}
