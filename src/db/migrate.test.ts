import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { migrations } from "./migrations/index";

describe("migration registry", () => {
  it("lists every migration file in the folder, under its file name, in name order", () => {
    const folder = new URL("./migrations/", import.meta.url);
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    assert.deepEqual(Object.keys(migrations), files);
  });

  it("gives each migration an up function", () => {
    for (const [name, migration] of Object.entries(migrations)) {
      assert.equal(typeof migration.up, "function", name);
    }
  });
});
