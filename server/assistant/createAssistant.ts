// The assistant's services over a loaded index: ask, search, sheet cards and similar sheets.
// Per-index work (corpus statistics, facets, cards) is done once here; each verb has its file.
import { askQuestion } from "./askQuestion.ts";
import { roundScore, toCard } from "./compose/passage.ts";
import { readStatements } from "./decide/evidence.ts";
import { contentVectors } from "./retrieve/contentVectors.ts";
import { exactDenseIndex } from "./retrieve/exactDense.ts";
import { facetCounts } from "./retrieve/facets.ts";
import { similarFiches } from "./retrieve/similarFiches.ts";
import { searchPassages } from "./searchPassages.ts";
import type { AssistantServices } from "./types.ts";
import type { Corpus } from "./understand/queryContext.ts";

export function createAssistant(corpus: Corpus): AssistantServices {
  const { index } = corpus;
  const facets = facetCounts(index.fiches);
  const cards = index.fiches.map(toCard);
  contentVectors(index); // built here so that no "similar" question pays for it (90–190 ms at ×10)
  exactDenseIndex(index); // likewise for the first question (36 ms at ×1)
  readStatements(index);
  return {
    search: (q, opts) => searchPassages(corpus, q, opts),
    ask: (req) => askQuestion(corpus, req),
    listFiches: () => ({ fiches: cards, facets }),
    getFiche: (id) => {
      const f = index.ficheById.get(id);
      return f ? toCard(f) : undefined;
    },
    async similar(id, k) {
      return similarFiches(index, corpus.stats, id, k).map((h) => ({ fiche: toCard(h.fiche), score: roundScore(h.score), shared: h.shared }));
    },
    ready: () => ({
      embedder: index.manifest.embedder.id,
      dimension: index.manifest.embedder.dimension,
      fiches: index.manifest.counts.fiches,
      chunks: index.manifest.counts.chunks,
      builtAt: index.manifest.builtAt,
    }),
  };
}
