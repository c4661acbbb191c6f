import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bumpContentRevision } from "./revision";
import { enableRevisionMemos, revisionMemo } from "./revision-memo";

describe("revisionMemo", () => {
  /** A memo over String(key) that counts how often it computed. */
  function counted(options: Partial<Parameters<typeof revisionMemo>[2]> = {}) {
    const computed: number[] = [];
    const memo = revisionMemo<number, string>(
      (k) => String(k),
      async (k) => {
        computed.push(k);
        return `v${k}`;
      },
      { maxEntries: 2, ttlMs: 60_000, ...options },
    );
    return { memo, computed };
  }

  it("computes every time until the server enables memos", async () => {
    const { memo, computed } = counted();
    await memo(1);
    await memo(1);
    assert.deepEqual(computed, [1, 1]);
  });

  it("then remembers a key until the content revision moves", async () => {
    enableRevisionMemos();
    const { memo, computed } = counted();
    assert.equal(await memo(1), "v1");
    assert.equal(await memo(1), "v1");
    assert.deepEqual(computed, [1]);
    bumpContentRevision();
    await memo(1);
    assert.deepEqual(computed, [1, 1]);
  });

  it("forgets entries older than the time to live", async () => {
    enableRevisionMemos();
    const { memo, computed } = counted({ ttlMs: 0 });
    await memo(1);
    await memo(1);
    assert.deepEqual(computed, [1, 1]);
  });

  it("drops the least recently used key beyond maxEntries", async () => {
    enableRevisionMemos();
    const { memo, computed } = counted();
    await memo(1);
    await memo(2);
    await memo(1); // 2 is now the least recently used
    await memo(3);
    await memo(1);
    await memo(2);
    assert.deepEqual(computed, [1, 2, 3, 2]);
  });

  it("computes afresh while inactive", async () => {
    enableRevisionMemos();
    let active = false;
    const { memo, computed } = counted({ active: () => active });
    await memo(1);
    await memo(1);
    active = true;
    await memo(1);
    await memo(1);
    assert.deepEqual(computed, [1, 1, 1]);
  });
});
