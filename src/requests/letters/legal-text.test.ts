import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  chineseDate,
  citeArticles,
  letterCitation,
  REMEDY_TEXT,
  referenceLine,
} from "./legal-text";

describe("legal wording of letters", () => {
  it("不予公开/保护第三方合法权益 cites 第十五条 and 第三十二条 of the regulation", () => {
    assert.equal(
      letterCitation("reply", "results.not_disclosed.third_party_rights"),
      "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第(三)项",
    );
  });

  it("another document is cited after the regulation's articles", () => {
    assert.equal(
      letterCitation("reply", "results.other.fee_unpaid"),
      "《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)",
    );
  });

  it("a result without an article never gets a guessed number", () => {
    assert.equal(citeArticles([]), "《中华人民共和国政府信息公开条例》有关条款");
    assert.equal(
      letterCitation("reply", "results.not_processed.confirm_or_reissue"),
      "《中华人民共和国政府信息公开条例》有关条款",
    );
  });

  it("letters other than replies cite their own articles", () => {
    assert.match(letterCitation("supplement", null), /第三十条$/);
    assert.match(letterCitation("extension", null), /第三十三条第一款$/);
    assert.match(letterCitation("consult-agency", null), /第三十四条$/);
  });

  it("the remedies name 行政复议 within 60 days and 行政诉讼 within 6 months (行政诉讼法第四十六条)", () => {
    for (const words of [
      "行政复议法",
      "行政诉讼法》第四十六条",
      "六十日内",
      "六个月内",
      "申请行政复议",
      "提起行政诉讼",
    ]) {
      assert.ok(REMEDY_TEXT.includes(words), words);
    }
  });

  it("dates are written in Chinese form", () => {
    assert.equal(chineseDate("2025-03-14"), "2025年3月14日");
    assert.equal(chineseDate("2024-12-01"), "2024年12月1日");
  });

  it("the reference line follows the application number", () => {
    assert.equal(referenceLine("reply", "YSQ-2025-00012", 2025), "依申复〔2025〕12号");
    assert.equal(referenceLine("receipt", "YSQ-2024-00100", 2025), "依申受〔2024〕100号");
    assert.equal(referenceLine("supplement", "2023-15", 2023), "依申补〔2023〕2023-15号");
  });
});
