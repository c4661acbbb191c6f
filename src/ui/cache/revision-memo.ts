// Values computed from published content (search result windows, filter options, list counts),
// kept in memory under the page cache's freshness rules: an entry is stale once the content
// revision moves (any change, in any process) or after its time to live. Only the server turns
// memos on (enableRevisionMemos): tests change data through services behind the app's back, and
// without the server every memo computes afresh.
import { contentRevision, revisionIsReliable } from "./revision";

interface Entry<V> {
  value: V;
  revision: number;
  at: number;
}

let enabled = false;

export function enableRevisionMemos(): void {
  enabled = true;
}

export interface RevisionMemoOptions {
  /** Entries kept; the least recently used goes first. */
  maxEntries: number;
  ttlMs: number;
  /** Consulted on every call: false computes afresh (e.g. a cache the operator turned off). */
  active?: () => boolean;
}

/** `compute(key)`, remembered per key string until the content revision moves or `ttlMs` passes. */
export function revisionMemo<K, V>(
  keyOf: (key: K) => string,
  compute: (key: K) => Promise<V>,
  options: RevisionMemoOptions,
): (key: K) => Promise<V> {
  const entries = new Map<string, Entry<V>>();
  return async (key: K) => {
    if (!enabled || !revisionIsReliable() || options.active?.() === false) return compute(key);
    const id = keyOf(key);
    const revision = contentRevision();
    const hit = entries.get(id);
    entries.delete(id);
    if (hit && hit.revision === revision && Date.now() - hit.at < options.ttlMs) {
      entries.set(id, hit);
      return hit.value;
    }
    const value = await compute(key);
    entries.set(id, { value, revision, at: Date.now() });
    // A Map iterates in insertion order: the first key is the least recently used.
    if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}
