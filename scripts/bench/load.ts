// Load tests with autocannon: 50 connections on loopback.
import autocannon from "autocannon";

export const CONNECTIONS = 50;

export interface LoadResult {
  label: string;
  url: string;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Requests that failed: non-2xx answers, socket errors, timeouts. */
  failures: number;
  /** What the failures were, e.g. "500 ×3, errors ×2". */
  failureKinds: string;
  bodyBytes: number;
}

/**
 * One autocannon run, timed from its start to the last answer: autocannon notices that `amount` is reached only
 * at its next one-second sample, so its own duration rounds up to whole seconds.
 */
function run(options: autocannon.Options): Promise<{ r: autocannon.Result; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let last = started;
    const instance = autocannon(options, (error, r) => (error ? reject(error) : resolve({ r, seconds: (last - started) / 1000 })));
    const answered = () => {
      last = performance.now();
    };
    instance.on("response", answered);
    instance.on("reqError", answered);
  });
}

/**
 * A warm-up of one request per connection (not counted), then a fixed number of requests sized to last about
 * `seconds` at the rate measured so far (re-sized while a run turns out much shorter: the first estimate comes
 * from cold connections). Every request is waited for, so a saturated server shows its queueing in p99 (a
 * duration-bound run drops the requests still in flight at the end: the slowest ones).
 */
export async function measure(label: string, url: string, seconds: number, connections = CONNECTIONS): Promise<LoadResult> {
  const options = { url, connections, timeout: 300 };
  const warm = await run({ ...options, amount: connections });
  let rate = warm.r.requests.total / Math.max(0.05, warm.seconds);
  let r: autocannon.Result;
  let elapsed: number;
  for (let attempt = 0; ; attempt++) {
    const amount = Math.max(2 * connections, Math.round(rate * seconds));
    ({ r, seconds: elapsed } = await run({ ...options, amount }));
    rate = r.requests.total / elapsed;
    if (elapsed >= seconds * 0.7 || attempt === 3 || r.errors + r.timeouts > 0) break;
  }
  const result: LoadResult = {
    label,
    url,
    seconds: elapsed,
    requests: r.requests.total,
    rps: r.requests.total / elapsed,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    failureKinds: [
      ...Object.entries(r.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, { count }]) => `${code} ×${count ?? 0}`),
      ...(r.timeouts ? [`timeouts ×${r.timeouts}`] : []),
      ...(r.errors - r.timeouts > 0 ? [`socket errors ×${r.errors - r.timeouts}`] : []),
    ].join(", "),
    bodyBytes: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
  console.log(
    `  ${label.padEnd(34)} ${fmt(result.rps, 0).padStart(7)} req/s   p50 ${fmt(result.p50, 0).padStart(5)} ms   p99 ${fmt(result.p99, 0).padStart(5)} ms` +
      `   (${result.requests} requests in ${fmt(elapsed)} s)` +
      (result.failures ? `   ${result.failures} failed: ${result.failureKinds}` : ""),
  );
  return result;
}

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
