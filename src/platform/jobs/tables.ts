/** One claimed run of a scheduled job: (job_name, slot) is unique, so a slot runs once. */
export interface JobRunsTable {
  job_name: string;
  /** The time bucket, e.g. "i:1741000" (interval number) or "d:2025-03-03" (Shanghai date). */
  slot: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  /** Which process ran it (host:pid), for the operator. */
  runner: string;
}

export interface JobTables {
  job_runs: JobRunsTable;
}
