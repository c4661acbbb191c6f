import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  bodyHtmlOf,
  formErrorsOfTransition,
  instantOfShanghaiLocal,
  recordInputOf,
  transitionInputOf,
} from "./backoffice-form";

describe("back-office record form", () => {
  it("plain text becomes one escaped paragraph per non-empty line", () => {
    assert.equal(
      bodyHtmlOf("各乡镇监管所:\r\n\n  现将 a<b & c 通知如下。  \n"),
      "<p>各乡镇监管所:</p>\n<p>现将 a&lt;b &amp; c 通知如下。</p>",
    );
  });

  it("text with a tag is taken as HTML and left to the sanitiser", () => {
    const html = "<p>正文</p><script>alert(1)</script>";
    assert.equal(bodyHtmlOf(html), html);
  });

  it("blank optional fields become null and a blank publisher keeps the default", () => {
    const input = recordInputOf({
      title: "标题",
      docNo: " ",
      publisher: "",
      unitId: "",
      formedOn: "2025-02-20",
      catalogItemId: "7",
      repealedByRecordId: "",
      needsInterpretation: "1",
      interpretationKind: "",
    });
    assert.equal(input.docNo, null);
    assert.equal(input.publisher, undefined);
    assert.equal(input.unitId, undefined);
    assert.equal(input.catalogItemId, 7);
    assert.equal(input.repealedByRecordId, null);
    assert.equal(input.needsInterpretation, true);
    assert.equal(input.interpretationKind, null);
  });

  it("a blank 成文日期 is missing (so the message asks for it), not an invalid date", () => {
    assert.equal(recordInputOf({ formedOn: "" }).formedOn, undefined);
  });

  it("schedule time typed in Beijing time becomes a UTC instant", () => {
    assert.equal(instantOfShanghaiLocal("2025-03-04T09:00"), "2025-03-04T01:00:00.000Z");
    assert.equal(instantOfShanghaiLocal("2025-03-04 09:00"), null);
    assert.deepEqual(transitionInputOf("schedule", {}), {
      ok: false,
      errors: { publishAt: "请填写定时发布的时间" },
    });
  });

  it("the review form's yes/no answers become booleans and unanswered ones stay missing", () => {
    const form = transitionInputOf("approve", {
      isClassified: "no",
      disclosureAttribute: "proactive",
      approveComment: " 同意 ",
    });
    assert.ok(form.ok);
    assert.equal(form.input.comment, "同意");
    assert.deepEqual(form.input.review, {
      isClassified: false,
      involvesPrivacyOrTradeSecret: undefined,
      disclosureAttribute: "proactive",
      legalReason: "",
    });
  });

  it("each action reads its own comment field, and errors come back under the page's names", () => {
    const form = transitionInputOf("withdraw", { withdrawReason: "错误", rejectReason: "别的" });
    assert.ok(form.ok);
    assert.equal(form.input.comment, "错误");
    assert.deepEqual(
      formErrorsOfTransition("reject", { comment: "请说明", "review.legalReason": "请写明" }),
      { rejectReason: "请说明", legalReason: "请写明" },
    );
  });
});
