// The application form (条例第二十九条), used by the public page and by staff registration.
// Works without JavaScript: both applicant fieldsets are shown and a radio says which applies.

import type { HumanChallenge } from "../../platform/human-check";
import { humanCheckFields } from "../../platform/human-check";
import { HumanCheckField } from "../../platform/human-check-field";
import { ErrorSummary, PostForm } from "../../ui/forms";
import {
  APPLICATION_CHANNELS,
  applicantKindLabels,
  channelLabels,
  DELIVERY_FORMS,
  DELIVERY_ROUTES,
  deliveryFormLabels,
  deliveryRouteLabels,
  ID_TYPES,
  idTypeLabels,
  ORGANISATION_KINDS,
} from "../labels";
import { type FieldState, RadioGroup, Select, TextArea, TextInput } from "./fields";

export interface ApplicationFormModel extends FieldState {
  action: string;
  /** Public form: the human check. Staff registration: none, with channel and dates instead. */
  challenge?: HumanChallenge;
  staff?: boolean;
  /** A general message above the form (e.g. the upload must be chosen again). */
  notice?: string;
}

export const applicationFieldLabels: Record<string, string> = {
  applicantType: "申请人类型",
  personName: "姓名",
  personIdType: "证件类型",
  personIdNumber: "证件号码",
  personPhone: "联系电话",
  personEmail: "电子邮箱",
  personAddress: "通信地址",
  orgKind: "组织类型",
  orgName: "名称",
  orgCreditCode: "统一社会信用代码",
  orgLegalRepresentative: "法定代表人",
  orgContactPerson: "联系人",
  orgPhone: "联系电话",
  orgEmail: "电子邮箱",
  orgAddress: "通信地址",
  infoName: "信息名称",
  infoDocNo: "文号",
  infoDescription: "特征描述",
  deliveryForm: "获取信息的方式",
  deliveryRoute: "获取信息的途径",
  idScan: "身份证明扫描件",
  channel: "申请渠道",
  submittedOn: "提交或寄达日期",
  receivedOn: "收到申请之日",
  [humanCheckFields.answer]: "验证问题",
};

const pairs = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => [k, labels[k]] as const);

export function ApplicationForm(props: ApplicationFormModel) {
  const state: FieldState = { values: props.values, errors: props.errors };
  return (
    <>
      <ErrorSummary errors={props.errors} labels={applicationFieldLabels} />
      {props.notice ? <p class="notice">{props.notice}</p> : null}
      <PostForm action={props.action} multipart class="application-form">
        {props.staff ? <ReceiptFields state={state} /> : null}
        <RadioGroup
          state={state}
          name="applicantType"
          legend="申请人类型"
          fallback="natural_person"
          options={[
            ["natural_person", "自然人(公民个人)"],
            ["organisation", "法人或其他组织"],
          ]}
        />
        <PersonFields state={state} strict={!props.staff} />
        <OrganisationFields state={state} strict={!props.staff} />
        <IdScanField state={state} />
        <RequestedInfoFields state={state} />
        {props.challenge ? (
          <HumanCheckField
            challenge={props.challenge}
            error={props.errors[humanCheckFields.answer]}
          />
        ) : null}
        <p>
          <button type="submit" class="button">
            {props.staff ? "登记申请" : "提交申请"}
          </button>
        </p>
      </PostForm>
    </>
  );
}

function ReceiptFields(props: { state: FieldState }) {
  return (
    <fieldset>
      <legend>收到申请的渠道和日期(条例第二十九条、第三十一条)</legend>
      <Select
        state={props.state}
        name="channel"
        label="申请渠道"
        required
        options={pairs(APPLICATION_CHANNELS, channelLabels).filter(([k]) => k !== "online")}
      />
      <TextInput
        state={props.state}
        name="submittedOn"
        label="提交或寄达日期"
        type="date"
        hint="当面提交、口头提出的,填提交之日;信函、传真填寄达之日。"
      />
      <TextInput
        state={props.state}
        name="receivedOn"
        label="收到申请之日"
        type="date"
        hint="当面、口头:提交之日;挂号信:签收之日;平常信函、传真:与申请人确认之日(尚未确认的留空,申请将处于待确认)。"
      />
    </fieldset>
  );
}

function PersonFields(props: { state: FieldState; strict: boolean }) {
  const s = props.state;
  return (
    <fieldset>
      <legend>自然人填写</legend>
      <TextInput state={s} name="personName" label="姓名" required autocomplete="name" />
      <Select
        state={s}
        name="personIdType"
        label="证件类型"
        required={props.strict}
        options={pairs(ID_TYPES, idTypeLabels)}
      />
      <TextInput
        state={s}
        name="personIdNumber"
        label="证件号码"
        required={props.strict}
        autocomplete="off"
      />
      <TextInput
        state={s}
        name="personPhone"
        label="联系电话"
        required={props.strict}
        type="tel"
        autocomplete="tel"
      />
      <TextInput
        state={s}
        name="personEmail"
        label="电子邮箱"
        type="email"
        autocomplete="email"
        hint="填写后,申请编号和查询码也会发送到该邮箱。"
      />
      <TextInput
        state={s}
        name="personAddress"
        label="通信地址"
        autocomplete="address-line1"
        hint="选择邮寄的须填写。"
      />
    </fieldset>
  );
}

function OrganisationFields(props: { state: FieldState; strict: boolean }) {
  const s = props.state;
  return (
    <fieldset>
      <legend>法人或其他组织填写</legend>
      <Select
        state={s}
        name="orgKind"
        label="组织类型"
        required
        options={pairs(ORGANISATION_KINDS, applicantKindLabels)}
      />
      <TextInput state={s} name="orgName" label="名称" required autocomplete="organization" />
      <TextInput state={s} name="orgCreditCode" label="统一社会信用代码" required={props.strict} />
      <TextInput state={s} name="orgLegalRepresentative" label="法定代表人" />
      <TextInput state={s} name="orgContactPerson" label="联系人" required={props.strict} />
      <TextInput state={s} name="orgPhone" label="联系电话" required={props.strict} type="tel" />
      <TextInput state={s} name="orgEmail" label="电子邮箱" type="email" />
      <TextInput state={s} name="orgAddress" label="通信地址" hint="选择邮寄的须填写。" />
    </fieldset>
  );
}

function IdScanField(props: { state: FieldState }) {
  const error = props.state.errors.idScan;
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for="f-idScan">身份证明扫描件(可选)</label>
      <p class="hint" id="f-idScan-hint">
        自然人可上传身份证件,法人或其他组织可上传营业执照等。PNG、JPEG 或
        PDF,不超过5MB,仅经办人可以查看。
      </p>
      {error ? (
        <p class="error-text" id="f-idScan-error">
          错误:{error}
        </p>
      ) : null}
      <input
        type="file"
        id="f-idScan"
        name="idScan"
        accept=".png,.jpg,.jpeg,.pdf"
        aria-describedby={error ? "f-idScan-hint f-idScan-error" : "f-idScan-hint"}
        aria-invalid={error ? "true" : undefined}
      />
    </div>
  );
}

function RequestedInfoFields(props: { state: FieldState }) {
  const s = props.state;
  return (
    <fieldset>
      <legend>所需政府信息</legend>
      <p class="hint">名称、文号、特征描述至少填写一项。</p>
      <TextInput state={s} name="infoName" label="信息名称" />
      <TextInput state={s} name="infoDocNo" label="文号" hint="例如:某市监〔2024〕12号" />
      <TextArea
        state={s}
        name="infoDescription"
        label="特征描述"
        hint="便于查找的其他特征,如形成时间、内容、相关事项。"
      />
      <Select
        state={s}
        name="deliveryForm"
        label="获取信息的方式"
        required
        options={pairs(DELIVERY_FORMS, deliveryFormLabels)}
      />
      <Select
        state={s}
        name="deliveryRoute"
        label="获取信息的途径"
        required
        options={pairs(DELIVERY_ROUTES, deliveryRouteLabels)}
      />
      <p class="field">
        <label class="choice">
          <input
            type="checkbox"
            name="wantsStatusMail"
            value="1"
            checked={s.values.wantsStatusMail === "1"}
          />{" "}
          办理进度有变化时发邮件告诉我
        </label>
      </p>
    </fieldset>
  );
}
