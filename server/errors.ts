// Every error the API can answer with, keyed by a typed code (Orama's errors.ts), and the one
// Fastify error handler. 4xx answers say what was wrong and which field; 5xx answers say only
// that it failed and which request id to quote, because internals (paths, stack traces, index
// details) are for the log, not for a browser.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodFastifySchemaValidationError,
} from "fastify-type-provider-zod";
import { IndexError } from "../ingest/store/index.ts";

export const MAX_QUESTION_CHARS = 2000;

interface ErrorDetails {
  field?: string;
  /** extra text appended to the catalogue message (a value, a schema rule); never a stack */
  detail?: string;
}

interface ErrorSpec {
  status: number;
  message: (d: ErrorDetails) => string;
}

const withDetail = (text: string) => (d: ErrorDetails) => (d.detail ? `${text} ${d.detail}` : text);

export const ERRORS = {
  QUESTION_EMPTY: { status: 400, message: () => "The question is empty: type a question." },
  QUESTION_TOO_LONG: {
    status: 400,
    message: () => `The question is longer than ${MAX_QUESTION_CHARS} characters: shorten it.`,
  },
  UNKNOWN_FILTER_VALUE: {
    status: 400,
    message: (d) => `Unknown value for filter ${d.field}${d.detail ? ` (${d.detail})` : ""}: GET /api/fiches lists the known values under "facets".`,
  },
  UNKNOWN_FICHE: {
    status: 404,
    message: (d) => `No fiche has the id ${d.detail ?? "given"}: GET /api/fiches lists them.`,
  },
  VALIDATION: {
    status: 400,
    message: (d) => `Invalid ${d.field ? `value for ${d.field}` : "request"}${d.detail ? `: ${d.detail}` : ""} (the API is described at /docs).`,
  },
  INVALID_JSON: { status: 400, message: withDetail("The request body is not valid JSON.") },
  BAD_REQUEST: { status: 400, message: withDetail("The request could not be understood.") },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: () => "Send the body as application/json." },
  BODY_TOO_LARGE: { status: 413, message: () => "The request body is too large: send a shorter question or fewer history turns." },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: () => "This origin may not call the API: its administrator must add it to ALLOWED_ORIGINS.",
  },
  RATE_LIMITED: { status: 429, message: withDetail("Too many requests: wait a moment and try again.") },
  NOT_FOUND: { status: 404, message: withDetail("Nothing here.") },
  NOT_READY: { status: 503, message: () => "The assistant is starting or its index is not loaded yet: try again shortly." },
  INDEX_UNAVAILABLE: {
    status: 503,
    message: () => "The search index cannot be read: an operator must check the server log and rebuild it (npm run ingest).",
  },
  INDEX_MISMATCH: {
    status: 503,
    message: () => "The search index does not match this server's embedder: an operator must rebuild it (npm run ingest).",
  },
  INTERNAL: { status: 500, message: () => "Internal error: quote the request id when reporting it." },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; requestId?: string };
}

/** The only error type routes and services throw on purpose; anything else is a 500. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super((ERRORS[code] as ErrorSpec).message(details), options);
    this.name = "AppError";
    this.statusCode = ERRORS[code].status;
  }
}

/** Values typed by the user are echoed in messages; bound them so a message stays a message. */
export function quoteValue(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

export function errorBody(err: AppError, requestId?: string): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details.field ? { field: err.details.field } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

// Fastify's own 4xx errors (content-type parser, body size) by code, as of fastify 5.6.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "BODY_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
};

/** zod issue → the catalogue; `question` gets its own codes because the UI explains them. */
function fromValidation(error: { validation: ZodFastifySchemaValidationError[]; validationContext?: string }): AppError {
  const issue = error.validation[0];
  const parts = issue.instancePath.split("/").filter(Boolean);
  if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params.keys)) parts.push(String(issue.params.keys[0]));
  // A missing body/query object has an empty path: name the part of the request instead.
  const field = parts.join(".") || String(error.validationContext ?? "body");
  if (field === "question" && issue.keyword === "too_small") return new AppError("QUESTION_EMPTY", { field });
  if (field === "question" && issue.keyword === "too_big") return new AppError("QUESTION_TOO_LONG", { field });
  const detail = issue.keyword === "unrecognized_keys" ? "this key is not part of the API" : issue.message;
  return new AppError("VALIDATION", { field, ...(detail ? { detail } : {}) });
}

/** Maps any thrown value to an AppError; undefined means "unexpected": a 500. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  // The index's file and fix are for the operator's log; the client learns only that it is down.
  if (error instanceof IndexError) {
    return new AppError(error.code === "INDEX_EMBEDDER_MISMATCH" ? "INDEX_MISMATCH" : "INDEX_UNAVAILABLE", {}, { cause: error });
  }
  if (hasZodFastifySchemaValidationErrors(error)) return fromValidation(error);
  const fe = (typeof error === "object" && error !== null ? error : {}) as Partial<FastifyError>;
  if (fe.code && FASTIFY_CODES[fe.code]) return new AppError(FASTIFY_CODES[fe.code]);
  // Other framework 4xx (bad content-length, malformed URL…): their message is safe to show.
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500 && fe.code?.startsWith("FST_")) {
    return new AppError(fe.statusCode === 404 ? "NOT_FOUND" : "BAD_REQUEST", { detail: fe.message ?? "" });
  }
  // @fastify/static (through `send`) refuses `..`, encoded separators and malformed paths with
  // an http-errors 4xx (403 "Forbidden", 400, 404): the client's fault, answered as not found
  // so a probe learns nothing about what exists outside the served folders.
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500 && (error as { expose?: unknown }).expose === true) {
    return new AppError("NOT_FOUND", { detail: "No file at this path." });
  }
  return undefined;
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toAppError(error);
  if (known && known.statusCode < 500) {
    return reply.code(known.statusCode).send(errorBody(known));
  }
  const failure = known ?? new AppError("INTERNAL");
  // The response schema failing is our bug, not the client's: log the zod issues to fix it.
  const isSerialization = typeof error === "object" && error !== null && isResponseSerializationError(error);
  const logged = isSerialization ? { err: error, issues: (error as { cause?: unknown }).cause } : { err: error };
  request.log.error({ ...logged, code: failure.code }, "request failed");
  return reply.code(failure.statusCode).send(errorBody(failure, String(request.id)));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const target = request.url.split("?")[0];
  const err = new AppError("NOT_FOUND", { detail: `No route or file for ${request.method} ${quoteValue(target, 120)}.` });
  return reply.code(404).send(errorBody(err));
}
