// Back-office pages of 留言: the list (overdue highlighted, filters), one message with masked
// contact, actions, reply draft with 答复模板, and the 分办/转办/督办 history; templates and deadlines.
import { ErrorSummary, PostForm } from "../ui/forms";
import { Pager } from "../ui/pager";
import type { Contact } from "./contact";
import {
  BUREAU_CHOSEN_DEFAULTS,
  categoryLabel,
  categoryLabels,
  MESSAGE_CATEGORIES,
  type MessageCategory,
  ratingLabel,
} from "./rules";
import {
  isUrgentFirst,
  STAFF_PAGE_SIZE,
  type StaffFilter,
  type StaffMessage,
  type StaffMessageSummary,
  staffListHref,
} from "./staff-queries";
import type { AnswerTemplate } from "./templates";
import { actionLabels, MESSAGE_STATES, type MessageActionType, stateLabels } from "./workflow";

interface Unit {
  id: number;
  name: string;
}

function ContactText(props: { contact: Contact }) {
  const parts = [props.contact.name, props.contact.phone, props.contact.email].filter(Boolean);
  return <>{parts.length ? parts.join(" / ") : "未留联系方式"}</>;
}

function DueBadge(props: { m: StaffMessageSummary }) {
  if (props.m.repliedOn) return <span class="badge badge-ok">已答复</span>;
  if (props.m.isOverdue) return <span class="badge badge-err">已超期</span>;
  return null;
}

export function MessageListPage(props: {
  items: StaffMessageSummary[];
  total: number;
  filter: StaffFilter;
  units: Unit[];
  canTemplates: boolean;
  canSettings: boolean;
}) {
  const f = props.filter;
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">留言办理</h1>
      <p>
        {props.canTemplates ? <a href="/admin/messages/templates">答复模板</a> : null}
        {props.canSettings ? (
          <>
            {" "}
            · <a href="/admin/messages/settings">答复期限设置</a>
          </>
        ) : null}
      </p>
      <form method="get" action="/admin/messages" class="filter-form">
        <label for="f-state">状态</label>
        <select id="f-state" name="state">
          <option value="">待办(未答复)</option>
          {MESSAGE_STATES.map((s) => (
            <option value={s} selected={f.view === s}>
              {stateLabels[s]}
            </option>
          ))}
          <option value="all" selected={f.view === "all"}>
            全部
          </option>
        </select>
        <label for="f-unit">承办单位</label>
        <select id="f-unit" name="unitId">
          <option value="">全部</option>
          {props.units.map((u) => (
            <option value={String(u.id)} selected={f.unitId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label class="choice">
          <input type="checkbox" name="overdue" value="1" checked={!!f.overdue} /> 只看已超期
        </label>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <p>
        共 {props.total} 条
        {props.total > 0 ? (isUrgentFirst(f) ? ",答复期限最早的在前" : ",收到日期最新的在前") : ""}
      </p>
      {props.items.length === 0 ? (
        <p>没有符合条件的留言。</p>
      ) : (
        <div class="table-wrap">
          <table class="message-table">
            <caption class="visually-hidden">留言列表</caption>
            <thead>
              <tr>
                <th scope="col">留言编号</th>
                <th scope="col">类别</th>
                <th scope="col">标题</th>
                <th scope="col">留言人</th>
                <th scope="col">状态</th>
                <th scope="col">承办单位</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">督办</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((m) => (
                <tr class={m.isOverdue ? "message-overdue" : undefined}>
                  <th scope="row">
                    <a href={`/admin/messages/${m.id}`}>{m.messageNo}</a>
                  </th>
                  <td>{categoryLabel(m.category)}</td>
                  <td>{m.subject}</td>
                  <td>
                    <ContactText contact={m.contact} />
                  </td>
                  <td>
                    {stateLabels[m.state]} <DueBadge m={m} />
                  </td>
                  <td>{m.unitName ?? "—"}</td>
                  <td>{m.receivedOn}</td>
                  <td>{m.dueOn}</td>
                  <td>{m.lastSupervisedOn ? `已督办 ${m.lastSupervisedOn}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={f.page}
        count={Math.ceil(props.total / STAFF_PAGE_SIZE)}
        hrefOf={(page) => staffListHref(f, page)}
      />
    </section>
  );
}

export interface MessagePageModel {
  m: StaffMessage;
  actions: MessageActionType[];
  units: Unit[];
  templates: AnswerTemplate[];
  /** The reply textarea's content: the draft, or the draft with an inserted template. */
  replyDraft: string;
  clearContact?: Contact;
  canReveal: boolean;
  errors?: Record<string, string>;
  notice?: string;
  responses: { id: number; title: string }[];
}

export function MessagePage(props: MessagePageModel) {
  const { m } = props;
  const base = `/admin/messages/${m.id}`;
  return (
    <section aria-labelledby="message-title">
      <p>
        <a href="/admin/messages">留言办理</a>
      </p>
      <h1 id="message-title">
        {m.messageNo} {m.subject}
      </h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <ErrorSummary
        errors={props.errors}
        labels={{
          unitId: "承办单位",
          reason: "理由",
          replyText: "答复内容",
          note: "督办意见",
          action: "操作",
        }}
      />
      {m.isOverdue ? (
        <p class="message-overdue-note" role="status">
          已超过答复期限({m.dueOn}){m.lastSupervisedOn ? `,已于 ${m.lastSupervisedOn} 督办` : ""}。
        </p>
      ) : null}
      <dl class="message-facts">
        <dt>类别</dt>
        <dd>{categoryLabel(m.category)}</dd>
        <dt>状态</dt>
        <dd>
          {stateLabels[m.state]} <DueBadge m={m} />
        </dd>
        <dt>承办单位</dt>
        <dd>{m.unitName ?? "未分办"}</dd>
        <dt>收到日期</dt>
        <dd>{m.receivedOn}</dd>
        <dt>答复期限</dt>
        <dd>
          {m.dueOn}({m.deadlineWorkdays}个工作日
          {m.repliedOn
            ? ""
            : m.workdaysLeft >= 0
              ? `,剩余${m.workdaysLeft}个工作日`
              : `,已超期${-m.workdaysLeft}个工作日`}
          )
        </dd>
        <dt>公开同意</dt>
        <dd>{m.consentPublic ? "同意公开" : "不同意公开"}</dd>
        <dt>留言人</dt>
        <dd>
          {props.clearContact ? (
            <ContactText contact={props.clearContact} />
          ) : (
            <ContactText contact={m.contact} />
          )}
          {props.canReveal && !props.clearContact ? (
            <PostForm action={`${base}/contact`} class="inline-form">
              <button type="submit" class="button-link">
                查看完整联系方式(将记录审计日志)
              </button>
            </PostForm>
          ) : null}
        </dd>
        {m.rating ? (
          <>
            <dt>留言人评价</dt>
            <dd>
              {ratingLabel(m.rating)}
              {m.ratingComment ? `:${m.ratingComment}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>留言内容</h2>
      <p class="message-text">{m.body}</p>
      {m.replyText && !props.actions.includes("submit") ? (
        <>
          <h2>{m.repliedOn ? `答复内容(${m.repliedOn} 答复)` : "答复稿(待审核)"}</h2>
          <p class="message-text">{m.replyText}</p>
        </>
      ) : null}
      {m.returnReason && m.state === "assigned" ? (
        <p role="status">答复稿被退回:{m.returnReason}</p>
      ) : null}
      {props.responses.length > 0 ? (
        <>
          <h2>回应信息</h2>
          <ul>
            {props.responses.map((r) => (
              <li>
                <a href={`/records/${r.id}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Actions {...props} base={base} />
      <History m={m} />
    </section>
  );
}

function UnitSelect(props: { units: Unit[]; id: string; exclude: number | null }) {
  return (
    <>
      <label for={props.id}>承办单位</label>
      <select id={props.id} name="unitId" required>
        <option value="">请选择</option>
        {props.units
          .filter((u) => u.id !== props.exclude)
          .map((u) => (
            <option value={String(u.id)}>{u.name}</option>
          ))}
      </select>
    </>
  );
}

function Actions(props: MessagePageModel & { base: string }) {
  const { actions, base, m } = props;
  if (actions.length === 0) return null;
  const url = (a: MessageActionType) => `${base}/actions/${a}`;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">办理</h2>
      {actions.includes("assign") ? (
        <PostForm action={url("assign")}>
          <UnitSelect units={props.units} id="assign-unit" exclude={null} />
          <button type="submit" class="button">
            {actionLabels.assign}
          </button>
        </PostForm>
      ) : null}
      {actions.includes("submit") ? (
        <>
          {props.templates.length > 0 ? (
            <form method="get" action={base} class="inline-form">
              <label for="template">答复模板</label>
              <select id="template" name="template">
                {props.templates.map((t) => (
                  <option value={String(t.id)}>{t.title}</option>
                ))}
              </select>
              <button type="submit" class="button">
                插入模板
              </button>
            </form>
          ) : null}
          <PostForm action={url("submit")}>
            <label for="f-replyText">答复内容</label>
            <textarea id="f-replyText" name="replyText" rows={10}>
              {props.replyDraft}
            </textarea>
            <button type="submit" class="button">
              {actionLabels.submit}
            </button>
          </PostForm>
        </>
      ) : null}
      {actions.includes("approve") ? (
        <PostForm action={url("approve")}>
          <p>
            审核通过后答复即送达留言人
            {m.consentPublic ? ",并在网站公开" : "(留言人不同意公开,不在网站公开)"}。
          </p>
          <button type="submit" class="button">
            {actionLabels.approve}
          </button>
        </PostForm>
      ) : null}
      {actions.includes("return") ? (
        <PostForm action={url("return")}>
          <label for="f-return-reason">退回理由</label>
          <input id="f-return-reason" name="reason" type="text" required />
          <button type="submit" class="button">
            {actionLabels.return}
          </button>
        </PostForm>
      ) : null}
      {actions.includes("transfer") ? (
        <PostForm action={url("transfer")}>
          <UnitSelect units={props.units} id="transfer-unit" exclude={m.unitId} />
          <label for="f-transfer-reason">转办理由</label>
          <input id="f-transfer-reason" name="reason" type="text" required />
          <button type="submit" class="button">
            {actionLabels.transfer}
          </button>
        </PostForm>
      ) : null}
      {actions.includes("supervise") ? (
        <PostForm action={url("supervise")}>
          <label for="f-note">督办意见</label>
          <input id="f-note" name="note" type="text" required />
          <button type="submit" class="button">
            {actionLabels.supervise}
          </button>
        </PostForm>
      ) : null}
    </section>
  );
}

function History(props: { m: StaffMessage }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">办理记录</h2>
      {props.m.events.length === 0 ? (
        <p>尚无办理记录。</p>
      ) : (
        <table class="message-history">
          <caption class="visually-hidden">分办、转办、审核和督办记录</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">事项</th>
              <th scope="col">单位</th>
              <th scope="col">说明</th>
              <th scope="col">办理人</th>
            </tr>
          </thead>
          <tbody>
            {props.m.events.map((e) => (
              <tr>
                <td>{e.on}</td>
                <th scope="row">{actionLabels[e.type] ?? e.type}</th>
                <td>
                  {e.type === "transfer"
                    ? `${e.fromUnit ?? ""} → ${e.toUnit ?? ""}`
                    : (e.toUnit ?? "")}
                </td>
                <td>{e.note}</td>
                <td>{e.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TemplatesPage(props: {
  templates: AnswerTemplate[];
  editing?: AnswerTemplate | null;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const v =
    props.values ??
    (props.editing
      ? {
          title: props.editing.title,
          category: props.editing.category,
          body: props.editing.body,
          isActive: props.editing.isActive ? "1" : "",
        }
      : { isActive: "1" });
  const action = props.editing
    ? `/admin/messages/templates/${props.editing.id}`
    : "/admin/messages/templates";
  return (
    <section aria-labelledby="templates-title">
      <p>
        <a href="/admin/messages">留言办理</a>
      </p>
      <h1 id="templates-title">答复模板</h1>
      {props.templates.length === 0 ? (
        <p>还没有答复模板。</p>
      ) : (
        <table>
          <caption class="visually-hidden">答复模板列表</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">适用类别</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {props.templates.map((t) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/messages/templates/${t.id}`}>{t.title}</a>
                </th>
                <td>{t.category ? categoryLabel(t.category) : "全部"}</td>
                <td>{t.isActive ? "启用" : "停用"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{props.editing ? `修改模板:${props.editing.title}` : "新增模板"}</h2>
      <ErrorSummary
        errors={props.errors}
        labels={{ title: "模板名称", category: "适用类别", body: "模板内容" }}
      />
      <PostForm action={action}>
        <label for="f-title">模板名称</label>
        <input id="f-title" name="title" type="text" value={v.title ?? ""} required />
        <label for="f-category">适用类别</label>
        <select id="f-category" name="category">
          <option value="">全部</option>
          {MESSAGE_CATEGORIES.map((c) => (
            <option value={c} selected={v.category === c}>
              {categoryLabels[c]}
            </option>
          ))}
        </select>
        <label for="f-body">模板内容</label>
        <textarea id="f-body" name="body" rows={8}>
          {v.body ?? ""}
        </textarea>
        <label class="choice">
          <input type="checkbox" name="isActive" value="1" checked={v.isActive === "1"} /> 启用
        </label>
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
    </section>
  );
}

export function DeadlinesPage(props: {
  table: Record<MessageCategory, number>;
  errors?: Record<string, string>;
  notice?: string;
}) {
  return (
    <section aria-labelledby="deadlines-title">
      <p>
        <a href="/admin/messages">留言办理</a>
      </p>
      <h1 id="deadlines-title">答复期限设置</h1>
      <p>
        自收到留言的工作日起计算(当日不计入),按工作日历跳过节假日、计入调休上班日。修改只对此后收到的留言生效。
      </p>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <ErrorSummary
        errors={props.errors}
        labels={{ inquiry: "咨询", suggestion: "建议", complaint: "投诉" }}
      />
      <PostForm action="/admin/messages/settings">
        {MESSAGE_CATEGORIES.map((c) => (
          <div class="field">
            <label for={`f-${c}`}>
              {categoryLabels[c]}(工作日)
              {BUREAU_CHOSEN_DEFAULTS.includes(c) ? "— 默认值为本局自定" : ""}
            </label>
            <input
              id={`f-${c}`}
              name={c}
              type="number"
              min={1}
              max={60}
              value={String(props.table[c])}
              required
            />
          </div>
        ))}
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
    </section>
  );
}
