import type { MailStatus } from "./tables";

export const mailStatusLabels: Record<MailStatus, string> = {
  pending: "待发送",
  sending: "发送中",
  sent: "已发送",
  filed: "已存为文件",
  failed: "发送失败",
};

const badgeOf: Record<MailStatus, string> = {
  pending: "badge",
  sending: "badge",
  sent: "badge badge-ok",
  filed: "badge badge-ok",
  failed: "badge badge-err",
};

export interface OutboxListRow {
  id: number;
  createdAt: string;
  toMasked: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  fileName: string | null;
}

export function OutboxPage(props: {
  rows: OutboxListRow[];
  status: MailStatus | null;
  counts: Partial<Record<MailStatus, number>>;
  nextBefore: number | null;
  smtpConfigured: boolean;
}) {
  const statusQuery = props.status ? `&status=${props.status}` : "";
  return (
    <section aria-labelledby="mail-title">
      <h1 id="mail-title">邮件发送队列</h1>
      <p>
        {props.smtpConfigured
          ? "邮件通过配置的 SMTP 服务器发送;失败后按退避时间自动重试,多次失败后标记为发送失败。"
          : "未配置 SMTP_URL:邮件不会真正发出,而是保存为数据目录 mail/ 下的 .eml 文件,可在此查看。"}
      </p>
      <form method="get" action="/admin/mail" class="filter-form">
        <label>
          状态
          <select name="status">
            <option value="">全部</option>
            {(Object.keys(mailStatusLabels) as MailStatus[]).map((s) => (
              <option value={s} selected={props.status === s}>
                {mailStatusLabels[s]}({props.counts[s] ?? 0})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <div class="table-wrap">
        <table>
          <caption>邮件(按加入队列时间倒序,收件人已脱敏)</caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">加入时间(UTC)</th>
              <th scope="col">收件人</th>
              <th scope="col">主题</th>
              <th scope="col">状态</th>
              <th scope="col">尝试次数</th>
              <th scope="col">下次尝试 / 完成时间(UTC)</th>
              <th scope="col">错误</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.length === 0 ? (
              <tr>
                <td colspan={8}>没有邮件。</td>
              </tr>
            ) : (
              props.rows.map((r) => (
                <tr>
                  <td>{r.id}</td>
                  <td class="nowrap">{r.createdAt.slice(0, 19).replace("T", " ")}</td>
                  <td>{r.toMasked}</td>
                  <td>
                    {r.fileName ? <a href={`/admin/mail/${r.id}`}>{r.subject}</a> : r.subject}
                  </td>
                  <td>
                    <span class={badgeOf[r.status]}>{mailStatusLabels[r.status]}</span>
                  </td>
                  <td>{r.attempts}</td>
                  <td class="nowrap">
                    {(r.sentAt ?? (r.status === "pending" ? r.nextAttemptAt : ""))
                      .slice(0, 19)
                      .replace("T", " ")}
                  </td>
                  <td>{r.lastError ?? ""}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {props.nextBefore ? (
        <p>
          <a href={`/admin/mail?before=${props.nextBefore}${statusQuery}`}>更早的邮件</a>
        </p>
      ) : null}
    </section>
  );
}

export function FiledMailPage(props: {
  id: number;
  fileName: string;
  toMasked: string;
  subject: string;
  messageId: string | null;
  sentAt: string | null;
  text: string;
}) {
  return (
    <section aria-labelledby="mail-view-title">
      <p>
        <a href="/admin/mail">返回邮件发送队列</a>
      </p>
      <h1 id="mail-view-title">邮件 {props.id}</h1>
      <dl class="mail-meta">
        <dt>收件人</dt>
        <dd>{props.toMasked}</dd>
        <dt>主题</dt>
        <dd>{props.subject}</dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{props.messageId ?? ""}</code>
        </dd>
        <dt>保存时间(UTC)</dt>
        <dd>{(props.sentAt ?? "").slice(0, 19).replace("T", " ")}</dd>
        <dt>文件</dt>
        <dd>
          <a href={`/admin/mail/${props.id}/eml`}>{props.fileName}</a>
        </dd>
      </dl>
      <h2>正文</h2>
      <pre class="mail-text">{props.text}</pre>
    </section>
  );
}
