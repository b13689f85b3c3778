// Whether one passage holds every concept of a set side by side, each by one of its alternatives, in any order: the
// words of a name translated one by one ("European Social Fund": européen, social, financement) name a thing only where
// a text writes them together. The chunks holding them all are found from the posting lists; only those are read.
import { analyze } from "../../../ingest/text/index.ts";
import type { LoadedIndex, PostingLists } from "../../../ingest/store/index.ts";
import type { Concept } from "./concepts.ts";

/** The documents (chunk numbers) whose text holds a term. */
function docsOf(postings: PostingLists, term: string): Set<number> {
  return new Set(postings.terms.get(term)?.[0]?.docs ?? []);
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((d) => large.has(d)));
}

/** The documents holding one of the concept's alternatives whole. */
function docsHolding(postings: PostingLists, c: Concept): Set<number> {
  const out = new Set<number>();
  for (const phrase of c.phrases) {
    let docs: Set<number> | undefined;
    for (const t of new Set(phrase)) docs = docs ? intersect(docs, docsOf(postings, t)) : docsOf(postings, t);
    for (const d of docs ?? []) out.add(d);
  }
  return out;
}

/** Whether, within `window` consecutive analysed words, every concept has one alternative whole. */
function inOneWindow(seq: readonly string[], concepts: readonly Concept[], window: number): boolean {
  for (let start = 0; start < seq.length; start++) {
    const span = new Set(seq.slice(start, start + window));
    if (concepts.every((c) => c.phrases.some((p) => p.every((t) => span.has(t))))) return true;
  }
  return false;
}

/** `forms`: per concept, the French forms that say it; a window as wide as the longest forms end to end, plus `slack`. */
export function heldTogether(index: LoadedIndex, forms: readonly (readonly string[])[], slack: number): boolean {
  const concepts = forms.map((f) => ({ phrases: f.map((x) => [...new Set(analyze(x))]).filter((p) => p.length > 0), df: 0, unknown: false }) as Concept).filter((c) => c.phrases.length > 0);
  if (concepts.length < 2) return true;
  const window = concepts.reduce((n, c) => n + Math.max(...c.phrases.map((p) => p.length)), 0) + slack;
  let docs: Set<number> | undefined;
  for (const c of concepts) {
    docs = docs ? intersect(docs, docsHolding(index.postings, c)) : docsHolding(index.postings, c);
    if (docs.size === 0) return false;
  }
  return [...docs!].some((d) => inOneWindow(analyze(index.chunks[d].text), concepts, window));
}
