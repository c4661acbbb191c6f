// The print version of a record: no navigation, laid out for A4 (see “print” in site.css). The
// visitor prints it with the browser (Ctrl+P); no script is needed or allowed.
import type { PublicRecord } from "../../records/public-store";
import { usePage } from "../../ui/page-context";
import { recordPath } from "../urls";
import { Attachments, MetadataTable, RecordBody } from "./record-page";

export function PrintPage(props: { record: PublicRecord }) {
  const { site } = usePage();
  const r = props.record;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${r.title}(打印) - ${site.siteName}`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="stylesheet" href="/static/print.css" media="print" />
      </head>
      <body class="print-view">
        <main id="main" class="print-sheet">
          <p class="no-print print-hint">
            请使用浏览器的“打印”功能(Ctrl+P)打印本页。
            <a href={recordPath(r.id)}>返回信息页面</a>
          </p>
          <p class="print-site">{site.siteName}</p>
          <MetadataTable record={r} />
          <h1 class="record-title">{r.title}</h1>
          {r.docNo ? <p class="record-doc-no">{r.docNo}</p> : null}
          <RecordBody record={r} />
          <Attachments record={r} links={false} />
        </main>
      </body>
    </html>
  );
}
