import type { HumanChallenge } from "../platform/human-check";
import { humanCheckFields } from "../platform/human-check";
import { HumanCheckField } from "../platform/human-check-field";
import { genreLabels } from "../records/genres";
import { ErrorSummary, Field, PostForm } from "../ui/forms";
import { GENRE_CHOICES } from "./topics";

export const subscribeFieldLabels: Record<string, string> = {
  email: "电子邮箱",
  topics: "订阅内容",
  catalogItem: "目录事项",
  [humanCheckFields.answer]: "验证问题",
};

export interface SubscribeFormModel {
  values: { email?: string; topics?: string[]; catalogItem?: string };
  errors: Record<string, string>;
  challenge: HumanChallenge;
  catalogItems: { id: number; label: string }[];
}

function Choice(props: { value: string; label: string; checked: boolean; id?: string }) {
  return (
    <label class="choice">
      <input
        type="checkbox"
        name="topics"
        value={props.value}
        checked={props.checked}
        id={props.id}
      />{" "}
      {props.label}
    </label>
  );
}

export function SubscribePage(props: SubscribeFormModel) {
  const chosen = new Set(props.values.topics ?? []);
  const topicError = props.errors.topics;
  return (
    <>
      <h1>邮件订阅</h1>
      <p class="lead">
        无需注册账号。填写电子邮箱并选择订阅内容,我们会先发一封确认邮件,您点击其中的链接确认后才会收到提醒;每封提醒邮件都附有退订链接。
      </p>
      <ErrorSummary errors={props.errors} labels={subscribeFieldLabels} />
      <PostForm action="/subscriptions" class="subscribe-form">
        <Field name="email" label="电子邮箱" error={props.errors.email} required>
          {(attrs) => (
            <input
              {...attrs}
              type="email"
              autocomplete="email"
              maxlength={254}
              value={props.values.email ?? ""}
            />
          )}
        </Field>
        <fieldset
          class={topicError ? "subscribe-topics field-error" : "subscribe-topics"}
          aria-describedby={topicError ? "f-topics-error" : undefined}
        >
          <legend>订阅内容(可多选)</legend>
          {topicError ? (
            <p class="error-text" id="f-topics-error">
              错误:{topicError}
            </p>
          ) : null}
          <Choice
            id="f-topics"
            value="consultations"
            label="意见征集:有新的征集意见事项时提醒我"
            checked={chosen.has("consultations")}
          />
          <Choice
            value="genre:serviceGuide"
            label="办事指南:发布或更新办事指南时提醒我"
            checked={chosen.has("genre:serviceGuide")}
          />
          <p class="hint">按体裁订阅:</p>
          {GENRE_CHOICES.map((g) => (
            <Choice
              value={`genre:${g}`}
              label={genreLabels[g]}
              checked={chosen.has(`genre:${g}`)}
            />
          ))}
        </fieldset>
        <Field
          name="catalogItem"
          label="按目录事项订阅(可选)"
          hint="该目录事项下发布新信息时提醒我。"
          error={props.errors.catalogItem}
        >
          {(attrs) => (
            <select {...attrs}>
              <option value="">不订阅目录事项</option>
              {props.catalogItems.map((i) => (
                <option value={String(i.id)} selected={props.values.catalogItem === String(i.id)}>
                  {i.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <HumanCheckField
          challenge={props.challenge}
          error={props.errors[humanCheckFields.answer]}
        />
        <p>
          <button type="submit" class="button">
            订阅
          </button>
        </p>
      </PostForm>
      <p class="hint">
        您的邮箱仅用于发送所订阅的提醒,加密保存,不会公开。也可以使用信息公开专栏的 Atom 订阅源。
      </p>
    </>
  );
}

export function SubscribeSentPage() {
  return (
    <>
      <h1>请查收确认邮件</h1>
      <p role="status">
        如果该邮箱尚未订阅所选内容,我们已向其发送一封确认邮件。请在7日内打开邮件中的链接并点击“确认订阅”,确认后才会收到提醒。
      </p>
      <p>
        <a href="/subscriptions">返回邮件订阅</a>
      </p>
    </>
  );
}

export function ConfirmPage(props: { token: string; emailMasked: string; topics: string[] }) {
  return (
    <>
      <h1>确认订阅</h1>
      <p>邮箱 {props.emailMasked} 将订阅以下提醒:</p>
      <ul>
        {props.topics.map((t) => (
          <li>{t}</li>
        ))}
      </ul>
      <PostForm action={`/subscriptions/confirm/${props.token}`}>
        <button type="submit" class="button">
          确认订阅
        </button>
      </PostForm>
    </>
  );
}

export function MessagePage(props: { heading: string; text: string }) {
  return (
    <>
      <h1>{props.heading}</h1>
      <p role="status">{props.text}</p>
      <p>
        <a href="/subscriptions">返回邮件订阅</a>
      </p>
    </>
  );
}

export function UnsubscribePage(props: { token: string; label: string; emailMasked: string }) {
  return (
    <>
      <h1>退订邮件提醒</h1>
      <p>
        邮箱 {props.emailMasked} 将不再收到“{props.label}”的提醒。
      </p>
      <PostForm action={`/subscriptions/unsubscribe/${props.token}`}>
        <button type="submit" class="button">
          确认退订
        </button>
      </PostForm>
    </>
  );
}
