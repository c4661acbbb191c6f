// An open-loop load: requests sent at a fixed rate, each on its own schedule, whether or not the
// earlier ones have been answered (as independent visitors arrive). The latency of a request then
// includes any queueing behind the others but not the load generator's own waiting, unlike a
// closed loop (autocannon's connections each wait for their answer before sending again, and its
// rate limit sends each second's requests in a burst).
import { Agent, request } from "node:http";

export interface OfferedLoadResult {
  sent: number;
  /** Answered per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than 2xx, and requests that failed. */
  failed: number;
}

export async function offeredLoad(
  base: string,
  nextPath: () => string,
  rate: number,
  seconds: number,
): Promise<OfferedLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(base);
  const latencies: number[] = [];
  let failed = 0;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request(
        { host: url.hostname, port: url.port, path, agent, method: "GET" },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - started);
            if ((res.statusCode ?? 0) >= 300) failed++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        failed++;
        resolve();
      });
      req.end();
    });
  const total = Math.round(rate * seconds);
  const begin = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(nextPath()));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - begin) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    sent: total,
    rps: Math.round(latencies.length / elapsed),
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(latencies.at(-1) ?? 0),
    failed,
  };
}
