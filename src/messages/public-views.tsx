// Public pages of 留言咨询 and 回应关切: the form (with the 12315 route for food and drug
// complaints), the one-time 留言编号 + 查询码, the list and page of published messages, the
// asker's lookup and rating, and the 回应关切 / 政策问答 list. Never any contact data.
import type { HumanChallenge } from "../platform/human-check";
import { HumanCheckField } from "../platform/human-check-field";
import type { PublicRecordSummary } from "../records/public-store";
import { type FieldState, RadioGroup, TextArea, TextInput } from "../requests/views/fields";
import { ErrorSummary, PostForm } from "../ui/forms";
import { Pager } from "../ui/pager";
import type { PublicConcerns } from "./concerns";
import { publicMessagePath } from "./concerns";
import type { AskerView, PublicMessage } from "./public";
import {
  COMPLAINT_ROUTE_12315,
  categoryLabel,
  categoryLabels,
  MESSAGE_CATEGORIES,
  RATINGS,
  ratingLabel,
  ratingLabels,
} from "./rules";

export const formLabels: Record<string, string> = {
  category: "留言类别",
  subject: "标题",
  body: "留言内容",
  name: "姓名",
  phone: "联系电话",
  email: "电子邮箱",
  hc_answer: "验证问题",
  rating: "满意度",
  comment: "评价意见",
};

/** The 12315 route for complaints about food and drug safety. */
export function Route12315() {
  const r = COMPLAINT_ROUTE_12315;
  return (
    <div class="notice-12315" role="note">
      <p>
        <strong>食品药品安全投诉举报请走12315渠道:</strong>
        请登录{r.platform}(<a href={r.url}>www.12315.cn</a>)或拨打电话 {r.phone}
        。通过12315渠道提交的投诉举报,按《市场监督管理投诉举报处理暂行办法》规定的时限受理和处理。
      </p>
      <p>在本页提交的投诉也会登记并答复,但不作为正式投诉举报受理。</p>
    </div>
  );
}

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n+/)
        .filter((p) => p.trim() !== "")
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

export function MessageForm(props: FieldState & { challenge: HumanChallenge }) {
  const state = { values: props.values, errors: props.errors };
  return (
    <>
      <h1>我要留言</h1>
      <p class="lead">
        咨询、建议和投诉请在此留言。提交后显示留言编号和查询码,凭它们查询办理情况和评价答复。
        <a href="/interaction/messages">查看已公开的留言</a>
      </p>
      <Route12315 />
      <ErrorSummary errors={props.errors} labels={formLabels} />
      <PostForm action="/interaction/messages/new">
        <RadioGroup
          state={state}
          name="category"
          legend="留言类别"
          options={MESSAGE_CATEGORIES.map((c) => [c, categoryLabels[c]] as const)}
        />
        <TextInput state={state} name="subject" label="标题" required />
        <TextArea
          state={state}
          name="body"
          label="留言内容(必填)"
          rows={8}
          hint="请勿在留言内容中填写身份证号码、住址等个人信息。"
        />
        <fieldset>
          <legend>联系方式(选填,不会公开)</legend>
          <TextInput state={state} name="name" label="姓名" autocomplete="name" />
          <TextInput state={state} name="phone" label="联系电话" type="tel" autocomplete="tel" />
          <TextInput
            state={state}
            name="email"
            label="电子邮箱"
            type="email"
            autocomplete="email"
          />
        </fieldset>
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              name="consentPublic"
              value="1"
              checked={props.values.consentPublic === "1"}
            />{" "}
            同意在本网站公开我的留言和答复(公开同意)。公开时不显示姓名和联系方式。
          </label>
        </div>
        <HumanCheckField challenge={props.challenge} error={props.errors.hc_answer} />
        <p>
          <button type="submit" class="button">
            提交留言
          </button>
        </p>
      </PostForm>
    </>
  );
}

export function SubmittedMessagePage(props: {
  number?: string;
  code?: string;
  category?: string;
  dueOn?: string;
}) {
  if (!props.number || !props.code) {
    return (
      <>
        <h1>留言已提交</h1>
        <p>
          留言编号和查询码只在提交后显示一次。已经记下的,可以凭它们
          <a href="/interaction/messages/track">查询办理情况</a>。
        </p>
      </>
    );
  }
  const rateHref = `/interaction/messages/rate?no=${encodeURIComponent(props.number)}&code=${encodeURIComponent(props.code)}`;
  return (
    <>
      <h1>留言已提交</h1>
      <p role="status">留言已收到,答复期限至 {props.dueOn}。</p>
      {props.category === "complaint" ? <Route12315 /> : null}
      <dl class="receipt">
        <dt>留言编号</dt>
        <dd>
          <strong>{props.number}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong>{props.code}</strong>
        </dd>
      </dl>
      <p>
        <strong>请立即抄写或保存留言编号和查询码。</strong>
        查询码只显示这一次,本机关也无法找回。凭它们可以
        <a href="/interaction/messages/track">查询办理情况</a>;答复后可以通过
        <a href={rateHref}>评价链接</a>评价答复(请保存此链接,其中含有查询码)。
      </p>
    </>
  );
}

function MessageListItem(props: { m: PublicMessage }) {
  const m = props.m;
  return (
    <li>
      <a href={publicMessagePath(m.id)}>{m.subject}</a>
      <span class="message-meta">
        {categoryLabel(m.category)} · 留言 {m.receivedOn} · 答复 {m.repliedOn ?? ""}
        {m.unitName ? ` · ${m.unitName}` : ""}
      </span>
    </li>
  );
}

export function PublicMessageList(props: {
  items: PublicMessage[];
  page: number;
  pageCount: number;
}) {
  return (
    <>
      <h1>留言咨询</h1>
      <p class="lead">
        <a href="/interaction/messages/new">我要留言</a> ·{" "}
        <a href="/interaction/messages/track">查询办理情况</a> ·{" "}
        <a href="/interaction/responses">回应关切与政策问答</a>
      </p>
      <h2>已答复的留言</h2>
      <p>只公开留言人同意公开的留言和答复,不公开姓名和联系方式。</p>
      {props.items.length === 0 ? (
        <p>暂无公开的留言。</p>
      ) : (
        <ul class="message-list">
          {props.items.map((m) => (
            <MessageListItem m={m} />
          ))}
        </ul>
      )}
      <Pager
        page={props.page}
        count={props.pageCount}
        hrefOf={(p) => `/interaction/messages?page=${p}`}
      />
    </>
  );
}

export function PublicMessagePage(props: {
  m: PublicMessage & { responses: { id: number; title: string }[] };
}) {
  const m = props.m;
  return (
    <article class="message">
      <p class="breadcrumb">
        <a href="/interaction">政民互动</a> › <a href="/interaction/messages">留言咨询</a>
      </p>
      <h1>{m.subject}</h1>
      <dl class="message-facts">
        <dt>留言编号</dt>
        <dd>{m.messageNo}</dd>
        <dt>类别</dt>
        <dd>{categoryLabel(m.category)}</dd>
        <dt>留言日期</dt>
        <dd>{m.receivedOn}</dd>
        <dt>答复日期</dt>
        <dd>{m.repliedOn}</dd>
        <dt>答复单位</dt>
        <dd>{m.unitName ?? ""}</dd>
        {m.rating ? (
          <>
            <dt>留言人评价</dt>
            <dd>{ratingLabel(m.rating)}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="message-body-title">
        <h2 id="message-body-title">留言内容</h2>
        <Paragraphs text={m.body} />
      </section>
      <section aria-labelledby="message-reply-title" class="message-reply">
        <h2 id="message-reply-title">答复内容</h2>
        <Paragraphs text={m.replyText} />
      </section>
      {m.responses.length > 0 ? (
        <section aria-labelledby="message-responses-title">
          <h2 id="message-responses-title">回应</h2>
          <ul>
            {m.responses.map((r) => (
              <li>
                <a href={`/records/${r.id}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function AskerStatus(props: { view: AskerView; rateHref: string }) {
  const v = props.view;
  return (
    <section aria-labelledby="asker-title">
      <h2 id="asker-title">留言 {v.messageNo}</h2>
      <dl class="status">
        <dt>标题</dt>
        <dd>{v.subject}</dd>
        <dt>办理状态</dt>
        <dd>
          <strong>{v.stateText}</strong>
        </dd>
        <dt>收到日期</dt>
        <dd>{v.receivedOn}</dd>
        <dt>答复期限</dt>
        <dd>{v.dueOn}</dd>
        {v.repliedOn ? (
          <>
            <dt>答复日期</dt>
            <dd>{v.repliedOn}</dd>
            <dt>答复单位</dt>
            <dd>{v.unitName ?? ""}</dd>
          </>
        ) : null}
        {v.rating ? (
          <>
            <dt>您的评价</dt>
            <dd>{ratingLabel(v.rating)}</dd>
          </>
        ) : null}
      </dl>
      {v.replyText !== null ? (
        <>
          <h3>答复内容</h3>
          <Paragraphs text={v.replyText} />
        </>
      ) : null}
      {v.canRate ? (
        <p>
          <a href={props.rateHref}>评价本次答复</a>
        </p>
      ) : null}
    </section>
  );
}

export function TrackMessagePage(
  props: FieldState & { view?: AskerView; message?: string; rateHref?: string },
) {
  return (
    <>
      <h1>留言办理情况查询</h1>
      {props.view ? <AskerStatus view={props.view} rateHref={props.rateHref ?? ""} /> : null}
      <ErrorSummary errors={props.errors} labels={{ number: "留言编号", code: "查询码" }} />
      {props.message ? (
        <div class="error-summary" role="alert">
          <p>{props.message}</p>
        </div>
      ) : null}
      <h2>{props.view ? "查询其他留言" : "请输入留言编号和查询码"}</h2>
      <PostForm action="/interaction/messages/track">
        <TextInput
          state={props}
          name="number"
          label="留言编号"
          hint="例如 LY-2025-00012"
          autocomplete="off"
        />
        <TextInput
          state={{ values: {}, errors: props.errors }}
          name="code"
          label="查询码"
          hint="提交留言时显示的8位查询码"
          autocomplete="off"
        />
        <p>
          <button type="submit" class="button">
            查询
          </button>
        </p>
      </PostForm>
    </>
  );
}

export function RatePage(
  props: FieldState & {
    number: string;
    code: string;
    view?: AskerView;
    message?: string;
    done?: boolean;
  },
) {
  const state = { values: props.values, errors: props.errors };
  return (
    <>
      <h1>评价答复</h1>
      {props.done ? <p role="status">感谢您的评价。</p> : null}
      {props.message ? (
        <div class="error-summary" role="alert">
          <p>{props.message}</p>
        </div>
      ) : null}
      {props.view ? (
        <section aria-labelledby="rate-reply-title">
          <h2 id="rate-reply-title">
            留言 {props.view.messageNo}:{props.view.subject}
          </h2>
          {props.view.replyText !== null ? (
            <Paragraphs text={props.view.replyText} />
          ) : (
            <p>该留言尚未答复,答复后才能评价。</p>
          )}
          {props.view.rating ? <p>评价结果:{ratingLabel(props.view.rating)}</p> : null}
        </section>
      ) : null}
      {props.view?.canRate ? (
        <>
          <ErrorSummary errors={props.errors} labels={formLabels} />
          <PostForm action="/interaction/messages/rate">
            <input type="hidden" name="no" value={props.number} />
            <input type="hidden" name="code" value={props.code} />
            <RadioGroup
              state={state}
              name="rating"
              legend="您对本次答复是否满意"
              options={RATINGS.map((r) => [r, ratingLabels[r]] as const)}
            />
            <TextArea state={state} name="comment" label="评价意见(选填)" rows={4} />
            <p>
              <button type="submit" class="button">
                提交评价
              </button>
            </p>
          </PostForm>
        </>
      ) : null}
      <p>
        <a href="/interaction/messages">返回留言咨询</a>
      </p>
    </>
  );
}

const responseGenres = [
  ["concernResponse", "回应关切"],
  ["policyQa", "政策问答"],
] as const;

export function ResponsesPage(props: {
  genre: string;
  items: (PublicRecordSummary & { concerns: PublicConcerns })[];
  page: number;
  pageCount: number;
}) {
  return (
    <>
      <h1>回应关切与政策问答</h1>
      <nav aria-label="体裁" class="tabs">
        <ul>
          {responseGenres.map(([key, label]) => (
            <li>
              <a
                href={`/interaction/responses?genre=${key}`}
                aria-current={key === props.genre ? "page" : undefined}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.items.length === 0 ? (
        <p>暂无公开的信息。</p>
      ) : (
        <ul class="response-list">
          {props.items.map((r) => (
            <li>
              <a href={`/records/${r.id}`}>{r.title}</a>{" "}
              <span class="latest-date">{r.publishedOn ?? ""}</span>
              <ConcernLinkList concerns={r.concerns} compact />
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={props.page}
        count={props.pageCount}
        hrefOf={(p) => `/interaction/responses?genre=${props.genre}&page=${p}`}
      />
    </>
  );
}

/** “回应的关切 / 相关留言 / 解读的文件” of a record; nothing when it answers nothing public. */
export function ConcernLinkList(props: { concerns: PublicConcerns; compact?: boolean }) {
  const groups = [
    ["回应的关切", props.concerns.consultations],
    ["相关留言", props.concerns.messages],
    ["解读的文件", props.concerns.records],
  ] as const;
  const shown = groups.filter(([, links]) => links.length > 0);
  if (shown.length === 0) return null;
  if (props.compact) {
    return (
      <span class="concern-links">
        {shown.map(([label, links]) => (
          <span>
            {label}:
            {links.map((l, i) => (
              <>
                {i > 0 ? "、" : ""}
                <a href={l.href}>{l.label}</a>
              </>
            ))}
          </span>
        ))}
      </span>
    );
  }
  return (
    <section aria-labelledby="concerns-title" class="related">
      <h2 id="concerns-title">回应的关切 / 相关留言 / 解读的文件</h2>
      <dl>
        {shown.map(([label, links]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <ul>
                {links.map((l) => (
                  <li>
                    <a href={l.href}>{l.label}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}
