// How a route sends an answer the response cache holds, or one it may keep (responseCache.ts).
// Both send the same bytes: a miss serialises with the route's own response serialiser (the zod
// check, then JSON), keeps the buffer, and sends it; a hit sends the buffer again.
import type { FastifyReply } from "fastify";
import type { ResponseCache } from "./responseCache.ts";

export type { ResponseCache };

/** Fastify's own type for a serialised JSON body, so that a hit's headers are a miss's. */
const JSON_TYPE = "application/json; charset=utf-8";

/** Where a miss keeps its body: `undefined` when this answer must not be kept. */
export interface CacheSlot {
  cache: ResponseCache;
  /** the build that answered (its facets object: one per loaded index) */
  build: object;
  key: string;
}

export function sendCached(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(body);
}

/** Sends `payload` as the route would; with a slot whose cache keeps it, serialised once here and kept. A miss the
 * cache will not keep (a question asked once) is left to the route's serialiser: copying its ~6 KB string into a
 * Buffer cost ~12 µs of a search's CPU for nothing. */
export function sendAndCache<T>(reply: FastifyReply, payload: T, slot: CacheSlot | undefined): FastifyReply | T {
  if (!slot || !slot.cache.admits(slot.build, slot.key)) return payload;
  const serialised = reply.serialize(payload); // a string from fastify-type-provider-zod's serialiser
  const body = typeof serialised === "string" ? Buffer.from(serialised) : Buffer.isBuffer(serialised) ? serialised : Buffer.from(new Uint8Array(serialised));
  slot.cache.set(slot.build, slot.key, body, true);
  return reply.type(JSON_TYPE).send(body);
}
