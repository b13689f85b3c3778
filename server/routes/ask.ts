// POST /api/ask: the extractive answer from services.ask(), then the optional LLM rewrite, as
// JSON or, with `Accept: text/event-stream`, as SSE events `citations`, `delta`…, `done`.
import type { FastifyBaseLogger } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AskRequest, AskResult, AssistantServices } from "../contracts.ts";
import { sendAndCache, sendCached, type ResponseCache } from "../cachedReply.ts";
import { AppError, errorBody } from "../errors.ts";
import { resolveFilters } from "../filters.ts";
import type { Rewriter } from "../llm/rewriteWithLlm.ts";
import { AskBodySchema, AskResponseSchema, errorResponses } from "../schemas.ts";
import { openEventStream, textPieces } from "../sse.ts";

export interface AskRouteOptions {
  services: AssistantServices;
  rewriter?: Rewriter;
  /** serialised answers of this worker; absent: nothing is cached */
  cache?: ResponseCache;
}

async function rewrite(result: AskResult, question: string, rewriter: Rewriter | undefined, signal: AbortSignal, log: FastifyBaseLogger): Promise<AskResult> {
  if (!rewriter) return result;
  const started = performance.now();
  const out = await rewriter(
    { question, lang: result.lang, citations: result.citations, answer: result.answer },
    { signal, onWarning: (reason, err) => log.warn({ err }, `LLM rewrite: ${reason}`) },
  );
  return {
    ...result,
    answer: out.answer,
    tookMs: Math.round(result.tookMs + performance.now() - started),
    // a retrieval notice (BM25 alone) and the rewrite's both stay
    ...(out.notice ? { notice: result.notice ? `${result.notice} ${out.notice}` : out.notice } : {}),
  };
}

/** `Accept: text/event-stream` asks for SSE; anything else (or nothing) gets JSON. */
function wantsEventStream(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept);
}

export const askRoutes: FastifyPluginAsyncZod<AskRouteOptions> = async (app, { services, rewriter, cache }) => {
  app.post(
    "/api/ask",
    {
      schema: {
        summary: "Answer a question with cited passages of the fiches",
        description:
          "JSON by default. With `Accept: text/event-stream` the answer arrives as server-sent events: " +
          "`citations` ({citations, fiches, intent, lang, embedder}), then several `delta` ({text}) " +
          "whose concatenation is the answer, then `done` (the full JSON answer). A failure after the " +
          "stream opened ends it with an `error` event ({code, message, requestId}).",
        body: AskBodySchema,
        response: { 200: AskResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { question, filters, history, k } = request.body;
      const { facets } = services.listFiches();
      const req: AskRequest = {
        question,
        filters: resolveFilters(filters, facets, "filters."),
        ...(history ? { history } : {}),
        ...(k !== undefined ? { k } : {}),
      };
      const stream = wantsEventStream(request.headers.accept);
      // A follow-up's answer depends on the conversation, a stream is sent piece by piece: only a
      // first question answered as JSON is kept. The key is what the answer depends on besides the
      // build (an empty history is no follow-up: understandQuestion reads `history?.length`).
      const f = req.filters ?? {};
      const key = cache && !stream && !history?.length ? JSON.stringify(["ask", question, k, f.city, f.axis, f.theme, f.determinant, f.qpv]) : undefined;
      if (cache && key) {
        const body = cache.get(facets, key);
        if (body) return sendCached(reply, body);
      }
      // Retrieval errors happen before any byte is sent, so they get the normal JSON error.
      const extractive = await services.ask(req);

      // Stop paying for the model once nobody is waiting for its answer.
      const gone = new AbortController();
      reply.raw.once("close", () => {
        if (!reply.raw.writableEnded) gone.abort();
      });

      if (!stream) {
        const answer = await rewrite(extractive, question, rewriter, gone.signal, request.log);
        // a notice says part of the pipeline failed (BM25 alone, or the LLM rewrite): not what this question gets once it is back.
        // The answer keeps the tookMs of the request that computed it.
        return sendAndCache(reply, answer, cache && key && answer.notice === undefined ? { cache, build: facets, key } : undefined);
      }

      const events = openEventStream(reply);
      try {
        const { citations, fiches, intent, lang, embedder } = extractive;
        events.send("citations", { citations, fiches, intent, lang, embedder });
        // Deltas are emitted after the rewrite is filtered: streaming the model's raw tokens
        // would show sentences that keepCitedSentences later removes.
        const final = AskResponseSchema.parse(await rewrite(extractive, question, rewriter, gone.signal, request.log));
        for (const text of textPieces(final.answer)) events.send("delta", { text });
        events.send("done", final);
      } catch (err) {
        request.log.error({ err }, "SSE answer failed after the stream opened");
        // Flat {code, message, requestId}: the `error` member of the usual JSON error body.
        events.send("error", errorBody(new AppError("INTERNAL"), String(request.id)).error);
      } finally {
        events.end();
      }
      return reply;
    },
  );
};
