import { ErrorSummary, Field, PostForm } from "../ui/forms";
import type { AccountView } from "./admin-service";
import { type Role, roleLabels, roles } from "./roles";

const userLabels = {
  username: "用户名",
  displayName: "姓名",
  email: "电子邮箱",
  unitId: "所属单位",
  roles: "角色",
};

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  unitId: string;
  roles: string[];
}

export type UnitChoice = { id: number; label: string };

function StatusBadges(props: { account: AccountView }) {
  const a = props.account;
  if (!a.isActive) return <span class="badge badge-err">已停用</span>;
  return (
    <>
      {a.isLocked ? <span class="badge badge-warn">已锁定</span> : null}
      {a.mustChangePassword ? <span class="badge badge-warn">待修改初始密码</span> : null}
      {!a.isLocked && !a.mustChangePassword ? <span class="badge badge-ok">正常</span> : null}
    </>
  );
}

export function UserListPage(props: { accounts: AccountView[] }) {
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">用户管理</h1>
      <p>
        <a class="button" href="/admin/users/new">
          新建用户
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <caption>全部账号</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">所属单位</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/users/${a.id}`}>{a.username}</a>
                </td>
                <td>{a.displayName}</td>
                <td>{a.unitName}</td>
                <td>{a.roles.map((r) => roleLabels[r]).join("、")}</td>
                <td>
                  <StatusBadges account={a} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RoleChoices(props: { checked: string[]; error?: string }) {
  return (
    <fieldset
      class={props.error ? "field field-error" : "field"}
      id="f-roles"
      aria-describedby={props.error ? "f-roles-hint f-roles-error" : "f-roles-hint"}
    >
      <legend>
        {userLabels.roles}
        <span class="required"> (必填)</span>
      </legend>
      <p class="hint" id="f-roles-hint">
        系统管理员与审计员不能由同一账号担任(三员分立)。
      </p>
      {props.error ? (
        <p class="error-text" id="f-roles-error">
          错误:{props.error}
        </p>
      ) : null}
      {roles.map((r: Role) => (
        <label>
          <input type="checkbox" name="roles" value={r} checked={props.checked.includes(r)} />{" "}
          {roleLabels[r]}
        </label>
      ))}
    </fieldset>
  );
}

function AccountFields(props: {
  values: UserFormValues;
  errors?: Record<string, string>;
  units: UnitChoice[];
}) {
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <>
      <Field name="displayName" label={userLabels.displayName} required error={e.displayName}>
        {(a) => <input {...a} type="text" maxlength={50} value={v.displayName} />}
      </Field>
      <Field name="email" label={userLabels.email} error={e.email} hint="选填,用于接收待办提醒。">
        {(a) => <input {...a} type="email" autocomplete="off" value={v.email} />}
      </Field>
      <Field name="unitId" label={userLabels.unitId} required error={e.unitId}>
        {(a) => (
          <select {...a}>
            {props.units.map((u) => (
              <option value={String(u.id)} selected={v.unitId === String(u.id)}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RoleChoices checked={v.roles} error={e.roles} />
    </>
  );
}

export function UserNewPage(props: {
  values: UserFormValues;
  errors?: Record<string, string>;
  units: UnitChoice[];
}) {
  return (
    <section aria-labelledby="user-new-title">
      <h1 id="user-new-title">新建用户</h1>
      <p>
        <a href="/admin/users">返回用户列表</a>
      </p>
      <ErrorSummary errors={props.errors} labels={userLabels} />
      <PostForm action="/admin/users">
        <Field
          name="username"
          label={userLabels.username}
          required
          error={props.errors?.username}
          hint="登录用,2至64位字母、数字、点、下划线或连字符,创建后不能修改。"
        >
          {(a) => <input {...a} type="text" autocomplete="off" value={props.values.username} />}
        </Field>
        <AccountFields values={props.values} errors={props.errors} units={props.units} />
        <p class="hint">系统将生成初始密码并只显示一次;本人首次登录时须修改密码。</p>
        <button type="submit" class="button">
          创建用户
        </button>
      </PostForm>
    </section>
  );
}

export function UserEditPage(props: {
  account: AccountView;
  values: UserFormValues;
  errors?: Record<string, string>;
  units: UnitChoice[];
  notice?: string;
}) {
  const a = props.account;
  return (
    <section aria-labelledby="user-edit-title">
      <h1 id="user-edit-title">
        用户:{a.displayName}({a.username})
      </h1>
      <p>
        <a href="/admin/users">返回用户列表</a>
      </p>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <p>
        状态:
        <StatusBadges account={a} />
      </p>
      <ErrorSummary errors={props.errors} labels={userLabels} />
      <PostForm action={`/admin/users/${a.id}`}>
        <AccountFields values={props.values} errors={props.errors} units={props.units} />
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
      <h2>账号操作</h2>
      <PostForm action={`/admin/users/${a.id}/reset-password`} class="inline-form">
        <button type="submit" class="button secondary">
          重置密码
        </button>
      </PostForm>
      {a.isLocked ? (
        <PostForm action={`/admin/users/${a.id}/unlock`} class="inline-form">
          <button type="submit" class="button secondary">
            解除锁定
          </button>
        </PostForm>
      ) : null}
      <PostForm
        action={`/admin/users/${a.id}/${a.isActive ? "deactivate" : "reactivate"}`}
        class="inline-form"
      >
        <button type="submit" class="button secondary">
          {a.isActive ? "停用账号" : "重新启用账号"}
        </button>
      </PostForm>
      <p class="hint">
        重置密码会生成新的初始密码并结束该用户的所有登录会话;停用账号会立即结束其所有会话,其访问令牌也随之失效。
      </p>
    </section>
  );
}

export function InitialPasswordPage(props: {
  account: { id: number; username: string };
  password: string;
  reset: boolean;
}) {
  return (
    <section class="narrow" aria-labelledby="initial-password-title">
      <h1 id="initial-password-title">{props.reset ? "密码已重置" : "用户已创建"}</h1>
      <p role="status">
        用户 {props.account.username} 的初始密码如下。它只显示这一次,请通过安全方式交给本人;
        本人首次登录时须修改密码。
      </p>
      <p>
        <code class="secret">{props.password}</code>
      </p>
      <p>
        <a href={`/admin/users/${props.account.id}`}>查看该用户</a> ·{" "}
        <a href="/admin/users">返回用户列表</a>
      </p>
    </section>
  );
}
