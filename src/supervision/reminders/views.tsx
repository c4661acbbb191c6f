// The notices page (/admin/notices) and the workbench's notice section.
import { PostForm } from "../../ui/forms";
import type { NoticeItem } from "./store";

export const noticeKindLabels: Record<string, string> = {
  "reminder.record": "公开时限提醒",
  "reminder.application": "答复期限提醒",
  digest: "超期事项汇总",
};

const kindLabel = (kind: string) => noticeKindLabels[kind] ?? "通知";

/** Instants are stored in UTC; people read them in Beijing time. */
export function shanghaiTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace("T", " ");
}

/** The workbench section: the unread count and the latest unread notices. */
export function WorkbenchNotices(props: { unread: number; latest: NoticeItem[] }) {
  return (
    <section aria-labelledby="my-notices-title" class="my-notices">
      <h2 id="my-notices-title">我的通知</h2>
      <p>
        未读通知 <strong class="notice-count">{props.unread}</strong> 条。
        <a href="/admin/notices">查看全部通知</a>
      </p>
      {props.latest.length > 0 ? (
        <ul>
          {props.latest.map((n) => (
            <li>
              [{kindLabel(n.kind)}] {n.link ? <a href={n.link}>{n.title}</a> : n.title}
              <span class="notice-time">({shanghaiTime(n.createdAt)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function NoticesPage(props: { notices: NoticeItem[]; unread: number; flash?: string }) {
  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">我的通知</h1>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <p>
        到期提醒在应公开日期或答复期限前3个工作日和1个工作日各发送一次;超期事项汇总在每个工作日上午发送给单位负责人和政务公开办公室。有电子邮箱的用户同时收到邮件。
      </p>
      <p>未读 {props.unread} 条。</p>
      {props.unread > 0 ? (
        <PostForm action="/admin/notices/read-all">
          <button type="submit" class="button">
            全部标为已读
          </button>
        </PostForm>
      ) : null}
      {props.notices.length === 0 ? (
        <p>暂无通知。</p>
      ) : (
        <ol class="notice-items">
          {props.notices.map((n) => (
            <li id={`notice-${n.id}`} class={n.readAt ? "notice-read" : "notice-unread"}>
              <h2>
                [{kindLabel(n.kind)}] {n.link ? <a href={n.link}>{n.title}</a> : n.title}
              </h2>
              <p>
                {shanghaiTime(n.createdAt)}(北京时间),
                {n.readAt ? `已于 ${shanghaiTime(n.readAt)} 阅读` : <strong>未读</strong>}
              </p>
              {n.body ? <pre class="notice-body">{n.body}</pre> : null}
              {n.readAt ? null : (
                <PostForm action={`/admin/notices/${n.id}/read`}>
                  <button type="submit" class="button">
                    标为已读
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
