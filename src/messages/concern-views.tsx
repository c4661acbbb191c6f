// /admin/records/{id}/concerns: what a 回应关切 or 政策问答 record answers.
import { ErrorSummary, PostForm } from "../ui/forms";
import { type ConcernLink, concernKindLabels } from "./concerns";
import { CONCERN_KINDS } from "./schema";

export function ConcernLinksPage(props: {
  record: { id: number; title: string; genre: string };
  links: ConcernLink[];
  canEdit: boolean;
  isConcernGenre: boolean;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const base = `/admin/records/${props.record.id}/concerns`;
  return (
    <section aria-labelledby="concerns-title">
      <p>
        <a href={`/admin/records/${props.record.id}`}>返回信息</a>
      </p>
      <h1 id="concerns-title">关联的关切:{props.record.title}</h1>
      {!props.isConcernGenre ? (
        <p role="status">只有体裁为“回应关切”或“政策问答”的信息可以关联。</p>
      ) : null}
      {props.links.length === 0 ? (
        <p>尚未关联。</p>
      ) : (
        <table>
          <caption class="visually-hidden">已关联的对象</caption>
          <thead>
            <tr>
              <th scope="col">类型</th>
              <th scope="col">对象</th>
              {props.canEdit ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.links.map((l) => (
              <tr>
                <td>{concernKindLabels[l.kind]}</td>
                <th scope="row">{l.label}</th>
                {props.canEdit ? (
                  <td>
                    <PostForm action={`${base}/${l.id}/delete`} class="inline-form">
                      <button type="submit" class="button-link">
                        取消关联
                      </button>
                    </PostForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canEdit && props.isConcernGenre ? (
        <>
          <h2>新增关联</h2>
          <ErrorSummary errors={props.errors} labels={{ kind: "关联类型", target: "编号" }} />
          <PostForm action={base}>
            <label for="f-kind">关联类型</label>
            <select id="f-kind" name="kind">
              {CONCERN_KINDS.map((k) => (
                <option value={k} selected={props.values?.kind === k}>
                  {concernKindLabels[k]}
                </option>
              ))}
            </select>
            <label for="f-target">编号</label>
            <input
              id="f-target"
              name="target"
              type="text"
              value={props.values?.target ?? ""}
              aria-describedby="f-target-hint"
              required
            />
            <p class="hint" id="f-target-hint">
              信息填写信息编号;留言填写留言编号(如 LY-2025-00001);意见征集填写征集编号。
            </p>
            <button type="submit" class="button">
              关联
            </button>
          </PostForm>
        </>
      ) : null}
    </section>
  );
}
