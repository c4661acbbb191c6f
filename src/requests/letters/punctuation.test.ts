import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chinesePunctuation } from "./punctuation";

describe("full-width punctuation of letters", () => {
  it("marks next to Chinese become full-width", () => {
    assert.equal(
      chinesePunctuation("张三丰:\n你(单位)申请获取的信息,根据第三十六条第(三)项;"),
      "张三丰\uff1a\n你\uff08单位\uff09申请获取的信息\uff0c根据第三十六条第\uff08三\uff09项\uff1b",
    );
  });

  it("a closing bracket follows its opening one, even after Latin text", () => {
    assert.equal(
      chinesePunctuation("(申请编号:YSQ-2025-00001),申请获取"),
      "\uff08申请编号\uff1aYSQ-2025-00001\uff09\uff0c申请获取",
    );
  });

  it("numbers, times and Latin text keep their marks", () => {
    assert.equal(chinesePunctuation("1,000 at 10:30 (DOCX)"), "1,000 at 10:30 (DOCX)");
    assert.equal(chinesePunctuation("YSQ-2025-00001"), "YSQ-2025-00001");
  });
});
