// 一次性告知单 (one-time notice): one A4 page with what an applicant needs to bring and know, and
// nothing else: no site header, navigation or footer (print CSS “notice-sheet” in site.css). The
// visitor prints with the browser; no script.
import { staticUrl } from "../http/static";
import { usePage } from "../ui/page-context";
import { DEMO_MARK, feeText, timeLimitText } from "./guide-rules";
import type { PublicGuide } from "./guide-store";
import { guidePath } from "./urls";
import { MaterialsTable } from "./views";

export function NoticePage(props: { guide: PublicGuide }) {
  const { site } = usePage();
  const d = props.guide.data;
  const limits = timeLimitText(d);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${d.itemName}一次性告知单 - ${site.siteName}`}</title>
        <link rel="stylesheet" href={staticUrl("site.css")} />
        <link rel="stylesheet" href={staticUrl("print.css")} media="print" />
        <link rel="stylesheet" href={staticUrl("print.css")} media="print" />
      </head>
      <body class="print-view">
        <main id="main" class="notice-sheet">
          <p class="no-print print-hint">
            请使用浏览器的“打印”功能(Ctrl+P)打印本页。
            <a href={guidePath(props.guide.id)}>返回办事指南</a>
          </p>
          <h1>
            {d.itemName}一次性告知单{d.isDemo ? DEMO_MARK : ""}
          </h1>
          <p class="notice-meta">
            事项编码 {d.itemCode} · {site.hostOrganisation}
          </p>
          <h2>受理条件</h2>
          <ol>
            {d.conditions.map((c) => (
              <li>{c}</li>
            ))}
          </ol>
          <h2>申请材料</h2>
          <MaterialsTable materials={d.materials} />
          <table class="notice-facts">
            <tbody>
              <tr>
                <th scope="row">办理时限</th>
                <td>
                  法定{limits.statutory},承诺{limits.promised}
                </td>
              </tr>
              <tr>
                <th scope="row">收费</th>
                <td>{feeText(d)}</td>
              </tr>
              <tr>
                <th scope="row">办理地点</th>
                <td>{d.place}</td>
              </tr>
              <tr>
                <th scope="row">办理时间</th>
                <td>{d.hours}</td>
              </tr>
              <tr>
                <th scope="row">咨询电话</th>
                <td>{d.inquiryPhone}</td>
              </tr>
              <tr>
                <th scope="row">监督电话</th>
                <td>{d.complaintPhone}</td>
              </tr>
              {d.onlineUrl ? (
                <tr>
                  <th scope="row">网上办理</th>
                  <td>{d.onlineUrl}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p class="notice-foot">
            材料齐全、符合法定形式的当场受理;材料不齐全的,一次性告知需要补正的全部内容(《中华人民共和国行政许可法》第三十二条)。
          </p>
        </main>
      </body>
    </html>
  );
}
