// Calls to the assistant's HTTP API (server/contracts.ts). Same origin as the page.
import { readEventStream } from "./sse.js";

/** An API failure with the server's message (4xx) or a network failure. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

async function failure(response) {
  let message = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    // the API's error shape is {error: {code, message}}; accept a bare {message} too
    const text = body?.error?.message ?? body?.message;
    if (typeof text === "string") message = text;
  } catch {
    // a body that is not JSON (proxy page): the status says enough
  }
  return new ApiError(message, response.status);
}

async function request(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    throw new ApiError(err instanceof Error ? err.message : String(err), 0);
  }
  if (!response.ok) throw await failure(response);
  return response;
}

async function getJson(path) {
  const response = await request(path, { headers: { accept: "application/json" } });
  return response.json();
}

/**
 * POST /api/ask as a stream. `handlers.onCitations({citations, fiches})` first,
 * `handlers.onDelta(text)` for each piece of the answer; resolves with the full AskResult.
 * A server that answers plain JSON instead of SSE is handled too.
 */
export async function ask(body, handlers = {}, signal) {
  const response = await request("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal,
  });
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("text/event-stream")) {
    const result = await response.json();
    handlers.onCitations?.({ citations: result.citations, fiches: result.fiches });
    handlers.onDelta?.(result.answer);
    return result;
  }
  let result;
  let streamError;
  await readEventStream(response, (event, data) => {
    if (event === "citations") handlers.onCitations?.(data);
    else if (event === "delta") handlers.onDelta?.(data.text ?? "");
    else if (event === "done") result = data;
    else if (event === "error") streamError = new ApiError(data?.message ?? String(data), 500);
  });
  if (streamError) throw streamError;
  if (!result) throw new ApiError("stream ended before the answer was complete", 0);
  return result;
}

export const listFiches = () => getJson("/api/fiches");
export const getFiche = (id) => getJson(`/api/fiches/${encodeURIComponent(id)}`);
export const getSimilar = (id) => getJson(`/api/fiches/${encodeURIComponent(id)}/similar`);
