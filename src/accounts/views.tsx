import { ErrorSummary, Field, PostForm } from "../ui/forms";

export function LoginPage(props: { error?: string; username?: string; next?: string }) {
  return (
    <section class="narrow" aria-labelledby="login-title">
      <h1 id="login-title">工作人员登录</h1>
      {props.error ? (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      <PostForm action="/login">
        <input type="hidden" name="next" value={props.next ?? "/admin"} />
        <Field name="username" label="用户名" required>
          {(a) => <input {...a} type="text" autocomplete="username" value={props.username ?? ""} />}
        </Field>
        <Field name="password" label="密码" required>
          {(a) => <input {...a} type="password" autocomplete="current-password" />}
        </Field>
        <button type="submit" class="button">
          登录
        </button>
      </PostForm>
      <p class="hint">连续5次输入错误密码,账号将被锁定15分钟。</p>
    </section>
  );
}

const passwordLabels = { current: "当前密码", password: "新密码", confirm: "确认新密码" };

export function PasswordChangePage(props: {
  errors?: Record<string, string>;
  forced: boolean;
  done?: boolean;
}) {
  return (
    <section class="narrow" aria-labelledby="pw-title">
      <h1 id="pw-title">修改密码</h1>
      {props.forced ? (
        <p role="status">您正在使用初始密码或重置后的密码,请先设置新密码再继续使用。</p>
      ) : null}
      {props.done ? <p role="status">密码已修改。</p> : null}
      <ErrorSummary errors={props.errors} labels={passwordLabels} />
      <PostForm action="/account/password">
        <Field name="current" label={passwordLabels.current} required error={props.errors?.current}>
          {(a) => <input {...a} type="password" autocomplete="current-password" />}
        </Field>
        <Field
          name="password"
          label={passwordLabels.password}
          required
          error={props.errors?.password}
          hint="至少10位,包含大写字母、小写字母、数字、符号中的至少三类。"
        >
          {(a) => <input {...a} type="password" autocomplete="new-password" />}
        </Field>
        <Field name="confirm" label={passwordLabels.confirm} required error={props.errors?.confirm}>
          {(a) => <input {...a} type="password" autocomplete="new-password" />}
        </Field>
        <button type="submit" class="button">
          保存新密码
        </button>
      </PostForm>
    </section>
  );
}
