import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createHumanChallenge,
  HUMAN_CHECK_TTL_MS,
  type HumanChallenge,
  verifyHumanCheck,
} from "./human-check";

const secret = "test-secret-test-secret-test-secret-0123";
const issued = new Date("2025-03-03T02:00:00Z");
const later = (ms: number) => new Date(issued.getTime() + ms);
/** Always picks `values` in turn: a, b, operator. */
const picker = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

function challenge(...picks: number[]): HumanChallenge {
  return createHumanChallenge(secret, issued, picker(...picks));
}

describe("human check", () => {
  it("asks a Chinese arithmetic question in words and accepts the Arabic answer", () => {
    const c = challenge(6, 4, 0); // 7 + 5
    assert.equal(c.question, "七加五等于几?请填写阿拉伯数字");
    assert.deepEqual(
      verifyHumanCheck(secret, { token: c.token, answer: "12" }, later(5000)).ok,
      true,
    );
  });

  it("asks subtraction with the larger number first, never a negative answer", () => {
    const c = challenge(2, 8, 1); // 3 and 9, subtract
    assert.equal(c.question, "九减三等于几?请填写阿拉伯数字");
    assert.equal(verifyHumanCheck(secret, { token: c.token, answer: "6" }, later(5000)).ok, true);
  });

  it("accepts full-width digits and surrounding spaces", () => {
    const c = challenge(6, 4, 0);
    assert.equal(
      verifyHumanCheck(secret, { token: c.token, answer: " １２ " }, later(5000)).ok,
      true,
    );
  });

  it("does not put the answer in the token", () => {
    const c = challenge(6, 4, 0);
    assert.ok(!c.token.split(".").slice(0, 2).join(".").includes("12"));
  });

  it("refuses a wrong answer with a Chinese message", () => {
    const c = challenge(6, 4, 0);
    const result = verifyHumanCheck(secret, { token: c.token, answer: "13" }, later(5000));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, "wrong_answer");
    assert.match(!result.ok ? result.message : "", /答案不正确/);
  });

  it("refuses a form filled in under three seconds", () => {
    const c = challenge(6, 4, 0);
    const result = verifyHumanCheck(secret, { token: c.token, answer: "12" }, later(1500));
    assert.equal(!result.ok && result.reason, "too_fast");
  });

  it("refuses an expired token", () => {
    const c = challenge(6, 4, 0);
    const result = verifyHumanCheck(
      secret,
      { token: c.token, answer: "12" },
      later(HUMAN_CHECK_TTL_MS + 1),
    );
    assert.equal(!result.ok && result.reason, "expired");
  });

  it("refuses a filled honeypot even with the right answer", () => {
    const c = challenge(6, 4, 0);
    const input = { token: c.token, answer: "12", honeypot: "http://spam.example" };
    assert.equal(verifyHumanCheck(secret, input, later(5000)).ok, false);
  });

  it("refuses a token signed with another secret, a forged token and a missing one", () => {
    const c = createHumanChallenge(
      "other-secret-other-secret-other-secret-1",
      issued,
      picker(6, 4, 0),
    );
    assert.equal(verifyHumanCheck(secret, { token: c.token, answer: "12" }, later(5000)).ok, false);
    const forged = verifyHumanCheck(secret, { token: "1.2.3", answer: "12" }, later(5000));
    assert.equal(!forged.ok && forged.reason, "invalid");
    const missing = verifyHumanCheck(secret, { answer: "12" }, later(5000));
    assert.equal(!missing.ok && missing.reason, "missing");
  });

  it("gives a fresh token every time", () => {
    assert.notEqual(challenge(6, 4, 0).token, challenge(6, 4, 0).token);
  });
});
