// Back-office catalog list (/admin/catalog) with export, import and the import preview.
import { PostForm } from "../ui/forms";
import type { Verification } from "./catalog-item";
import type { PlannedRow } from "./import-plan";
import { catalogFieldLabels, verificationLabels } from "./labels";
import type { StoredCatalogItem } from "./store";
import { MAX_IMPORT_ROWS } from "./xlsx";

/** 核实情况 in words (colour only repeats it): nothing for verified rows. */
export function VerificationBadge(props: { verification: Verification; candidate: boolean }) {
  return (
    <>
      {props.candidate ? <span class="badge badge-warn">候选事项</span> : null}
      {props.verification === "verified" ? null : (
        <>
          {" "}
          <span class={props.verification === "partial" ? "badge badge-warn" : "badge badge-err"}>
            {verificationLabels[props.verification]}
          </span>
        </>
      )}
    </>
  );
}

export function CatalogAdminPage(props: {
  items: StoredCatalogItem[];
  notice?: string;
  importErrors?: string[];
}) {
  const unchecked = props.items.filter((i) => i.verification !== "verified").length;
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">标准目录</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      {unchecked > 0 ? (
        <p class="notice-list">
          有 {unchecked}{" "}
          个事项的内容未核实或部分核实(随产品提供的目录数据未能全部与国家模板核对),请逐项核对后在编辑页改为“已核实”。
        </p>
      ) : null}
      <p>
        <a class="button" href="/admin/catalog/new">
          新增事项
        </a>{" "}
        <a class="button secondary" href="/admin/catalog/export.xlsx">
          导出 XLSX
        </a>{" "}
        <a href="/disclosure/catalog">查看公开页面</a>
      </p>
      <CatalogAdminTable items={props.items} />
      <ImportForm errors={props.importErrors} />
    </section>
  );
}

function CatalogAdminTable(props: { items: StoredCatalogItem[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>全部事项(启用的事项显示在公开页面并随导出)</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">一级事项</th>
            <th scope="col">二级事项</th>
            <th scope="col">公开时限</th>
            <th scope="col">公开主体</th>
            <th scope="col">核实情况</th>
            <th scope="col">状态</th>
            <th scope="col">版本</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr id={`item-${i.id}`}>
              <td>{i.seq ?? "无"}</td>
              <td>{i.category}</td>
              <th scope="row">
                <a href={`/admin/catalog/${i.id}`}>{i.item}</a>
              </th>
              <td>{i.deadline.text || "未填写"}</td>
              <td>{i.responsibleUnit || "未填写"}</td>
              <td>
                {i.verification === "verified" && !i.candidate ? "已核实" : null}
                <VerificationBadge verification={i.verification} candidate={i.candidate} />
              </td>
              <td>{i.isActive ? "已启用" : "未启用"}</td>
              <td>第{i.version}版</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportForm(props: { errors?: string[] }) {
  return (
    <section aria-labelledby="import-title" id="import">
      <h2 id="import-title">导入 XLSX</h2>
      <p class="hint">
        上传按标准表头(两行表头或一行表头均可)填写的本级目录。每行按“编码”或“序号+二级事项”对应已有事项:内容有变化的事项生成新版本,没有对应的行新增为事项;文件中没有的事项保持不变。导入前会先预览,任何一行有错误都不会导入。文件不超过
        10 MB、{MAX_IMPORT_ROWS} 行。
      </p>
      <ImportErrors errors={props.errors} />
      <PostForm action="/admin/catalog/import" multipart>
        <div class={props.errors?.length ? "field field-error" : "field"}>
          <label for="f-file">目录文件(XLSX)</label>
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-invalid={props.errors?.length ? "true" : undefined}
            aria-describedby={props.errors?.length ? "import-errors" : undefined}
          />
        </div>
        <button type="submit">上传并预览</button>
      </PostForm>
    </section>
  );
}

function ImportErrors(props: { errors?: string[] }) {
  if (!props.errors?.length) return null;
  return (
    <div class="error-summary" role="alert" id="import-errors">
      <h2>文件有 {props.errors.length} 处问题,未导入任何内容</h2>
      <ul>
        {props.errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
      <p>请修改文件后重新上传。</p>
    </div>
  );
}

const actionLabels: Record<PlannedRow["action"], string> = {
  add: "新增",
  update: "更新(生成新版本)",
  unchanged: "不变",
};

export function ImportPreviewPage(props: {
  fileName: string;
  rows: PlannedRow[];
  warnings: string[];
  counts: { unchanged: number; updated: number; added: number };
  payload: string;
}) {
  const { unchanged, updated, added } = props.counts;
  return (
    <section aria-labelledby="preview-title">
      <h1 id="preview-title">导入预览:{props.fileName}</h1>
      <p role="status">
        共 {props.rows.length} 行:不变 {unchanged} 个,更新 {updated} 个,新增 {added}{" "}
        个。确认后才会写入。
      </p>
      {props.warnings.length > 0 ? (
        <div class="notice-list">
          <h2>需要留意({props.warnings.length} 处,不影响导入)</h2>
          <ul>
            {props.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>逐行处理方式</caption>
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">序号</th>
              <th scope="col">二级事项</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{r.rowNumber}</td>
                <td>{r.item.seq ?? ""}</td>
                <th scope="row">{r.item.item}</th>
                <td>
                  {actionLabels[r.action]}
                  {r.action === "update"
                    ? `:${r.changed.map((f) => catalogFieldLabels[f]).join("、")}`
                    : ""}
                  {r.action !== "add" && !r.target.isActive ? "(该事项未启用,导入后仍未启用)" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PostForm action="/admin/catalog/import/confirm">
        <input type="hidden" name="payload" value={props.payload} />
        <button type="submit">确认导入</button> <a href="/admin/catalog">取消</a>
      </PostForm>
    </section>
  );
}

export function ImportRefusedPage(props: {
  fileName: string;
  errors: string[];
  warnings: string[];
}) {
  return (
    <section aria-labelledby="refused-title">
      <h1 id="refused-title">导入未完成:{props.fileName}</h1>
      <ImportErrors errors={props.errors} />
      {props.warnings.length > 0 ? (
        <details>
          <summary>其他提示({props.warnings.length} 处)</summary>
          <ul>
            {props.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <ImportForm />
      <p>
        <a href="/admin/catalog">返回标准目录</a>
      </p>
    </section>
  );
}
