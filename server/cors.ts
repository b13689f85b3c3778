// Which browser origins may call the API. The page itself is same-origin; the widget runs on
// intranet pages whose origins the administrator lists in ALLOWED_ORIGINS. Anyone else gets no
// Access-Control-Allow-Origin header (the browser then hides the response) and a refused
// preflight, so a non-simple request (JSON POST) from an unlisted site never reaches a route.
import type { FastifyRequest } from "fastify";
import type { FastifyCorsOptions } from "@fastify/cors";
import { AppError } from "./errors.ts";

const ALLOWED: FastifyCorsOptions = {
  methods: ["GET", "HEAD", "POST"],
  allowedHeaders: ["Content-Type", "Accept"],
  exposedHeaders: ["X-Request-Id"],
  // Lets the browser skip a preflight per question for ten minutes.
  maxAge: 600,
};

/** Browsers send Origin on same-origin POSTs too; those must pass when the list is empty. */
function isSameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function corsDelegator(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: FastifyRequest, cb: (error: Error | null, options?: FastifyCorsOptions) => void): void => {
    const origin = req.headers.origin;
    if (!origin) return cb(null, { origin: false });
    if (allowed.has(origin) || isSameHost(origin, req.headers.host)) return cb(null, { ...ALLOWED, origin });
    const isPreflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (isPreflight) return cb(new AppError("ORIGIN_NOT_ALLOWED"));
    cb(null, { origin: false });
  };
}
