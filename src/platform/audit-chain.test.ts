import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ChainedFields, checkChainLink, GENESIS_HASH, hashAuditEntry } from "./audit-chain";

const first: ChainedFields = {
  at: "2025-03-03T02:00:00.000Z",
  actor_id: 1,
  actor_name: "admin",
  action: "user.created",
  object_type: "user",
  object_id: "2",
  ip: "10.0.0.1",
  detail: "clerk 角色:editor",
  prev_hash: GENESIS_HASH,
};

function sealed(fields: ChainedFields) {
  return { ...fields, hash: hashAuditEntry(fields) };
}

describe("audit hash chain", () => {
  it("the hash is SHA-256 hex and the same fields always give the same hash", () => {
    assert.match(hashAuditEntry(first), /^[0-9a-f]{64}$/);
    assert.equal(hashAuditEntry({ ...first }), hashAuditEntry(first));
    assert.equal(GENESIS_HASH, "0".repeat(64));
  });

  it("changing any covered field changes the hash", () => {
    const changed: Partial<ChainedFields>[] = [
      { at: "2025-03-03T02:00:01.000Z" },
      { actor_id: null },
      { actor_name: "admin2" },
      { action: "user.updated" },
      { object_type: "unit" },
      { object_id: null },
      { ip: "10.0.0.2" },
      { detail: "clerk 角色:admin" },
      { prev_hash: "f".repeat(64) },
    ];
    for (const change of changed) {
      assert.notEqual(
        hashAuditEntry({ ...first, ...change }),
        hashAuditEntry(first),
        JSON.stringify(change),
      );
    }
  });

  it("moving text between adjacent fields changes the hash", () => {
    const a = hashAuditEntry({ ...first, object_type: "user", object_id: "12" });
    const b = hashAuditEntry({ ...first, object_type: "user1", object_id: "2" });
    assert.notEqual(a, b);
  });

  it("an untouched entry verifies against its predecessor", () => {
    const one = sealed(first);
    const two = sealed({ ...first, action: "user.updated", prev_hash: one.hash });
    assert.deepEqual(checkChainLink(one, GENESIS_HASH), { ok: true });
    assert.deepEqual(checkChainLink(two, one.hash), { ok: true });
  });

  it("an entry whose content was edited is reported as changed", () => {
    const one = sealed(first);
    assert.deepEqual(checkChainLink({ ...one, detail: "改过的说明" }, GENESIS_HASH), {
      ok: false,
      reason: "content_changed",
    });
  });

  it("an entry that does not follow its predecessor (one deleted between) breaks the link", () => {
    const one = sealed(first);
    const two = sealed({ ...first, action: "user.updated", prev_hash: one.hash });
    const three = sealed({ ...first, action: "user.unlocked", prev_hash: two.hash });
    assert.deepEqual(checkChainLink(three, one.hash), { ok: false, reason: "link_broken" });
  });

  it("a forged entry re-hashed to hide an edit still breaks the link to the next entry", () => {
    const one = sealed(first);
    const two = sealed({ ...first, action: "user.updated", prev_hash: one.hash });
    const forged = sealed({ ...first, detail: "伪造" });
    assert.deepEqual(checkChainLink(forged, GENESIS_HASH), { ok: true });
    assert.deepEqual(checkChainLink(two, forged.hash), { ok: false, reason: "link_broken" });
  });
});
