import { createContext, useContext } from "hono/jsx";
import type { CurrentUser } from "../accounts/store";
import type { SiteSettings } from "../platform/settings";

/** Per-request values that deep view components need (CSRF field, current user, site). */
export interface PageContext {
  csrfToken: string;
  user: CurrentUser | null;
  site: SiteSettings;
  path: string;
}

export const PageContextProvider = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const page = useContext(PageContextProvider);
  if (!page) throw new Error("usePage() outside a page render");
  return page;
}
