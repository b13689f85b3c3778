// HTML pages besides the chat: the catalogue (/fiches) and the 404 page a person gets for an
// unknown sheet or path. API paths (/api/, /docs/json…) keep their JSON errors: only a GET
// whose Accept asks for HTML, outside the API, gets the page.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";

const API_PATH = /^\/(?:api|docs|health|ready)(?:\/|$|\?)/;

/** True when a person's browser is asking for a page, not a client for data. */
export function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (API_PATH.test(request.url)) return false;
  return (request.headers.accept ?? "").includes("text/html");
}

/**
 * Sends web/404.html with status 404. Read here rather than with reply.sendFile: the static
 * plugin decorates replies inside routes/web.ts only, and the app's not-found handler is outside.
 */
export async function sendNotFoundPage(reply: FastifyReply, webDir: string): Promise<FastifyReply> {
  const page = await readFile(path.join(webDir, "404.html"), "utf8");
  return reply.code(404).type("text/html; charset=utf-8").send(page);
}

/** The app's not-found handler: the HTML page for a browser, else the JSON error. */
export function notFoundHandler(webDir: string, jsonHandler: (request: FastifyRequest, reply: FastifyReply) => FastifyReply) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    wantsPage(request) ? sendNotFoundPage(reply, webDir) : jsonHandler(request, reply);
}
