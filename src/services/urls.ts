// Public addresses of 办事服务.
export const guidePath = (id: number) => `/services/guides/${id}`;
export const guideNoticePath = (id: number) => `/services/guides/${id}/notice`;
export const GUIDES_FEED_PATH = "/services/guides/feed.atom";
