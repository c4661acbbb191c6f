import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SITE_URL } from "../platform/mail/rules";
import {
  confirmationMail,
  consultationOpenedMail,
  normaliseEmail,
  parseTopic,
  recordPublishedMail,
  topicLabel,
  topicValue,
  unsubscribeHeaders,
} from "./topics";

describe("subscription topics", () => {
  it("parses the form values and nothing else", () => {
    assert.deepEqual(parseTopic("consultations"), { topic: "consultations", ref: "" });
    assert.deepEqual(parseTopic("genre:serviceGuide"), { topic: "genre", ref: "serviceGuide" });
    assert.deepEqual(parseTopic("catalogItem:12"), { topic: "catalogItem", ref: "12" });
    for (const bad of ["genre:nope", "catalogItem:0", "catalogItem:x", "records", "", "genre:"]) {
      assert.equal(parseTopic(bad), null, bad);
    }
    assert.equal(topicValue({ topic: "genre", ref: "notice" }), "genre:notice");
  });

  it("labels topics in Chinese", () => {
    assert.equal(topicLabel({ topic: "genre", ref: "notice" }), "体裁:通知");
    assert.equal(topicLabel({ topic: "genre", ref: "serviceGuide" }), "办事指南(全部)");
    assert.equal(
      topicLabel({ topic: "catalogItem", ref: "3" }, () => "行政许可"),
      "目录事项:行政许可",
    );
    assert.match(topicLabel({ topic: "consultations", ref: "" }), /意见征集/);
  });

  it("every notification carries the unsubscribe link and the RFC 8058 headers", () => {
    const token = "T".repeat(32);
    const link = `${SITE_URL}/subscriptions/unsubscribe/${token}`;
    const record = recordPublishedMail({
      siteName: "某局",
      topic: "体裁:通知",
      recordId: 7,
      title: "关于X的通知",
      publishedOn: "2025-03-03",
      publisher: "某局",
      token,
    });
    const consultation = consultationOpenedMail({
      siteName: "某局",
      title: "草案",
      url: "/c/1",
      token,
    });
    for (const mail of [record, consultation]) {
      assert.ok(mail.text.includes(link));
      assert.deepEqual(mail.headers, unsubscribeHeaders(token));
    }
    assert.equal(unsubscribeHeaders(token)["List-Unsubscribe"], `<${link}>`);
    assert.equal(unsubscribeHeaders(token)["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
    assert.ok(record.text.includes(`${SITE_URL}/records/7`));
    assert.ok(consultation.text.includes(`${SITE_URL}/c/1`));
    assert.ok(
      consultationOpenedMail({
        siteName: "",
        title: "",
        url: "https://x.cn/a",
        token,
      }).text.includes("https://x.cn/a"),
    );
  });

  it("the confirmation mail links to the confirmation page and lists the topics", () => {
    const mail = confirmationMail({ siteName: "某局", topics: ["体裁:通知"], token: "abc" });
    assert.ok(mail.text.includes(`${SITE_URL}/subscriptions/confirm/abc`));
    assert.ok(mail.text.includes("体裁:通知"));
    assert.equal(mail.headers, undefined);
  });

  it("normalises addresses for the keyed hash", () => {
    assert.equal(normaliseEmail("  Zhang@Example.COM "), "zhang@example.com");
  });
});
