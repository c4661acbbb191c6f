// The content revision: one number that changes whenever published content may have changed.
// Cached public pages remember the revision they were rendered at and are discarded once it
// moves, so a change is visible on the very next request (see "Page cache" in ARCHITECTURE.md).
//
// It is bumped after every successful state-changing request (middleware in src/http/app.tsx)
// and whenever scheduled records go out (src/records/publish.ts), whether the job publishes them
// or a read (a public page, a back-office list) releases them first. With several processes on
// PostgreSQL, each bump is also sent with NOTIFY and every other process bumps its own number
// when the notification arrives.
import { randomUUID } from "node:crypto";
import pg from "pg";

let revision = 0;
let notify: ((payload: string) => void) | null = null;
/** Identifies this process's own notifications, which it has already counted. */
const origin = randomUUID();

export const REVISION_CHANNEL = "gongkai_content_revision";

/** The current revision; a cached page rendered at another revision is stale. */
export function contentRevision(): number {
  return revision;
}

/** Published content may have changed: every cached page is stale from now on, in every process. */
export function bumpContentRevision(): void {
  revision += 1;
  notify?.(origin);
}

/** Whether cached pages can be trusted: false while the PostgreSQL listener is disconnected. */
let reliable = true;
export function revisionIsReliable(): boolean {
  return reliable;
}

export interface RevisionListener {
  close(): Promise<void>;
}

/**
 * LISTEN on PostgreSQL for other processes' bumps (one extra connection per process). While the
 * connection is down the page cache is bypassed (another process's change would go unseen), and
 * it reconnects every few seconds.
 */
export async function listenForRevisions(
  databaseUrl: string,
  onError: (error: unknown) => void = () => {},
): Promise<RevisionListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    const lost = (error?: unknown) => {
      if (client !== c) return;
      client = null;
      reliable = false;
      notify = null;
      if (error) onError(error);
      c.end().catch(() => {});
      if (!closed) retry = setTimeout(reconnect, 2000).unref();
    };
    c.on("error", lost);
    c.on("end", () => lost());
    c.on("notification", (message) => {
      if (message.channel === REVISION_CHANNEL && message.payload !== origin) revision += 1;
    });
    await c.connect();
    await c.query(`LISTEN ${REVISION_CHANNEL}`);
    client = c;
    notify = (payload) => {
      c.query("SELECT pg_notify($1, $2)", [REVISION_CHANNEL, payload]).catch(lost);
    };
    // Anything may have changed while we were not listening; and changes made here meanwhile were
    // never announced, so announce one now.
    revision += 1;
    reliable = true;
    notify(origin);
  };
  const reconnect = () => {
    retry = null;
    connect().catch((error: unknown) => {
      onError(error);
      if (!closed) retry = setTimeout(reconnect, 2000).unref();
    });
  };

  reliable = false;
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      notify = null;
      reliable = true;
      await c?.end().catch(() => {});
    },
  };
}
