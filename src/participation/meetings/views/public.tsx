// Public pages of 座谈会 / 听证会 / 实地走访: the list, one announcement with its sign-up list and
// (random draw) the seed, the rule and how to check it, minutes and outcome; the sign-up form.
import { raw } from "hono/html";
import type { HumanChallenge } from "../../../platform/human-check";
import { humanCheckFields } from "../../../platform/human-check";
import { HumanCheckField } from "../../../platform/human-check-field";
import { ErrorSummary, Field, PostForm } from "../../../ui/forms";
import { drawRuleText } from "../draw";
import type { PublicSignup } from "../store";
import { type MeetingView, meetingPath, meetingsPath, selectedNumbers } from "../view-model";

function Breadcrumb() {
  return (
    <p class="breadcrumb">
      <a href="/interaction">互动交流</a> › <a href={meetingsPath}>座谈会、听证会和实地走访</a>
    </p>
  );
}

export function MeetingListPage(props: { meetings: MeetingView[] }) {
  return (
    <>
      <p class="breadcrumb">
        <a href="/interaction">互动交流</a>
      </p>
      <h1>座谈会、听证会和实地走访</h1>
      <p class="lead">
        重大行政决策和涉及群众切身利益的事项,通过座谈会、听证会和实地走访听取意见。报名无需注册账号;报名编号和隐去部分姓名的报名名单向社会公开,联系电话等个人信息不公开。
      </p>
      {props.meetings.length === 0 ? (
        <p>暂无活动公告。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>活动公告</caption>
            <thead>
              <tr>
                <th scope="col">主题</th>
                <th scope="col">类别</th>
                <th scope="col">时间</th>
                <th scope="col">地点</th>
                <th scope="col">名额</th>
                <th scope="col">报名</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={meetingPath(m.id)}>{m.topic}</a>
                  </th>
                  <td>{m.kindLabel}</td>
                  <td>{m.time}</td>
                  <td>{m.place}</td>
                  <td>
                    {m.quota}({m.selectionLabel})
                  </td>
                  <td>{m.signupStatus}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        JSON 接口:<a href="/api/v1/meetings">/api/v1/meetings</a>
      </p>
    </>
  );
}

/** The facts of the announcement, as a two-column table. */
export function MeetingFacts(props: { meeting: MeetingView }) {
  const m = props.meeting;
  const rows: [string, string][] = [
    ["类别", m.kindLabel],
    ["时间", `${m.time}(北京时间)`],
    ["地点", m.place],
    ["组织单位", m.organiser],
    ["报名时间", `${m.signupPeriod}(北京时间)`],
    ["名额", `${m.quota} 名,${m.selectionLabel}`],
    ["报名条件", m.eligibility || "—"],
    ["参加方式", m.howToJoin || "—"],
    ["报名状态", `${m.signupStatus},已报名 ${m.signupCount} 人`],
    ["活动状态", m.phaseLabel],
  ];
  return (
    <table class="record-meta meeting-facts">
      <caption class="visually-hidden">活动信息</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td class="pre-line">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MeetingPage(props: { meeting: MeetingView; signups: PublicSignup[] }) {
  const m = props.meeting;
  return (
    <article class="meeting">
      <Breadcrumb />
      <h1>
        {m.kindLabel}:{m.topic}
      </h1>
      <MeetingFacts meeting={m} />
      {m.canSignUp ? (
        <p>
          <a class="button" href={`${meetingPath(m.id)}/signup`}>
            我要报名
          </a>
        </p>
      ) : null}
      <SignupList meeting={m} signups={props.signups} />
      {m.selection === "randomDraw" ? <DrawSection meeting={m} signups={props.signups} /> : null}
      <Results meeting={m} />
    </article>
  );
}

function SignupList(props: { meeting: MeetingView; signups: PublicSignup[] }) {
  const m = props.meeting;
  const resultColumn = m.selection === "firstCome" || m.drawnAt !== null;
  return (
    <section aria-labelledby="signups-title">
      <h2 id="signups-title">报名名单</h2>
      {props.signups.length === 0 ? (
        <p>暂无报名。</p>
      ) : (
        <div class="table-wrap">
          <table id="signup-list">
            <caption>共 {props.signups.length} 人报名(只公开报名编号和隐去部分的姓名)</caption>
            <thead>
              <tr>
                <th scope="col">报名编号</th>
                <th scope="col">姓名</th>
                {resultColumn ? <th scope="col">结果</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.signups.map((s) => (
                <tr>
                  <th scope="row" class="signup-no">
                    {s.signupNo}
                  </th>
                  <td>{s.maskedName}</td>
                  {resultColumn ? <td>{s.selected ? "入选" : "未入选"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DrawSection(props: { meeting: MeetingView; signups: PublicSignup[] }) {
  const m = props.meeting;
  const selected = selectedNumbers(props.signups);
  return (
    <section aria-labelledby="draw-title">
      <h2 id="draw-title">随机抽取</h2>
      <p>
        报名人数超过名额时,从全部报名中随机抽取 {m.quota}{" "}
        名。报名截止后先公布抽签种子,再进行抽取;抽取只进行一次,任何人都可以用公布的种子和报名名单重新计算结果。
      </p>
      <p>
        <strong>抽取规则:</strong>
        {drawRuleText}
      </p>
      {m.drawSeed ? (
        <>
          <p>
            抽签种子(公布于 {m.seedPublishedAt}):<code id="draw-seed">{m.drawSeed}</code>
          </p>
          <p>
            <strong>自行验证:</strong>下载
            <a href={`${meetingsPath}/verify-draw.mjs`}>验证脚本 verify-draw.mjs</a>
            (Node.js 20 以上即可运行,无需安装其他软件),按报名名单的顺序填入全部报名编号后运行:
          </p>
          <pre class="draw-command">
            <code id="draw-command">
              node verify-draw.mjs {m.drawSeed} {m.quota}{" "}
              {props.signups.map((s) => s.signupNo).join(" ")}
            </code>
          </pre>
        </>
      ) : (
        <p>抽签种子将在报名截止后、抽取前在本页公布。</p>
      )}
      {m.drawnAt ? (
        <>
          <h3>抽取结果(抽取于 {m.drawnAt})</h3>
          {selected.length === 0 ? (
            <p>无人报名,无入选人员。</p>
          ) : (
            <ul id="draw-selected">
              {selected.map((no) => (
                <li>{no}</li>
              ))}
            </ul>
          )}
        </>
      ) : m.drawSeed ? (
        <p>尚未抽取。</p>
      ) : null}
    </section>
  );
}

function Results(props: { meeting: MeetingView }) {
  const m = props.meeting;
  if (m.resultsPublishedAt === null) return null;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">会议纪要和结果</h2>
      <p class="hint">公开于 {m.resultsPublishedAt}</p>
      {m.minutesHtml ? (
        <>
          <h3>会议纪要</h3>
          <div class="record-body">{raw(m.minutesHtml)}</div>
        </>
      ) : null}
      {m.outcome ? (
        <>
          <h3>结果和意见采纳情况</h3>
          <p class="pre-line">{m.outcome}</p>
        </>
      ) : null}
    </section>
  );
}

export const signupLabels: Record<string, string> = {
  name: "姓名",
  phone: "联系电话",
  organisation: "所在单位",
  statement: "意见要点",
  [humanCheckFields.answer]: "验证问题",
};

export function SignupPage(props: {
  meeting: MeetingView;
  values: Record<string, string>;
  errors: Record<string, string>;
  challenge: HumanChallenge | null;
  refusal?: string;
}) {
  const m = props.meeting;
  const v = props.values;
  const e = props.errors;
  const isHearing = m.kindLabel === "听证会";
  return (
    <>
      <Breadcrumb />
      <h1>
        报名:{m.kindLabel}“{m.topic}”
      </h1>
      <p class="lead">
        {m.time},{m.place}。名额 {m.quota} 名,{m.selectionLabel}。
        <a href={meetingPath(m.id)}>查看活动公告</a>
      </p>
      {props.refusal ? (
        <p class="notice" role="alert">
          {props.refusal}
        </p>
      ) : null}
      {props.challenge ? (
        <>
          <p>
            姓名和联系电话仅用于联系报名人,加密保存,不予公开;报名名单只公开报名编号和隐去部分的姓名。
          </p>
          <ErrorSummary errors={e} labels={signupLabels} />
          <PostForm action={`${meetingPath(m.id)}/signup`}>
            <Field name="name" label={signupLabels.name!} required error={e.name}>
              {(a) => (
                <input type="text" maxlength={50} autocomplete="name" value={v.name ?? ""} {...a} />
              )}
            </Field>
            <Field
              name="phone"
              label={signupLabels.phone!}
              required
              hint="用于通知参加,不公开。"
              error={e.phone}
            >
              {(a) => (
                <input type="tel" maxlength={20} autocomplete="tel" value={v.phone ?? ""} {...a} />
              )}
            </Field>
            <Field name="organisation" label={signupLabels.organisation!} error={e.organisation}>
              {(a) => (
                <input
                  type="text"
                  maxlength={100}
                  autocomplete="organization"
                  value={v.organisation ?? ""}
                  {...a}
                />
              )}
            </Field>
            <Field
              name="statement"
              label={isHearing ? "陈述意见要点" : "意见要点"}
              hint={isHearing ? "听证会发言人将从报名人中确定,请简述拟陈述的意见要点。" : "选填。"}
              error={e.statement}
            >
              {(a) => (
                <textarea rows={5} maxlength={2000} {...a}>
                  {v.statement ?? ""}
                </textarea>
              )}
            </Field>
            <HumanCheckField challenge={props.challenge} error={e[humanCheckFields.answer]} />
            <button type="submit" class="button">
              提交报名
            </button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

export function SignedUpPage(props: {
  meeting: MeetingView;
  signupNo: string;
  maskedName: string;
}) {
  const m = props.meeting;
  return (
    <>
      <Breadcrumb />
      <h1>报名已提交</h1>
      <p class="notice" role="status">
        报名编号:<strong id="signup-no">{props.signupNo}</strong>(姓名显示为 {props.maskedName})
      </p>
      <p>
        请记下报名编号。
        {m.selection === "firstCome"
          ? "本活动按报名先后确定参加人员,您已在名额之内,组织单位将通过您留下的电话联系您。"
          : "报名截止后将公布抽签种子并随机抽取,结果在活动页面公布,入选者由组织单位电话通知。"}
      </p>
      <p>
        <a href={meetingPath(m.id)}>返回活动公告</a>
      </p>
    </>
  );
}
