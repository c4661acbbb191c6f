import type { SupervisedMessageRow } from "../messages/supervision";
import type { AwaitingFeedbackRow } from "../participation/supervision";
import type { NoticeItem } from "../supervision/reminders/store";
import { WorkbenchNotices } from "../supervision/reminders/views";
import { navFor } from "../ui/back-office-nav";
import type { CurrentUser } from "./store";

/** Warnings a domain wants every back-office user with the right role to see (e.g. missing calendar year). */
export interface DashboardNotice {
  text: string;
  href?: string;
}

export function AdminHome(props: {
  user: CurrentUser;
  notices?: DashboardNotice[];
  /** 意见征集 closed without their 意见采纳情况反馈 (src/participation/supervision.ts). */
  awaitingFeedback?: AwaitingFeedbackRow[];
  /** 留言 past their 答复期限 (src/messages/supervision.ts). */
  overdueMessages?: SupervisedMessageRow[];
  /** The user's own notices: reminders and digests (src/supervision/reminders/). */
  myNotices?: { unread: number; latest: NoticeItem[] };
}) {
  const items = navFor(props.user.roles).filter((i) => i.href !== "/admin");
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">工作台</h1>
      <p>您好,{props.user.displayName}。</p>
      {props.myNotices ? <WorkbenchNotices {...props.myNotices} /> : null}
      {props.notices && props.notices.length > 0 ? (
        <div class="notice-list" role="status">
          <h2>需要注意</h2>
          <ul>
            {props.notices.map((n) => (
              <li>{n.href ? <a href={n.href}>{n.text}</a> : n.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.awaitingFeedback && props.awaitingFeedback.length > 0 ? (
        <section aria-labelledby="awaiting-feedback-title">
          <h2 id="awaiting-feedback-title">待发布意见采纳情况反馈</h2>
          <ul>
            {props.awaitingFeedback.map((r) => (
              <li>
                <a href={`/admin/consultations/${r.id}/feedback`}>{r.title}</a>({r.unitName},
                {r.closedOn}截止,应于{r.feedbackDueOn}前反馈
                {r.overdue ? <strong>,已逾期</strong> : ""})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.overdueMessages && props.overdueMessages.length > 0 ? (
        <section aria-labelledby="overdue-messages-title">
          <h2 id="overdue-messages-title">超期未答复的留言</h2>
          <ul>
            {props.overdueMessages.map((m) => (
              <li>
                <a href={`/admin/messages/${m.id}`}>{m.messageNo}</a>({m.unitName ?? "未分办"}, 应于
                {m.dueOn}前答复)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>可以办理的工作</h2>
      <ul class="card-list">
        {items.map((i) => (
          <li>
            <a href={i.href}>{i.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
