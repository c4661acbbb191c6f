import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REPLY_RESULT_KEYS, resultArticles } from "../results";
import { composeLetter } from "./compose";
import { DEFAULT_LETTER_TEMPLATES } from "./default-templates";
import { LETTER_TEMPLATE_KEYS, letterKindOfTemplate, templateKeyOf } from "./kinds";
import { placeholderProblems } from "./placeholders";
import { chinesePunctuation } from "./punctuation";
import { sampleValues } from "./sample-values";
import { templateErrors } from "./template-service";

describe("shipped letter templates", () => {
  it("there is a 答复告知书 for every reply result of annual-report table 三", () => {
    assert.equal(REPLY_RESULT_KEYS.length, 21);
    for (const result of REPLY_RESULT_KEYS) {
      assert.ok(DEFAULT_LETTER_TEMPLATES[templateKeyOf("reply", result)], result);
    }
    assert.equal(Object.keys(DEFAULT_LETTER_TEMPLATES).length, LETTER_TEMPLATE_KEYS.length);
  });

  it("every template renders without unknown placeholders", () => {
    for (const key of LETTER_TEMPLATE_KEYS) {
      const template = DEFAULT_LETTER_TEMPLATES[key];
      assert.deepEqual(placeholderProblems(template.body), [], key);
      assert.deepEqual(templateErrors(key, template), {}, key);
      const letter = composeLetter({
        kind: letterKindOfTemplate(key),
        template,
        values: sampleValues(key, "县市场监督管理局"),
        reference: "依申复〔2025〕12号",
        fileName: "x",
      });
      const text = letter.paragraphs.map((p) => p.text).join("\n");
      assert.ok(!/[{}]/.test(text), `${key} leaves a brace`);
      assert.ok(letter.paragraphs.length >= 3, key);
      assert.equal(letter.paragraphs[0]!.indent, false, `${key} starts with the addressee`);
    }
  });

  it("every reply letter cites its articles and both appeal routes", () => {
    for (const result of REPLY_RESULT_KEYS) {
      const key = templateKeyOf("reply", result);
      const letter = composeLetter({
        kind: "reply",
        template: DEFAULT_LETTER_TEMPLATES[key],
        values: sampleValues(key, "县市场监督管理局"),
        reference: "",
        fileName: "x",
      });
      const text = letter.paragraphs.map((p) => p.text).join("");
      for (const article of resultArticles(result)) {
        const cited = chinesePunctuation(article);
        if (!article.startsWith("《")) assert.ok(text.includes(cited), `${result}: ${article}`);
      }
      for (const words of ["行政复议", "行政诉讼", "六十日", "六个月"]) {
        assert.ok(text.includes(words), `${result}: ${words}`);
      }
    }
  });

  it("letters to a third party or agency never name the applicant", () => {
    for (const key of ["consult_third_party", "consult_agency"] as const) {
      const body = DEFAULT_LETTER_TEMPLATES[key].body;
      assert.ok(!body.includes("{申请人}") && !body.includes("{通信地址}"), key);
      const edited = { ...DEFAULT_LETTER_TEMPLATES[key], body: `${body}\n申请人:{申请人}` };
      assert.ok(
        templateErrors(key, edited).body?.includes("不能包含申请人"),
        'templateErrors(key, edited).body?.includes("不能包含申请人")',
      );
    }
  });
});
