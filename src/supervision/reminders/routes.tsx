// /admin/notices: the signed-in user's own notices (reminders, digests); marking read is a POST
// with the CSRF field. Another user's notice is answered as missing (404).
import type { Hono } from "hono";
import { requireUser } from "../../accounts/middleware";
import { actorOf } from "../../accounts/routes";
import type { Api } from "../../http/api";
import type { AppEnv } from "../../http/types";
import { renderBackOffice } from "../../ui/render";
import { markAllNoticesRead, markNoticeRead } from "./service";
import { countUnread, listNotices } from "./store";
import { NoticesPage } from "./views";

/** Most notices the page lists (a year of reminders for a busy person is far fewer). */
const PAGE_LIMIT = 200;

export function reminderRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/notices", async (c) => {
    const user = requireUser(c);
    const { db } = c.get("deps");
    const notices = await listNotices(db, user.id, { limit: PAGE_LIMIT });
    const unread = await countUnread(db, user.id);
    const flash = c.req.query("read") ? "已标为已读。" : undefined;
    return renderBackOffice(
      c,
      "我的通知",
      <NoticesPage notices={notices} unread={unread} flash={flash} />,
    );
  });

  app.post("/admin/notices/read-all", async (c) => {
    const user = requireUser(c);
    const { db, clock } = c.get("deps");
    await markAllNoticesRead(db, { ...actorOf(c), id: user.id }, clock());
    return c.redirect("/admin/notices?read=1", 303);
  });

  app.post("/admin/notices/:id{[0-9]{1,10}}/read", async (c) => {
    const user = requireUser(c);
    const { db, clock } = c.get("deps");
    await markNoticeRead(db, { ...actorOf(c), id: user.id }, Number(c.req.param("id")), clock());
    return c.redirect("/admin/notices?read=1", 303);
  });
}
