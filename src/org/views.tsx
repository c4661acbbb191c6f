import { ErrorSummary, Field, PostForm } from "../ui/forms";
import { flattenUnitTree, type UnitTree } from "./rules";
import type { UnitEntry } from "./service";
import { unitKindLabels } from "./store";
import type { UnitKind } from "./tables";

const unitLabels = { name: "单位名称", kind: "单位类型", parentId: "上级单位" };

export interface UnitFormValues {
  name: string;
  kind: string;
  parentId: string;
}

export function UnitsPage(props: {
  tree: UnitTree<UnitEntry>[];
  values?: UnitFormValues;
  errors?: Record<string, string>;
  notice?: string;
}) {
  return (
    <section aria-labelledby="units-title">
      <h1 id="units-title">单位管理</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <h2>单位与人员</h2>
      <UnitList nodes={props.tree} />
      <h2 id="new-unit">新建单位</h2>
      <ErrorSummary errors={props.errors} labels={unitLabels} />
      <UnitForm
        action="/admin/units"
        tree={props.tree}
        values={props.values ?? { name: "", kind: "department", parentId: "" }}
        errors={props.errors}
        submit="新建单位"
      />
    </section>
  );
}

function UnitList(props: { nodes: UnitTree<UnitEntry>[] }) {
  if (props.nodes.length === 0) return null;
  return (
    <ul class="unit-tree">
      {props.nodes.map((u) => (
        <li id={`unit-${u.id}`}>
          <a href={`/admin/units/${u.id}`}>{u.name}</a>{" "}
          <span class="badge">{unitKindLabels[u.kind]}</span>
          <p class="hint">
            人员:
            {u.people.length === 0
              ? "暂无"
              : u.people.map((p, i) => (
                  <>
                    {i > 0 ? "、" : ""}
                    <a href={`/admin/users/${p.id}`}>{p.displayName}</a>({p.username}
                    {p.isActive ? "" : ",已停用"})
                  </>
                ))}
          </p>
          <UnitList nodes={u.children} />
        </li>
      ))}
    </ul>
  );
}

export function UnitEditPage(props: {
  unit: UnitTree<UnitEntry>;
  tree: UnitTree<UnitEntry>[];
  values: UnitFormValues;
  errors?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="unit-title">
      <h1 id="unit-title">修改单位:{props.unit.name}</h1>
      <p>
        <a href="/admin/units">返回单位列表</a>
      </p>
      <ErrorSummary errors={props.errors} labels={unitLabels} />
      <UnitForm
        action={`/admin/units/${props.unit.id}`}
        tree={props.tree}
        values={props.values}
        errors={props.errors}
        exclude={props.unit}
        submit="保存"
      />
      <h2>本单位人员</h2>
      {props.unit.people.length === 0 ? (
        <p>暂无人员。</p>
      ) : (
        <ul>
          {props.unit.people.map((p) => (
            <li>
              <a href={`/admin/users/${p.id}`}>{p.displayName}</a>({p.username}
              {p.isActive ? "" : ",已停用"})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UnitForm(props: {
  action: string;
  tree: UnitTree<UnitEntry>[];
  values: UnitFormValues;
  errors?: Record<string, string>;
  /** The unit being edited: it and its subtree cannot be its parent. */
  exclude?: UnitTree<UnitEntry>;
  submit: string;
}) {
  const excluded = new Set(
    props.exclude ? flattenUnitTree([props.exclude]).map((e) => e.unit.id) : [],
  );
  const options = flattenUnitTree(props.tree).filter((e) => !excluded.has(e.unit.id));
  const v = props.values;
  return (
    <PostForm action={props.action}>
      <Field name="name" label={unitLabels.name} required error={props.errors?.name}>
        {(a) => <input {...a} type="text" maxlength={50} value={v.name} />}
      </Field>
      <Field name="kind" label={unitLabels.kind} required error={props.errors?.kind}>
        {(a) => (
          <select {...a}>
            {(Object.keys(unitKindLabels) as UnitKind[]).map((k) => (
              <option value={k} selected={v.kind === k}>
                {unitKindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="parentId"
        label={unitLabels.parentId}
        error={props.errors?.parentId}
        hint="局机关是顶层单位,不选上级;股室和乡镇监管所须选择上级单位。"
      >
        {(a) => (
          <select {...a}>
            <option value="" selected={v.parentId === ""}>
              (无上级单位)
            </option>
            {options.map((e) => (
              <option value={String(e.unit.id)} selected={v.parentId === String(e.unit.id)}>
                {`${"　".repeat(e.depth)}${e.unit.name}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" class="button">
        {props.submit}
      </button>
    </PostForm>
  );
}
