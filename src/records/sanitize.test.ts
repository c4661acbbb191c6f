import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyTextOf, isAllowedImageSource, sanitizeBody } from "./sanitize";

/** Nothing in `html` that could run script or load from a forbidden place. */
function assertInert(html: string): void {
  assert.doesNotMatch(
    html,
    /<script|<style|<iframe|<object|<embed|<svg|<math|<form|<input|<meta|<link|<base/i,
  );
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "event handler left");
  assert.doesNotMatch(html, /javascript:|vbscript:|data:/i, "dangerous URL left");
  assert.doesNotMatch(html, /style=|expression\(/i, "CSS left");
}

const nasty: [string, string][] = [
  ["script tag", `<p>正文</p><script>alert(1)</script>`],
  [
    "script with odd casing and attributes",
    `<ScRiPt type="text/javascript" src="//evil.example/x.js"></sCrIpT>`,
  ],
  ["unclosed script", `<p>a</p><script>alert(1)`],
  ["style tag and style attribute", `<style>body{display:none}</style><p style="color:red">红</p>`],
  ["CSS expression", `<p style="width: expression(alert(1))">x</p>`],
  [
    "event handlers",
    `<p onclick="alert(1)" onmouseover='x()'>点</p><img src="/files/a.png" onerror="alert(1)">`,
  ],
  ["javascript: link", `<a href="javascript:alert(1)">链接</a>`],
  [
    "javascript: with entities and whitespace",
    `<a href="&#106;avascript:alert(1)">a</a><a href=" jav&#x09;ascript:alert(1)">b</a><a href="JaVaScRiPt:alert(1)">c</a>`,
  ],
  [
    "vbscript and data links",
    `<a href="vbscript:msgbox(1)">v</a><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>`,
  ],
  ["data: image", `<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">`],
  ["svg with script", `<svg onload="alert(1)"><script>alert(1)</script></svg>`],
  [
    "iframe and object",
    `<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x">`,
  ],
  [
    "form and input",
    `<form action="https://evil.example"><input name="p"><button>提交</button></form>`,
  ],
  [
    "meta refresh and base",
    `<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">`,
  ],
  ["comment trick", `<!--<script>alert(1)</script>--><p>ok</p>`],
  ["nested broken markup", `<<script>script>alert(1)<</script>/script>`],
  ["attribute breakout", `<img src="/files/a.png" alt="x" onerror=alert(1) x="">`],
  [
    "srcset and formaction",
    `<img src="/files/a.png" srcset="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button>`,
  ],
  ["math / xlink", `<math><maction xlink:href="javascript:alert(1)">x</maction></math>`],
];

describe("sanitizeBody removes everything that could run or load code", () => {
  for (const [name, html] of nasty) {
    it(`strips ${name}`, () => assertInert(sanitizeBody(html)));
  }

  it("drops the content of script and style, not just the tags", () => {
    const out = sanitizeBody(`<p>甲</p><script>var secret=1</script><style>.x{}</style><p>乙</p>`);
    assert.equal(out, "<p>甲</p><p>乙</p>");
  });

  it("keeps the allowed structure", () => {
    const html =
      "<h2>一、总体要求</h2><h3>(一)</h3><h4>1.</h4><p><strong>粗</strong><em>斜</em><u>下划线</u><br />换行</p>" +
      "<ol><li>一</li></ol><ul><li>二</li></ul><blockquote>引用</blockquote>" +
      '<table><thead><tr><th scope="col">项目</th></tr></thead><tbody><tr><td colspan="2">内容</td></tr></tbody></table>';
    assert.equal(sanitizeBody(html), html);
  });

  it("keeps http, https and mailto links and drops other hrefs", () => {
    const out = sanitizeBody(
      '<a href="https://www.gov.cn/">国</a><a href="http://a.example/x">h</a><a href="mailto:gk@example.cn">邮</a>' +
        '<a href="/records/1">相对</a><a href="//evil.example/">协议相对</a><a href="ftp://x">f</a>',
    );
    assert.equal(
      out,
      '<a href="https://www.gov.cn/">国</a><a href="http://a.example/x">h</a><a href="mailto:gk@example.cn">邮</a>' +
        "<a>相对</a><a>协议相对</a><a>f</a>",
    );
  });

  it("keeps images from /files/ or https only", () => {
    const out = sanitizeBody(
      '<img src="/files/ab.png" alt="图解"><img src="https://img.example/a.png">' +
        '<img src="http://img.example/a.png"><img src="//img.example/a.png"><img src="/etc/passwd">' +
        '<img src="/files/../secret"><img>',
    );
    assert.equal(
      out,
      '<img src="/files/ab.png" alt="图解" /><img src="https://img.example/a.png" />',
    );
  });

  it("maps word-processor markup to the allowed tags", () => {
    assert.equal(
      sanitizeBody('<div><b>粗</b><i>斜</i></div><h1>标题</h1><span class="x">文</span>'),
      "<p><strong>粗</strong><em>斜</em></p><h2>标题</h2>文",
    );
  });

  it("escapes text that looks like markup", () => {
    assert.equal(sanitizeBody("<p>a &lt;script&gt; b</p>"), "<p>a &lt;script&gt; b</p>");
  });
});

describe("isAllowedImageSource", () => {
  it("accepts /files/… and https only", () => {
    assert.equal(isAllowedImageSource("/files/x.png"), true);
    assert.equal(isAllowedImageSource("https://a.example/x.png"), true);
    for (const bad of [
      undefined,
      "",
      "/files/",
      "/files/../x",
      "http://a/x",
      "//a/x",
      "data:image/png;base64,AA",
      "javascript:x",
      "/files/a b",
    ]) {
      assert.equal(isAllowedImageSource(bad), false, String(bad));
    }
  });
});

describe("bodyTextOf", () => {
  it("turns blocks into lines, cells into tabs and decodes entities", () => {
    const html = sanitizeBody(
      "<h2>标题</h2><p>甲 &amp; 乙 &lt;丙&gt;</p><p>第二段<br>换行</p><table><tr><td>a</td><td>b</td></tr></table>",
    );
    assert.equal(bodyTextOf(html), "标题\n甲 & 乙 <丙>\n第二段\n换行\na\tb");
  });

  it("is empty for an empty body", () => {
    assert.equal(bodyTextOf(sanitizeBody("<script>x</script>")), "");
  });
});
