// Optional generation (DESIGN.md, Answer): an OpenAI-compatible chat model (Albert, Mistral,
// Ollama, vLLM) rewrites the extractive answer from the same evidence. It can only make the
// answer read better: its output goes through keepCitedSentences, and any failure (error,
// time-out, nothing cited left) returns the extractive answer with a notice. Never throws.
import { ChatOpenAI } from "@langchain/openai";
import type { Citation, Lang } from "../assistant/types.ts";
import type { LlmConfig } from "../config.ts";
import { keepCitedSentences } from "./keepCitedSentences.ts";
import { buildRewritePrompt } from "./prompt.ts";

export interface RewriteInput {
  question: string;
  lang: Lang;
  citations: Citation[];
  /** the extractive answer, returned as is when the rewrite cannot be used */
  answer: string;
}

export interface RewriteOutput {
  answer: string;
  rewritten: boolean;
  notice?: string;
}

export interface RewriteOptions {
  /** aborts the model call, e.g. when the client has gone */
  signal?: AbortSignal;
  /** told when the model output was not (fully) used, and why; the caller decides where it goes */
  onWarning?: (reason: string, error?: unknown) => void;
}

export type Rewriter = (input: RewriteInput, opts?: RewriteOptions) => Promise<RewriteOutput>;

export const FALLBACK_NOTICE: Record<Lang, string> = {
  fr: "La reformulation par le modèle de langue n'a pas pu être utilisée : voici la réponse extraite des fiches.",
  en: "The language-model rewrite could not be used: here is the answer extracted from the sheets.",
};

/** The model's text, whichever content shape the provider returned (string or parts). */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (typeof p === "string" ? p : typeof p?.text === "string" ? p.text : "")).join("");
  }
  return "";
}

export function createLlmRewriter(llm: LlmConfig): Rewriter {
  const chat = new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey,
    configuration: { baseURL: llm.baseUrl },
    timeout: llm.timeoutMs,
    // A retry would double the wait on a user's question; the extractive answer is ready now.
    maxRetries: 0,
    temperature: 0,
    // Providers other than OpenAI implement /chat/completions, not the Responses API.
    useResponsesApi: false,
    // ~4 characters a token: the model stops near the cap rather than being cut after it
    maxTokens: Math.ceil(llm.maxAnswerChars / 3),
  });

  return async function rewriteWithLlm(input, opts = {}) {
    const fallback = (reason: string, error?: unknown): RewriteOutput => {
      opts.onWarning?.(reason, error);
      return { answer: input.answer, rewritten: false, notice: FALLBACK_NOTICE[input.lang] };
    };
    // Nothing to rewrite from: an abstention stays the extractive one, without a notice.
    if (input.citations.length === 0) return { answer: input.answer, rewritten: false };

    // Our own deadline as well as the client's: the OpenAI client's timeout covers each HTTP
    // attempt, this one covers the whole call, whatever LangChain does around it.
    const deadline = AbortSignal.timeout(llm.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
    const { system, user } = buildRewritePrompt(input);
    let raw: string;
    let fullLength: number;
    try {
      const message = await chat.invoke(
        [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        { signal },
      );
      const text = textOf(message.content);
      fullLength = text.length;
      raw = capAnswer(text, llm.maxAnswerChars);
    } catch (error) {
      return fallback(deadline.aborted ? `LLM timed out after ${llm.timeoutMs} ms` : "LLM call failed", error);
    }

    if (raw.length < fullLength) opts.onWarning?.(`LLM answer cut from ${fullLength} to ${raw.length} characters (LLM_MAX_ANSWER_CHARS)`);
    const kept = keepCitedSentences(raw, input.citations.map((c) => c.n));
    if (!kept.text) return fallback(`LLM answer had no sentence citing the evidence (${kept.dropped} dropped)`);
    if (kept.dropped > 0) opts.onWarning?.(`dropped ${kept.dropped} LLM sentence(s) without a valid citation`);
    return { answer: kept.text, rewritten: true };
  };
}

/**
 * At most `max` characters, cut after the last sentence or line that fits, so no half sentence
 * (whose citation may be cut off) reaches keepCitedSentences.
 */
export function capAnswer(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf("\n"), ...[". ", "! ", "? ", "] "].map((m) => head.lastIndexOf(m) + 1));
  return (end > 0 ? head.slice(0, end) : head).trimEnd();
}
