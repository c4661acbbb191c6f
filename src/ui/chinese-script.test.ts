import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlToTraditional, toTraditional } from "./chinese-script";

describe("toTraditional", () => {
  it("converts characters with the Taiwan forms and keeps government wording", () => {
    assert.equal(toTraditional("关于开展食品安全抽检工作的通知"), "關於開展食品安全抽檢工作的通知");
    // Characters only: no phrase substitution (twp would give 資訊 and 釋出).
    assert.equal(toTraditional("政府信息公开 发布机构 打印"), "政府信息公開 發佈機構 打印");
    assert.equal(toTraditional("为了着里面"), "為了著裡面");
  });
  it("leaves text without Han characters and already traditional text alone", () => {
    assert.equal(toTraditional("2025-03-03 abc"), "2025-03-03 abc");
    assert.equal(toTraditional("許可"), "許可");
  });
  it("returns the same result from its cache", () => {
    assert.equal(toTraditional("许可"), "許可");
    assert.equal(toTraditional("许可"), "許可");
  });
});

describe("htmlToTraditional", () => {
  it("converts text, readable attributes and the html lang", () => {
    const out = htmlToTraditional(
      '<!doctype html><html lang="zh-CN"><head><title>首页 - 县政务公开</title>' +
        '<meta name="description" content="政府信息公开"/></head><body>' +
        '<img src="/a.png" alt="附件图片:说明"/><a href="/records/1" title="打开记录" aria-label="记录详情">记录</a>' +
        '<input type="search" name="q" value="许可" placeholder="请输入关键词"/>' +
        '<input type="submit" value="提交申请"/></body></html>',
    );
    assert.match(out, /<html lang="zh-Hant">/);
    assert.match(out, /<title>首頁 - 縣政務公開<\/title>/);
    assert.match(out, /content="政府信息公開"/);
    assert.match(out, /alt="附件圖片:說明"/);
    assert.match(out, /title="打開記錄" aria-label="記錄詳情">記錄<\/a>/);
    assert.match(out, /placeholder="請輸入關鍵詞"/);
    assert.match(out, /<input type="submit" value="提交申請"\/>/);
    // A value the server reads back stays as the visitor typed it.
    assert.match(out, /name="q" value="许可"/);
  });
  it("never touches URLs, ids, names, classes, hidden values, scripts, styles or textareas", () => {
    const html =
      '<a href="/search?q=许可&amp;publisher=县局" id="记录" class="发布"></a>' +
      '<form action="/申请"><input type="hidden" name="_csrf" value="ab12许可"/>' +
      '<input type="hidden" name="unit" value="县局"/><textarea name="body">请保留简体</textarea>' +
      '<button type="submit" name="action" value="发布">发布</button></form>' +
      "<script>var s='简体'</script><style>.x::after{content:'简体'}</style>";
    const out = htmlToTraditional(html);
    assert.ok(
      out.includes('<a href="/search?q=许可&amp;publisher=县局" id="记录" class="发布"></a>'),
    );
    assert.ok(out.includes('<form action="/申请">'));
    assert.ok(out.includes('value="ab12许可"'));
    assert.ok(out.includes('value="县局"'));
    assert.ok(out.includes(">请保留简体</textarea>"));
    assert.ok(out.includes('value="发布">發佈</button>'));
    assert.ok(out.includes("<script>var s='简体'</script>"));
    assert.ok(out.includes("<style>.x::after{content:'简体'}</style>"));
  });
  it("keeps what an option without a value submits", () => {
    const out = htmlToTraditional(
      '<select name="p"><option>县市场监督管理局</option><option value="1">全部</option></select>',
    );
    assert.equal(
      out,
      '<select name="p"><option value="县市场监督管理局">縣市場監督管理局</option><option value="1">全部</option></select>',
    );
  });
  it("does not convert comments or entity names", () => {
    assert.equal(
      htmlToTraditional("<!-- 说明 --><p>A &amp; B 说明</p>"),
      "<!-- 说明 --><p>A &amp; B 說明</p>",
    );
  });
});
