import type { AuditLogTable } from "./tables";

type AuditRow = Omit<AuditLogTable, "id"> & { id: number };

export interface AuditFilter {
  action?: string;
  actor?: string;
  objectType?: string;
  from?: string;
  to?: string;
}

export function AuditLogPage(props: {
  rows: AuditRow[];
  filter: AuditFilter;
  nextBefore: number | null;
  query: string;
}) {
  const f = props.filter;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">审计日志</h1>
      <p>
        日志只能追加,不能修改或删除;每条记录与前一条以哈希相连,可用{" "}
        <code>gongkai audit verify</code> 校验。
      </p>
      <form method="get" action="/admin/audit" class="filter-form">
        <label>
          操作
          <input type="text" name="action" value={f.action ?? ""} placeholder="如 login.failed" />
        </label>
        <label>
          操作人
          <input type="text" name="actor" value={f.actor ?? ""} />
        </label>
        <label>
          对象类型
          <input type="text" name="objectType" value={f.objectType ?? ""} />
        </label>
        <label>
          起始日期
          <input type="date" name="from" value={f.from ?? ""} />
        </label>
        <label>
          截止日期
          <input type="date" name="to" value={f.to ?? ""} />
        </label>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <div class="table-wrap">
        <table>
          <caption>审计记录(按时间倒序)</caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">时间(UTC)</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">来源地址</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{r.id}</td>
                <td>{r.at.replace("T", " ").slice(0, 19)}</td>
                <td>{r.actor_name}</td>
                <td>{r.action}</td>
                <td>
                  {r.object_type}
                  {r.object_id ? ` #${r.object_id}` : ""}
                </td>
                <td>{r.ip}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 ? <p>没有符合条件的记录。</p> : null}
      {props.nextBefore ? (
        <p>
          <a
            href={`/admin/audit?${props.query}${props.query ? "&" : ""}before=${props.nextBefore}`}
          >
            更早的记录
          </a>
        </p>
      ) : null}
    </section>
  );
}
