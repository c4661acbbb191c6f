// Back-office item page: the form for every column, activation, provenance and version history.
import { ErrorSummary, Field, PostForm } from "../ui/forms";
import { VerificationBadge } from "./admin-views";
import { CatalogItemColumns } from "./item-columns";
import { catalogFieldLabels, deadlineKindLabels, verificationLabels } from "./labels";
import {
  type CatalogFormValues,
  catalogFormLabels,
  DEADLINE_KIND_CHOICES,
  describeFormRule,
  FLAG_FIELDS,
  type FlagField,
} from "./schema";
import type { CatalogItemVersion, StoredCatalogItem } from "./store";

export interface UnitChoice {
  id: number;
  name: string;
}

export interface VersionEntry {
  version: number;
  changedAt: string;
  changedByName: string | null;
}

/** An instant as Asia/Shanghai wall time, "YYYY-MM-DD HH:mm". */
export function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

export function CatalogEditPage(props: {
  item: StoredCatalogItem | null;
  values: CatalogFormValues;
  errors?: Record<string, string>;
  units: UnitChoice[];
  versions: VersionEntry[];
  notice?: string;
}) {
  const { item } = props;
  const title = item ? `编辑事项:${item.item}` : "新增事项";
  return (
    <section aria-labelledby="item-title">
      <p>
        <a href="/admin/catalog">返回标准目录</a>
      </p>
      <h1 id="item-title">{title}</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      {item ? <Provenance item={item} /> : null}
      <ErrorSummary errors={props.errors} labels={catalogFormLabels} />
      <ItemForm
        action={item ? `/admin/catalog/${item.id}` : "/admin/catalog"}
        values={props.values}
        errors={props.errors ?? {}}
        units={props.units}
      />
      {item ? <Activation item={item} /> : null}
      {item ? <VersionList itemId={item.id} versions={props.versions} /> : null}
      <script src="/static/catalog-deadline.js" defer />
    </section>
  );
}

function Provenance(props: { item: StoredCatalogItem }) {
  const { item } = props;
  const names = (fields: typeof item.missingFields) =>
    fields.map((f) => catalogFieldLabels[f]).join("、");
  return (
    <div class={item.verification === "verified" ? "" : "notice-list"}>
      <p>
        编码 {item.code} · 第{item.version}版 · {item.isActive ? "已启用" : "未启用"} · 核实情况:
        {verificationLabels[item.verification]}{" "}
        <VerificationBadge verification={item.verification} candidate={item.candidate} />
      </p>
      {item.verification !== "verified" ? (
        <p>本行内容尚待核实,请与国家模板或上级目录核对。</p>
      ) : null}
      {item.missingFields.length > 0 ? (
        <p>没有来源、留空的栏目:{names(item.missingFields)}</p>
      ) : null}
      {item.unverifiedFields.length > 0 ? (
        <p>有内容但未经核对的栏目:{names(item.unverifiedFields)}</p>
      ) : null}
      {item.notes ? <p>备注:{item.notes}</p> : null}
      <details>
        <summary>来源</summary>
        <ul>
          {item.source.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

const flagChoiceLabels = { yes: "√ 勾选", no: "不勾选", unverified: "待核实" } as const;

function FlagSelect(props: { name: FlagField; values: CatalogFormValues; error?: string }) {
  const current = props.values[props.name];
  return (
    <Field name={props.name} label={catalogFormLabels[props.name]} error={props.error}>
      {(a) => (
        <select {...a}>
          {(Object.keys(flagChoiceLabels) as (keyof typeof flagChoiceLabels)[]).map((k) => (
            <option value={k} selected={current === k}>
              {flagChoiceLabels[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TextField(props: {
  name: keyof CatalogFormValues;
  values: CatalogFormValues;
  errors: Record<string, string>;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  inputMode?: "numeric";
}) {
  const value = props.values[props.name];
  return (
    <Field
      name={props.name}
      label={catalogFormLabels[props.name]}
      error={props.errors[props.name]}
      hint={props.hint}
      required={props.required}
    >
      {(a) =>
        props.multiline ? (
          <textarea {...a} rows={5}>
            {value}
          </textarea>
        ) : (
          <input {...a} type="text" value={value} inputmode={props.inputMode} />
        )
      }
    </Field>
  );
}

function ItemForm(props: {
  action: string;
  values: CatalogFormValues;
  errors: Record<string, string>;
  units: UnitChoice[];
}) {
  const { values: v, errors: e } = props;
  const list = "每行一项(也可用顿号分隔)。";
  return (
    <PostForm action={props.action} id="catalog-item-form" class="catalog-form">
      <input type="hidden" name="version" value={v.version} />
      <fieldset>
        <legend>公开事项</legend>
        <TextField name="seq" values={v} errors={e} inputMode="numeric" hint="候选事项可留空。" />
        <TextField name="category" values={v} errors={e} required />
        <TextField name="item" values={v} errors={e} required />
      </fieldset>
      <TextField name="elements" values={v} errors={e} multiline hint={list} />
      <TextField name="legalBasis" values={v} errors={e} multiline hint={list} />
      <DeadlineFields values={v} errors={e} />
      <ResponsibleUnitFields values={v} errors={e} units={props.units} />
      <TextField name="channels" values={v} errors={e} multiline hint={list} />
      <fieldset>
        <legend>公开对象、公开方式、公开层级</legend>
        <p class="hint">每组至少勾选一项;来源不能确认的选“待核实”。</p>
        {FLAG_FIELDS.map((name) => (
          <>
            <FlagSelect name={name} values={v} error={e[name]} />
            {name === "audienceSpecificGroup" ? (
              <TextField
                name="specificGroupName"
                values={v}
                errors={e}
                hint="勾选“特定群体”时可写明群体名称,如“辖区食品生产经营者”。"
              />
            ) : null}
          </>
        ))}
      </fieldset>
      <VerificationField values={v} errors={e} />
      <TextField name="notes" values={v} errors={e} multiline />
      <button type="submit">保存</button>
    </PostForm>
  );
}

function DeadlineFields(props: { values: CatalogFormValues; errors: Record<string, string> }) {
  const { values: v, errors: e } = props;
  return (
    <fieldset>
      <legend>公开时限</legend>
      <TextField
        name="deadlineText"
        values={v}
        errors={e}
        hint="按目录原文填写,如“信息形成或变更之日起20个工作日内”“实时”“常态”。"
      />
      <Field
        name="deadlineKind"
        label={catalogFormLabels.deadlineKind}
        error={e.deadlineKind}
        hint="用于计算应公开日期。选“按文字识别”时由上面的文字得出;文字无法识别时请在此指定。"
      >
        {(a) => (
          <select {...a}>
            {DEADLINE_KIND_CHOICES.map((k) => (
              <option value={k} selected={v.deadlineKind === k}>
                {k === "" ? "按文字识别" : deadlineKindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        name="deadlineDays"
        values={v}
        errors={e}
        inputMode="numeric"
        hint="“若干个工作日内”的天数,1至365。"
      />
      <p class="hint">
        期限规则:
        <output id="deadline-description" for="f-deadlineText f-deadlineKind f-deadlineDays">
          {describeFormRule(v)}
        </output>
      </p>
    </fieldset>
  );
}

function ResponsibleUnitFields(props: {
  values: CatalogFormValues;
  errors: Record<string, string>;
  units: UnitChoice[];
}) {
  const { values: v, errors: e } = props;
  return (
    <fieldset>
      <legend>公开主体</legend>
      <Field
        name="responsibleUnitId"
        label={catalogFormLabels.responsibleUnitId}
        error={e.responsibleUnitId}
        hint="负责按时公开本事项信息的单位。"
      >
        {(a) => (
          <select {...a}>
            <option value="" selected={v.responsibleUnitId === ""}>
              不指定
            </option>
            {props.units.map((u) => (
              <option value={String(u.id)} selected={v.responsibleUnitId === String(u.id)}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        name="responsibleUnit"
        values={v}
        errors={e}
        hint="目录中“公开主体”一栏的文字;留空时使用所选单位的名称。"
      />
    </fieldset>
  );
}

function VerificationField(props: { values: CatalogFormValues; errors: Record<string, string> }) {
  return (
    <Field
      name="verification"
      label={catalogFormLabels.verification}
      error={props.errors.verification}
      hint="与国家模板或上级目录逐栏核对后选“已核实”。"
    >
      {(a) => (
        <select {...a}>
          {(["verified", "partial", "unverified"] as const).map((k) => (
            <option value={k} selected={props.values.verification === k}>
              {verificationLabels[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Activation(props: { item: StoredCatalogItem }) {
  const { item } = props;
  return (
    <section aria-labelledby="activation-title">
      <h2 id="activation-title">启用状态</h2>
      <p>
        {item.isActive
          ? "本事项已启用:显示在公开的标准目录中,随目录导出,可供信息员归类信息。"
          : "本事项未启用:不在公开的标准目录中显示,也不随目录导出。"}
      </p>
      <PostForm action={`/admin/catalog/${item.id}/${item.isActive ? "deactivate" : "activate"}`}>
        <button type="submit" class={item.isActive ? "secondary" : undefined}>
          {item.isActive ? "停用本事项" : "启用本事项"}
        </button>
      </PostForm>
    </section>
  );
}

function VersionList(props: { itemId: number; versions: VersionEntry[] }) {
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">版本记录</h2>
      <p class="hint">已归入某一版本的信息始终引用该版本的内容,修改事项不会改变它们。</p>
      <table>
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">保存时间</th>
            <th scope="col">保存人</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr>
              <td>
                <a href={`/admin/catalog/${props.itemId}/versions/${v.version}`}>第{v.version}版</a>
              </td>
              <td>{shanghaiTime(v.changedAt)}</td>
              <td>{v.changedByName ?? "系统"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CatalogVersionPage(props: { version: CatalogItemVersion; current: number }) {
  const { version } = props;
  return (
    <section aria-labelledby="version-title">
      <p>
        <a href={`/admin/catalog/${version.id}#versions-title`}>返回事项</a>
      </p>
      <h1 id="version-title">
        {version.item} · 第{version.version}版
        {version.version === props.current ? "(当前版本)" : ""}
      </h1>
      <p>
        保存于 {shanghaiTime(version.changedAt)} · 编码 {version.code} · 核实情况:
        {verificationLabels[version.verification]}
      </p>
      <CatalogItemColumns item={version} backOffice />
      {version.notes ? <p>备注:{version.notes}</p> : null}
    </section>
  );
}
