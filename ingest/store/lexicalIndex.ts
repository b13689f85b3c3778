// BM25 over the chunks with French analysis. MiniSearch (BM25+, JSON-serialisable) does the
// scoring; analyzeFrench gives it the tokenizer and term processing, so indexing and queries
// fold case and accents, drop elisions and stop words, stem, and keep acronyms whole.
import MiniSearch from "minisearch";
import { miniSearchAnalysis } from "../text/analyzeFrench.ts";
import { chunkHeader } from "../chunk/chunkFields.ts";
import type { Chunk } from "../types.ts";

export const LEXICAL_OPTIONS = {
  idField: "id",
  fields: ["text", "header"],
  ...miniSearchAnalysis,
};

export function buildLexicalIndex(chunks: Chunk[]): MiniSearch {
  const index = new MiniSearch(LEXICAL_OPTIONS);
  index.addAll(chunks.map((c) => ({ id: c.id, text: c.text, header: chunkHeader(c) })));
  return index;
}

export function loadLexicalIndex(json: string): MiniSearch {
  return MiniSearch.loadJSON(json, LEXICAL_OPTIONS);
}
