#!/usr/bin/env node
// Reproduces a published random draw (随机抽取) of a 座谈会 / 听证会 / 实地走访. Plain Node, no
// dependencies, so anyone can check the result from what the public page shows:
//
//   node verify-draw.mjs <种子> <名额> <报名编号> [<报名编号> …]
//   node verify-draw.mjs --json <种子> <名额> <报名编号> …   (machine-readable output)
//
// Rule: for each 报名编号 compute SHA-256 of "<种子>:<报名编号>" (UTF-8, hex lowercase); sort all
// 报名编号 by that value ascending (ties by the 报名编号); the first <名额> are selected.
import { createHash } from "node:crypto";

const args = process.argv.slice(2);
const json = args[0] === "--json";
if (json) args.shift();
const [seed, quotaText, ...numbers] = args;
const quota = Number(quotaText);
if (!seed || !Number.isInteger(quota) || quota < 0 || numbers.length === 0) {
  process.stderr.write(
    "用法: node verify-draw.mjs [--json] <种子> <名额> <报名编号> [<报名编号> …]\n",
  );
  process.exit(2);
}

const order = numbers
  .map((signupNo) => ({
    signupNo,
    key: createHash("sha256").update(`${seed}:${signupNo}`, "utf8").digest("hex"),
  }))
  .sort((a, b) =>
    a.key < b.key
      ? -1
      : a.key > b.key
        ? 1
        : a.signupNo < b.signupNo
          ? -1
          : a.signupNo > b.signupNo
            ? 1
            : 0,
  );
const selected = order.slice(0, quota).map((e) => e.signupNo);

if (json) {
  process.stdout.write(`${JSON.stringify({ seed, quota, order, selected })}\n`);
} else {
  process.stdout.write(`种子: ${seed}\n名额: ${quota}\n报名人数: ${numbers.length}\n`);
  order.forEach((e, i) => {
    const mark = i < quota ? "入选" : "";
    process.stdout.write(`${String(i + 1).padStart(4)}  ${e.signupNo}  ${e.key}  ${mark}\n`);
  });
  process.stdout.write(`入选编号: ${selected.join(" ")}\n`);
}
