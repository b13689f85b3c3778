// Server-sent events written by hand over the raw response. The protocol needed here is three
// named events and an end (https://html.spec.whatwg.org/multipage/server-sent-events.html),
// about twenty lines; a plugin would add a dependency and its own reply lifecycle for that.
import type { FastifyReply } from "fastify";
import type { OutgoingHttpHeaders } from "node:http";

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
  /** true once the client has gone; further sends are dropped */
  readonly closed: boolean;
}

export function openEventStream(reply: FastifyReply): EventStream {
  // Headers set by hooks (CORS, helmet, x-request-id) live on the reply, not yet on the raw
  // response: copy them, since hijack() bypasses Fastify's send.
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = value;
  }
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    // nginx buffers proxied responses by default, which would deliver all events at the end.
    "x-accel-buffering": "no",
  });
  return {
    send(event, data) {
      if (raw.destroyed || raw.writableEnded) return;
      // JSON.stringify escapes newlines, so one `data:` line always holds the whole payload.
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!raw.writableEnded) raw.end();
    },
    get closed() {
      return raw.destroyed || raw.writableEnded;
    },
  };
}

/**
 * Cuts text into sentence- or line-sized pieces whose concatenation is the text itself, so a
 * client appending `delta` events rebuilds the answer exactly.
 */
export function textPieces(text: string): string[] {
  return (text.match(/[^\n.!?…]*(?:[.!?…]+(?:\s*\[[\d,;\s]+\])*[ \t]*|\n+|$)/g) ?? []).filter((p) => p.length > 0);
}
