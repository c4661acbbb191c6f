import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { xmlText } from "./xml";
import { checkXml } from "./xml-check";

describe("xml text", () => {
  it("escapes the five special characters", () => {
    assert.equal(
      xmlText(`<a href="x">&'</a>`),
      "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;",
    );
  });

  it("drops characters XML 1.0 forbids but keeps Chinese, tabs, newlines and astral characters", () => {
    assert.equal(xmlText("食品\u0000\u0008安全\uFFFE\t\n𠀀\uD800"), "食品安全\t\n𠀀");
  });

  it("the checker accepts a well-formed document and rejects broken ones", () => {
    assert.deepEqual(checkXml('<?xml version="1.0"?>\n<a x="1&amp;2"><b/>t &lt; u</a>').errors, []);
    assert.notDeepEqual(checkXml("<a>&</a>").errors, []);
    assert.notDeepEqual(checkXml("<a><b></a></b>").errors, []);
    assert.notDeepEqual(checkXml("<a><script>x</script>").errors, []);
    assert.notDeepEqual(checkXml("<a/><b/>").errors, []);
  });
});
