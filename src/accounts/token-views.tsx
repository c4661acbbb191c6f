import { ErrorSummary, Field, PostForm } from "../ui/forms";

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** An instant as Beijing time, minutes precision (the back office's local time). */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 16);
}

export function ApiTokensPage(props: {
  tokens: ApiTokenView[];
  showOwner: boolean;
  errors?: Record<string, string>;
  name?: string;
  notice?: string;
}) {
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">访问令牌</h1>
      <p>
        访问令牌供其他系统通过 API 以您的身份和角色调用本系统(请求头{" "}
        <code>Authorization: Bearer 令牌</code>)。令牌只在创建时显示一次,不再需要时请撤销。
      </p>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <h2>新建令牌</h2>
      <ErrorSummary errors={props.errors} labels={{ name: "用途" }} />
      <PostForm action="/admin/tokens">
        <Field
          name="name"
          label="用途"
          required
          error={props.errors?.name}
          hint="如:数据报送脚本。"
        >
          {(a) => <input {...a} type="text" maxlength={50} value={props.name ?? ""} />}
        </Field>
        <button type="submit" class="button">
          创建令牌
        </button>
      </PostForm>
      <h2>{props.showOwner ? "全部令牌" : "我的令牌"}</h2>
      {props.tokens.length === 0 ? <p>还没有令牌。</p> : <TokenTable {...props} />}
    </section>
  );
}

function TokenTable(props: { tokens: ApiTokenView[]; showOwner: boolean }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>访问令牌(时间为北京时间)</caption>
        <thead>
          <tr>
            <th scope="col">用途</th>
            <th scope="col">开头</th>
            {props.showOwner ? <th scope="col">所属用户</th> : null}
            <th scope="col">创建时间</th>
            <th scope="col">最近使用</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              {props.showOwner ? <td>{t.owner}</td> : null}
              <td>{beijingTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? beijingTime(t.lastUsedAt) : "从未使用"}</td>
              <td>
                {t.revokedAt ? (
                  `已于 ${beijingTime(t.revokedAt)} 撤销`
                ) : (
                  <PostForm action={`/admin/tokens/${t.id}/revoke`} class="inline-form">
                    <button type="submit" class="button secondary">
                      撤销「{t.name}」
                    </button>
                  </PostForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApiTokenCreatedPage(props: { name: string; token: string }) {
  return (
    <section class="narrow" aria-labelledby="token-created-title">
      <h1 id="token-created-title">令牌已创建</h1>
      <p role="status">
        「{props.name}」的访问令牌如下。它只显示这一次,本系统只保存其摘要;请立即复制并妥善保管。
      </p>
      <p>
        <code class="secret">{props.token}</code>
      </p>
      <p>
        <a href="/admin/tokens">返回访问令牌</a>
      </p>
    </section>
  );
}
