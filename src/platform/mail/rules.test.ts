import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  afterFailure,
  emlFileName,
  errorText,
  MAX_ATTEMPTS,
  messageIdFor,
  retryDelayMs,
  SITE_URL,
  siteUrlOf,
  withSiteUrl,
} from "./rules";

describe("mail rules", () => {
  it("retries after 1, 2, 4 … minutes, never longer than 2 hours", () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000),
      [1, 2, 4, 8, 16, 32, 64, 120, 120],
    );
    assert.equal(retryDelayMs(0), 60_000);
  });

  it("gives up after the last attempt and schedules the next one before that", () => {
    const now = new Date("2025-03-03T02:00:00Z");
    assert.deepEqual(afterFailure(1, now), {
      status: "pending",
      nextAttemptAt: "2025-03-03T02:01:00.000Z",
    });
    assert.deepEqual(afterFailure(3, now), {
      status: "pending",
      nextAttemptAt: "2025-03-03T02:04:00.000Z",
    });
    assert.equal(afterFailure(MAX_ATTEMPTS - 1, now).status, "pending");
    assert.deepEqual(afterFailure(MAX_ATTEMPTS, now), { status: "failed" });
  });

  it("derives one Message-ID per dedupe key, in the sender's domain", () => {
    const a = messageIdFor("sub:1:record:2", "noreply@gov.example.cn");
    assert.equal(a, messageIdFor("sub:1:record:2", "noreply@gov.example.cn"));
    assert.notEqual(a, messageIdFor("sub:1:record:3", "noreply@gov.example.cn"));
    assert.match(a, /^<[0-9a-f]{40}@gov\.example\.cn>$/);
  });

  it("fills in the site URL without a doubled slash", () => {
    assert.equal(
      withSiteUrl(`看 ${SITE_URL}/records/1 和 ${SITE_URL}/x`, "https://gk.example.cn/"),
      "看 https://gk.example.cn/records/1 和 https://gk.example.cn/x",
    );
    assert.equal(
      siteUrlOf({ publicUrl: "https://a.cn", host: "0.0.0.0", port: 1 }),
      "https://a.cn",
    );
    assert.equal(
      siteUrlOf({ publicUrl: null, host: "127.0.0.1", port: 3000 }),
      "http://127.0.0.1:3000",
    );
    assert.equal(siteUrlOf({ publicUrl: null, host: "::1", port: 80 }), "http://[::1]:80");
  });

  it("names filed mail by id and a hash, never by user text", () => {
    assert.match(emlFileName(12, "sub:1:record:2"), /^00000012-[0-9a-f]{12}\.eml$/);
  });

  it("shortens errors to one line", () => {
    assert.equal(errorText(new Error("a\n  b")), "a b");
    assert.equal(errorText("x".repeat(900)).length, 500);
  });
});
