// Retries for calls to a remote embeddings service: which failures are worth another attempt
// (rate limits, server errors, time-outs, a refused or reset connection) and how long to wait
// (exponential backoff with jitter, or the service's own Retry-After when it sends one).

/** An error of the OpenAI client (its status and headers), or a time-out named TimeoutError by LangChain. */
interface CallError {
  status?: number;
  name?: string;
  headers?: Headers | Record<string, string>;
  constructor?: { name?: string };
}

export function isRetryable(err: unknown): boolean {
  const e = (err ?? {}) as CallError;
  if (typeof e.status === "number") return e.status === 408 || e.status === 429 || e.status >= 500;
  // no status: a time-out or a connection that failed before any answer
  return e.name === "TimeoutError" || e.constructor?.name === "APIConnectionError" || e.constructor?.name === "APIConnectionTimeoutError";
}

/** Retry-After in ms when the service sent one (seconds form), capped so a bad value cannot stall an ingest. */
function retryAfterMs(err: unknown, capMs: number): number | undefined {
  const h = (err as CallError | undefined)?.headers;
  const raw = h instanceof Headers ? h.get("retry-after") : h?.["retry-after"];
  const seconds = raw === undefined || raw === null ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, capMs) : undefined;
}

export interface RetryOptions {
  /** attempts after the first */
  retries: number;
  /** first wait; doubles each attempt */
  backoffMs: number;
  maxBackoffMs?: number;
}

export async function withRetries<T>(call: () => Promise<T>, opts: RetryOptions): Promise<{ value: T; attempts: number }> {
  const cap = opts.maxBackoffMs ?? 20_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await call(), attempts: attempt };
    } catch (err) {
      if (attempt > opts.retries || !isRetryable(err)) throw Object.assign(err as object, { attempts: attempt });
      const exponential = Math.min(cap, opts.backoffMs * 2 ** (attempt - 1));
      const wait = retryAfterMs(err, cap) ?? exponential * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The short reason of a failed call, for messages: "429 rate limited", "timed out". */
export function describeFailure(err: unknown): string {
  const e = err as CallError & { message?: string };
  const message = (e?.message ?? String(err)).split("\n")[0];
  return typeof e?.status === "number" && !message.startsWith(String(e.status)) ? `${e.status} ${message}` : message;
}
