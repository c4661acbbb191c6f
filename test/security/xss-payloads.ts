// The XSS corpus (issue 9 item 3). Every payload, if it ever ran, would call the sentinel
// `window.__xss(n)` (bound by the browser test), open a dialog, or set document.title to XSS<n>:
// test/browser/xss.test.ts fails on any of them, and on any element the payload could have
// created (an on* attribute, a javascript: URL, a script holding the sentinel).
//
// Built from templates × variants so each has its own number: script tags, event handlers,
// javascript:/data: URLs, SVG/MathML, CSS, entity and escape encodings, mixed case, NUL bytes,
// broken markup, attribute breakouts, template syntax, closing </title>/</textarea>/</style>,
// RTL overrides and zero-width characters.

/** What each payload calls: the sentinel, a dialog, and the title, so any one of them shows. */
const call = (n: number) => `__xss(${n})`;

const templates: ((n: number) => string)[] = [
  (n) => `<script>${call(n)}</script>`,
  (n) => `<script src="data:text/javascript,${call(n)}"></script>`,
  (n) => `<script>alert(${n});document.title='XSS${n}'</script>`,
  (n) => `"><script>${call(n)}</script>`,
  (n) => `'><script>${call(n)}</script>`,
  (n) => `</title><script>${call(n)}</script>`,
  (n) => `</textarea><script>${call(n)}</script>`,
  (n) => `</style><script>${call(n)}</script>`,
  (n) => `</script><script>${call(n)}</script>`,
  (n) => `<img src=x onerror=${call(n)}>`,
  (n) => `<img src="x" onerror="${call(n)}">`,
  (n) => `<img/src=x/onerror=${call(n)}>`,
  (n) => `<img src=x onerror=alert(${n})>`,
  (n) => `<svg onload=${call(n)}>`,
  (n) => `<svg><script>${call(n)}</script></svg>`,
  (n) => `<svg><animate onbegin=${call(n)} attributeName=x dur=1s>`,
  (n) => `<svg><a xlink:href="javascript:${call(n)}"><text x=20 y=20>x</text></a></svg>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${call(n)}>`,
  (n) => `<body onload=${call(n)}>`,
  (n) => `<details open ontoggle=${call(n)}>`,
  (n) => `<input autofocus onfocus=${call(n)}>`,
  (n) => `<select autofocus onfocus=${call(n)}></select>`,
  (n) => `<textarea autofocus onfocus=${call(n)}></textarea>`,
  (n) => `<video><source onerror=${call(n)}></video>`,
  (n) => `<audio src=x onerror=${call(n)}>`,
  (n) => `<iframe src="javascript:parent.${call(n)}"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.${call(n)}</script>"></iframe>`,
  (n) => `<object data="javascript:${call(n)}"></object>`,
  (n) => `<embed src="javascript:${call(n)}">`,
  (n) => `<a href="javascript:${call(n)}">点我</a>`,
  (n) => `<a href="JaVaScRiPt:${call(n)}">点我</a>`,
  (n) => `<a href="jav&#x09;ascript:${call(n)}">点我</a>`,
  (n) =>
    `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${call(n)}">点我</a>`,
  (n) => `<a href="data:text/html,<script>${call(n)}</script>">点我</a>`,
  (n) =>
    `<a href="data:text/html;base64,${Buffer.from(`<script>${call(n)}</script>`).toString("base64")}">点我</a>`,
  (n) => `<form action="javascript:${call(n)}"><button>提交</button></form>`,
  (n) => `<button formaction="javascript:${call(n)}">提交</button>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:${call(n)}">`,
  (n) => `<base href="javascript:${call(n)}//">`,
  (n) => `<link rel=stylesheet href="javascript:${call(n)}">`,
  (n) => `<div style="background:url(javascript:${call(n)})">x</div>`,
  (n) => `<div style="width:expression(${call(n)})">x</div>`,
  (n) => `<style>@import 'javascript:${call(n)}';</style>`,
  (n) => `<style>*{background:url("javascript:${call(n)}")}</style>`,
  (n) => `<div style="behavior:url(#default#time2)" onbegin="${call(n)}">x</div>`,
  (n) => `" onmouseover="${call(n)}" x="`,
  (n) => `' onmouseover='${call(n)}' x='`,
  (n) => `" autofocus onfocus="${call(n)}" x="`,
  (n) => `" style="animation-name:x" onanimationstart="${call(n)}" x="`,
  (n) => `javascript:${call(n)}`,
  (n) => `data:text/html,<script>${call(n)}</script>`,
  (n) => `{{constructor.constructor('${call(n)}')()}}`,
  (n) => `\${${call(n)}}`,
  (n) => `<%= ${call(n)} %>`,
  (n) => `{{#each}}<script>${call(n)}</script>{{/each}}`,
  (n) => `&lt;script&gt;${call(n)}&lt;/script&gt;`,
  (n) => `&#60;script&#62;${call(n)}&#60;/script&#62;`,
  (n) => `\\u003cscript\\u003e${call(n)}\\u003c/script\\u003e`,
  (n) => `%3Cscript%3E${call(n)}%3C%2Fscript%3E`,
  (n) => `+ADw-script+AD4-${call(n)}+ADw-/script+AD4-`,
  (n) => `<scr\u0000ipt>${call(n)}</scr\u0000ipt>`,
  (n) => `<img src=x onerror\u0000=${call(n)}>`,
  (n) => `<scr<script>ipt>${call(n)}</scr</script>ipt>`,
  (n) => `<<script>script>${call(n)}<</script>/script>`,
  (n) => `<img src="x" onerror="${call(n)}"`,
  (n) => `<img src=x onerror=${call(n)}//`,
  (n) => `<!--<img src="--><img src=x onerror=${call(n)}//">`,
  (n) => `<![CDATA[<script>${call(n)}</script>]]>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=${call(n)}>">`,
  (n) => `<template><script>${call(n)}</script></template><div id=t${n}></div>`,
  (n) => `<xmp><img src=x onerror=${call(n)}></xmp>`,
  (n) => `<plaintext><img src=x onerror=${call(n)}>`,
  (n) => `\u202E<img src=x onerror=${call(n)}>\u202C`,
  (n) => `\u200B<script\u200B>${call(n)}</script>`,
  (n) => `<ſcript>${call(n)}</ſcript>`,
  (n) => `<marquee onstart=${call(n)}>x</marquee>`,
  (n) => `<isindex type=image src=1 onerror=${call(n)}>`,
  (n) => `<img srcset="x" onerror="${call(n)}">`,
  (n) => `<picture><source srcset=x><img onerror=${call(n)}></picture>`,
  (n) => `<a id=x tabindex=1 onfocusin=${call(n)}></a>`,
  (n) => `<div onpointerenter=${call(n)}>悬停</div>`,
  (n) => `<svg><set attributeName=onload to=${call(n)} />`,
  (n) =>
    `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${call(n)}'/></svg>#x"/></svg>`,
  (n) => `<img src="x:gif" onerror="window['__x'+'ss'](${n})">`,
  (n) => `<img src=x onerror="eval(atob('${Buffer.from(call(n)).toString("base64")}'))">`,
  (n) => `<img src=x onerror="setTimeout('${call(n)}')">`,
  (n) => `<img src=x onerror="document.title='XSS${n}'">`,
  (n) => `<img src=x onerror="top.document.title='XSS${n}'">`,
  (n) => `<iframe src="/search?q=%3Cscript%3E${call(n)}%3C/script%3E"></iframe>`,
];

/** Variants of a payload that filters often miss. */
const variants: ((p: string) => string)[] = [
  (p) => p,
  (p) => p.replace(/<([a-z]+)/g, (_m, tag: string) => `<${tag.toUpperCase()}`),
  (p) => `测试标题${p}结束`,
];

export interface XssPayload {
  n: number;
  text: string;
}

/** The whole corpus, numbered from 1. */
export const xssPayloads: readonly XssPayload[] = (() => {
  const out: XssPayload[] = [];
  for (const variant of variants) {
    for (const template of templates) {
      const n = out.length + 1;
      out.push({ n, text: variant(template(n)) });
    }
  }
  return out;
})();

/** Payloads cut into groups whose joined text stays under `max` characters (form limits). */
export function payloadBatches(max: number, separator = " "): XssPayload[][] {
  const batches: XssPayload[][] = [];
  let current: XssPayload[] = [];
  let length = 0;
  for (const p of xssPayloads) {
    if (p.text.length > max) continue;
    if (current.length && length + separator.length + p.text.length > max) {
      batches.push(current);
      current = [];
      length = 0;
    }
    current.push(p);
    length += (current.length > 1 ? separator.length : 0) + p.text.length;
  }
  if (current.length) batches.push(current);
  return batches;
}
