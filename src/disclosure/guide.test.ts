import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explainIndexNo } from "./guide";

describe("索引号 in the guide", () => {
  it("explains the default pattern with the bureau's credit code", () => {
    const ex = explainIndexNo("{creditCode}/{year}-{serial:5}", "11411221MB1234567X", 2025);
    assert.equal(ex?.example, "11411221MB1234567X/2025-00001");
    assert.equal(ex?.perYear, true);
    assert.deepEqual(
      ex?.parts.filter((p) => p.meaning !== "分隔符").map((p) => p.meaning),
      ["本机关的18位统一社会信用代码", "发布年份", "当年发布信息的流水号,5位,不足补零"],
    );
  });

  it("a pattern without a year counts across years; a missing credit code is named, not invented", () => {
    const ex = explainIndexNo("GK-{serial:4}-{creditCode}", "", 2025);
    assert.equal(ex?.example, "GK-0001-(统一社会信用代码)");
    assert.equal(ex?.perYear, false);
  });

  it("an invalid pattern gives no explanation", () => {
    assert.equal(explainIndexNo("{nope}", "", 2025), null);
  });
});
