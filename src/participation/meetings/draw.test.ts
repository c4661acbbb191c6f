import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { drawKey, drawOrder, seedProblem, selectByDraw } from "./draw";

const numbers = Array.from(
  { length: 12 },
  (_, i) => `TZ-2026-0003-${String(i + 1).padStart(3, "0")}`,
);
const script = fileURLToPath(new URL("./verify-draw.mjs", import.meta.url));

describe("random draw", () => {
  it("keys each number by SHA-256 of seed:number in lowercase hex", () => {
    const expected = createHash("sha256").update("abc123:TZ-2026-0003-001").digest("hex");
    assert.equal(drawKey("abc123", "TZ-2026-0003-001"), expected);
    assert.match(expected, /^[0-9a-f]{64}$/);
  });

  it("orders by that key ascending and takes the first quota", () => {
    const order = drawOrder("seed-1", numbers);
    const keys = order.map((e) => e.key);
    assert.deepEqual(keys, [...keys].sort());
    assert.deepEqual(
      selectByDraw("seed-1", numbers, 4),
      order.slice(0, 4).map((e) => e.signupNo),
    );
  });

  it("does not depend on the order the list is given in", () => {
    const shuffled = [...numbers].reverse();
    assert.deepEqual(selectByDraw("seed-1", shuffled, 5), selectByDraw("seed-1", numbers, 5));
  });

  it("changes with the seed", () => {
    assert.notDeepEqual(selectByDraw("seed-1", numbers, 5), selectByDraw("seed-2", numbers, 5));
  });

  it("selects everyone when fewer signed up than the quota, and nobody from an empty list", () => {
    assert.equal(selectByDraw("seed-1", numbers, 50).length, numbers.length);
    assert.deepEqual(selectByDraw("seed-1", [], 3), []);
    assert.deepEqual(selectByDraw("seed-1", numbers, 0), []);
  });

  it("matches a known vector", () => {
    assert.deepEqual(
      selectByDraw("abcd", ["ZT-2026-0001-001", "ZT-2026-0001-002", "ZT-2026-0001-003"], 2),
      ["ZT-2026-0001-002", "ZT-2026-0001-003"],
    );
  });

  it("accepts seeds of 4–64 letters, digits, . _ - only", () => {
    assert.equal(seedProblem("a1b2"), null);
    assert.equal(seedProblem("2026-12-10.福彩".slice(0, 10)), null);
    assert.equal(seedProblem("x".repeat(64)), null);
    for (const bad of ["abc", "x".repeat(65), "has space", "colon:no", "福彩3D"]) {
      assert.ok(seedProblem(bad), bad);
    }
  });

  it("verify-draw.mjs (plain Node) gives the same order and selection", () => {
    const out = execFileSync(process.execPath, [script, "--json", "seed-1", "4", ...numbers], {
      encoding: "utf8",
    });
    const parsed = JSON.parse(out) as {
      order: { signupNo: string; key: string }[];
      selected: string[];
    };
    assert.deepEqual(parsed.order, drawOrder("seed-1", numbers));
    assert.deepEqual(parsed.selected, selectByDraw("seed-1", numbers, 4));
    const text = execFileSync(process.execPath, [script, "seed-1", "4", ...numbers], {
      encoding: "utf8",
    });
    assert.match(text, new RegExp(`入选编号: ${selectByDraw("seed-1", numbers, 4).join(" ")}\\n`));
  });

  it("verify-draw.mjs explains its usage and exits 2 without arguments", () => {
    assert.throws(
      () => execFileSync(process.execPath, [script], { encoding: "utf8", stdio: "pipe" }),
      (e: { status?: number }) => e.status === 2,
    );
  });
});
