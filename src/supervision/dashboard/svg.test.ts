import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accessibleSvg } from "./svg";

const sample = `<svg width="600" height="300" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" baseProfile="full" viewBox="0 0 600 300">
<rect width="600" height="300" x="0" y="0" fill="none"></rect>
<text dominant-baseline="central" style="font-size:12px;font-family:&quot;Noto Sans&quot;, sans-serif;" fill="#54555a">甲</text>
<style ><![CDATA[
.zr0-cls-0:hover {
pointer-events:none;
}
]]></style>
</svg>`;

describe("accessibleSvg", () => {
  const out = accessibleSvg(sample, "各单位逾期 <图>", "chart-1");

  it("drops inline styles and the stylesheet, keeping the font as attributes", () => {
    assert.ok(!out.includes("style"), out);
    assert.ok(out.includes(`font-size="12px" font-family="'Noto Sans', sans-serif"`), out);
    assert.ok(out.includes("<text dominant-baseline"), out);
  });

  it("labels the root as one image with a title, and keeps the viewBox for scaling", () => {
    assert.match(
      out,
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 300" id="chart-1" class="chart" role="img" aria-labelledby="chart-1-title" aria-label="各单位逾期 &lt;图&gt;"><title id="chart-1-title">各单位逾期 &lt;图&gt;<\/title>/,
    );
    assert.ok(out.includes('<rect width="600" height="300"'), "inner sizes stay");
  });
});
