// The assistant's domain types: what understanding, retrieval, decision and composition share,
// and what the services offer. The HTTP layer (server/contracts.ts) re-exports them; nothing
// here knows about HTTP or Fastify.
import type { Fiche } from "../../ingest/types.ts";

export interface Filters {
  city?: string;
  axis?: string;
  theme?: string;
  determinant?: string;
  qpv?: boolean;
}

/** A passage of a sheet: what a search hit and a citation both are. */
export interface Passage {
  ficheId: string;
  city: string;
  title: string;
  field: string;
  fieldLabel: string;
  excerpt: string;
  score: number;
  /** offsets of the excerpt inside the field value, for highlighting */
  start: number;
  end: number;
}

export interface SearchHit extends Passage {
  chunkId: string;
}

export interface Citation extends Passage {
  /** the number the answer's [n] markers use */
  n: number;
}

export interface FicheCard {
  id: string;
  kind: Fiche["kind"];
  city: string;
  title: string;
  axis?: string;
  /** field name -> clean value */
  fields: Record<string, string>;
  /** field name -> label as written in the sheet */
  labels: Record<string, string>;
}

export type Intent = "list" | "field" | "similar" | "general" | "none";
export type Lang = "fr" | "en";

export interface HistoryTurn {
  role: "user" | "assistant";
  content: string;
  /** fiche ids the assistant turn cited; lets a follow-up stay on the same sheets */
  ficheIds?: string[];
}

export interface AskRequest {
  question: string;
  filters?: Filters;
  history?: HistoryTurn[];
  k?: number;
}

export interface AskResult {
  answer: string;
  intent: Intent;
  lang: Lang;
  citations: Citation[];
  fiches: FicheCard[];
  embedder: string;
  tookMs: number;
  /** set when an optional step (LLM rewrite) failed and the extractive answer is returned */
  notice?: string;
  /** when no sheet answers (or none within the filters): the closest sheets, never citations */
  suggestions?: Suggestion[];
}

export interface Suggestion {
  ficheId: string;
  city: string;
  title: string;
}

export interface SimilarFiche {
  fiche: FicheCard;
  score: number;
  /** facets both sheets share: themes, determinants, public, territory specifics */
  shared: { field: string; values: string[] }[];
}

export interface FacetCounts {
  cities: Record<string, number>;
  axes: Record<string, number>;
  themes: Record<string, number>;
  determinants: Record<string, number>;
  qpv: number;
}

export interface ReadyInfo {
  embedder: string;
  dimension: number;
  fiches: number;
  chunks: number;
  builtAt: string;
  /** true when the index serving is not the one the seeds describe (server/services/openIndex.ts) */
  stale?: boolean;
  /** why, and what to fix: the seed file and line, or the damaged index file */
  staleReason?: string;
}

export interface AssistantServices {
  /** `onDenseFallback` is called when the hits come from BM25 alone (the question's embedding failed) */
  search(q: string, opts: { k: number; filters: Filters; onDenseFallback?: () => void }): Promise<SearchHit[]>;
  /** extractive answer; the LLM rewrite, when configured, is applied on top by the ask route */
  ask(req: AskRequest): Promise<AskResult>;
  listFiches(): { fiches: FicheCard[]; facets: FacetCounts };
  getFiche(id: string): FicheCard | undefined;
  similar(id: string, k: number): Promise<SimilarFiche[]>;
  ready(): ReadyInfo;
  close?(): Promise<void>;
}
