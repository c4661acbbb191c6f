import { createContext, useContext } from "hono/jsx";
import type { CurrentUser } from "../accounts/store";
import type { SiteSettings } from "../platform/settings";
import type { ChineseScript } from "./preferences";

/** Per-request values that deep view components need (CSRF field, current user, site). */
export interface PageContext {
  csrfToken: string;
  user: CurrentUser | null;
  site: SiteSettings;
  path: string;
  /** Path and query of this page, for the preference links that come back to it. */
  here: string;
  /** 关怀模式 (长辈版) on a public page (src/ui/preferences.ts). */
  careMode: boolean;
  /** The characters the page will be sent in; the layout renders simplified either way. */
  script: ChineseScript;
}

export const PageContextProvider = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const page = useContext(PageContextProvider);
  if (!page) throw new Error("usePage() outside a page render");
  return page;
}
