// The workflow action forms of the record page: only the actions this user may take are offered;
// the others are listed with the reason they are not available.
import type { Child } from "hono/jsx";
import { Field, PostForm } from "../../ui/forms";
import { commentFieldOf, type PageAction } from "../backoffice-form";
import type { ActionChoice } from "../backoffice-policy";
import { DISCLOSURE_ATTRIBUTES, disclosureAttributeLabels } from "../vocabulary";
import { workflowActionLabels } from "../workflow";

/** A failed action form, shown again with what was typed and every error. */
export interface FailedForm {
  action: PageAction | "dismiss";
  errors: Record<string, string>;
  values: Record<string, string>;
  message: string;
}

export const actionFormLabels: Record<string, string> = {
  submitComment: "送审说明",
  approveComment: "审核意见",
  rejectReason: "退回理由",
  signComment: "签发意见",
  scheduleComment: "签发意见",
  withdrawReason: "撤回理由",
  publishAt: "定时发布时间",
  isClassified: "是否涉密",
  involvesPrivacyOrTradeSecret: "是否涉及个人隐私或商业秘密",
  disclosureAttribute: "公开属性",
  legalReason: "法定理由",
};

const buttonLabels: Record<PageAction, string> = {
  submit: "送审",
  approve: "审核通过",
  reject: "退回修改",
  sign: "签发并立即发布",
  schedule: "签发并定时发布",
  withdraw: "撤回",
};

const commentHints: Partial<Record<PageAction, string>> = {
  reject: "必填。退回后信息回到草稿状态,由信息员修改后重新送审。",
  withdraw: "必填。撤回后信息立即从网站页面、搜索、订阅和接口中消失,后台和审计日志中保留。",
};

export function ActionPanel(props: {
  recordId: number;
  choices: ActionChoice[];
  failed?: FailedForm;
}) {
  const offered = props.choices.filter((c) => c.unavailableBecause === null);
  const withheld = props.choices.filter((c) => c.unavailableBecause !== null);
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">办理</h2>
      {offered.length === 0 ? <p>当前没有您可以办理的操作。</p> : null}
      {offered.map((c) => (
        <ActionForm recordId={props.recordId} action={c.action} failed={props.failed} />
      ))}
      {withheld.length > 0 ? (
        <div class="notice-list">
          <h3>不可办理的操作</h3>
          <ul>
            {withheld.map((c) => (
              <li>
                {workflowActionLabels[c.action]}:{c.unavailableBecause}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function ActionForm(props: { recordId: number; action: PageAction; failed?: FailedForm }) {
  const { action } = props;
  const failed = props.failed?.action === action ? props.failed : undefined;
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? {};
  const comment = commentFieldOf[action];
  const isRequired = action === "reject" || action === "withdraw";
  return (
    <PostForm action={`/admin/records/${props.recordId}/actions/${action}`} class="catalog-form">
      <fieldset>
        <legend>{workflowActionLabels[action]}</legend>
        {failed && Object.keys(errors).length === 0 ? <p role="alert">{failed.message}</p> : null}
        {action === "approve" ? <ReviewFields errors={errors} values={values} /> : null}
        {action === "schedule" ? (
          <Field name="publishAt" label="定时发布时间(北京时间)" error={errors.publishAt} required>
            {(a) => <input type="datetime-local" value={values.publishAt ?? ""} {...a} />}
          </Field>
        ) : null}
        <Field
          name={comment}
          label={actionFormLabels[comment]!}
          error={errors[comment]}
          hint={commentHints[action]}
          required={isRequired}
        >
          {(a) => (
            <textarea rows={2} {...a}>
              {values[comment] ?? ""}
            </textarea>
          )}
        </Field>
        <button type="submit">{buttonLabels[action]}</button>
      </fieldset>
    </PostForm>
  );
}

function RadioGroup(props: {
  name: string;
  options: { value: string; label: string }[];
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const error = props.errors[props.name];
  const errorId = `f-${props.name}-error`;
  return (
    <fieldset
      class={error ? "field field-error" : "field"}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {actionFormLabels[props.name]}
        <span class="required"> (必填)</span>
      </legend>
      {error ? (
        <p class="error-text" id={errorId}>
          错误:{error}
        </p>
      ) : null}
      {props.options.map((o, i) => {
        const id = i === 0 ? `f-${props.name}` : `f-${props.name}-${o.value}`;
        return (
          <label for={id}>
            <input
              type="radio"
              id={id}
              name={props.name}
              value={o.value}
              checked={props.values[props.name] === o.value}
              aria-invalid={error ? "true" : undefined}
            />{" "}
            {o.label}{" "}
          </label>
        );
      })}
    </fieldset>
  );
}

const yesNo = [
  { value: "no", label: "否" },
  { value: "yes", label: "是" },
];

function ReviewFields(props: {
  errors: Record<string, string>;
  values: Record<string, string>;
}): Child {
  return (
    <>
      <p>保密审查(条例第十四条至第十七条):涉密信息不予公开;涉及个人隐私或商业秘密的须写明依据。</p>
      <RadioGroup name="isClassified" options={yesNo} {...props} />
      <RadioGroup name="involvesPrivacyOrTradeSecret" options={yesNo} {...props} />
      <RadioGroup
        name="disclosureAttribute"
        options={DISCLOSURE_ATTRIBUTES.map((d) => ({
          value: d,
          label: disclosureAttributeLabels[d],
        }))}
        {...props}
      />
      <Field
        name="legalReason"
        label="法定理由"
        error={props.errors.legalReason}
        hint="公开属性为依申请公开或不予公开,或涉及个人隐私、商业秘密时必填,写明所依据的条款。"
      >
        {(a) => (
          <textarea rows={2} {...a}>
            {props.values.legalReason ?? ""}
          </textarea>
        )}
      </Field>
    </>
  );
}
