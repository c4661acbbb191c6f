// A letter as a page to print from the browser: A4, no navigation, 公文 fonts (see
// /static/letter.css). No script; the officer prints with Ctrl+P.
import { attachmentLines, type LetterContent } from "./compose";

export function LetterPrintView(props: { letter: LetterContent; backHref: string }) {
  const l = props.letter;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${l.title}(打印)`}</title>
        <link rel="stylesheet" href="/static/print.css" media="print" />
        <link rel="stylesheet" href="/static/letter.css" />
      </head>
      <body class="letter-print">
        <p class="letter-tools">
          请使用浏览器的“打印”功能(Ctrl+P)在 A4 纸上打印本文书。
          <a href={props.backHref}>返回办理页面</a>
        </p>
        <main class="letter-sheet">
          <h1 class="letter-title">{l.title}</h1>
          <p class="letter-reference">{l.reference}</p>
          {l.paragraphs.map((p) => (
            <p class={p.indent ? "letter-para" : "letter-para letter-addressee"}>{p.text}</p>
          ))}
          {l.attachments.length > 0 ? (
            <div class="letter-attachments">
              {attachmentLines(l.attachments).map((text) => (
                <p class="letter-para">{text}</p>
              ))}
            </div>
          ) : null}
          <div class="letter-signature">
            <p>{l.organisation}</p>
            <p>{l.dateText}</p>
          </div>
        </main>
      </body>
    </html>
  );
}
