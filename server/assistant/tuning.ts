// Every number that tunes retrieval and answering, named once, with its reason: a measurement
// (which set, which figure moved), a source, or "untuned default" (a first value that gave the
// dev figures and was never varied). "dev" is ../shared/eval/dev.jsonl. The HNSW search ef is an
// index setting and lives with the index loader (README, Index).

export const TUNING = {
  understand: {
    /** "et leur budget ?": a follow-up is short; a long question with "leur" is a new one. Untuned default. */
    followUpMaxWords: 14,
    /** a question this short that names a field asks for its value ("budget PSSM Caen"). Untuned default. */
    fieldQuestionMaxWords: 8,
    /** concepts in more than this share of chunks ("santé", "mentale") do not tell sheets apart,
     * so they neither decide a list nor an abstention. Untuned default. */
    conceptGenericShare: 0.12,
    /** shorter query words are never called unknown to the corpus (too short to judge). Untuned default. */
    unknownMinChars: 4,
    /** a word sharing its first letters with a corpus word is a variant the stemmer missed. Untuned default. */
    variantPrefixChars: 5,
    /** FreeDict: senses and words per sense kept, and the shortest English word looked up. Untuned defaults. */
    dictSenses: 2,
    dictWordsPerSense: 2,
    dictMinChars: 4,
  },

  retrieve: {
    /** candidates taken from each of the dense and BM25 lists before fusion. Untuned default. */
    candidatesPerList: 60,
    /** reciprocal rank fusion constant: Cormack, Clarke & Büttcher, SIGIR 2009. */
    rrfK: 60,
    /** BM25 weighs a little more than LSA vectors: with the builtin embedder exact terms are the stronger signal. Untuned default. */
    fusionWeights: { dense: 1, lexical: 1.2 },
    /** BM25 field boost of a chunk's header (city — title — field label), which names what it is about. Untuned default. */
    headerBoost: 1.5,
    /** terms in over this share of chunks are left out of the BM25 query: next to no weight, but they make BM25 score
     * most of the index (measured: 2.4 -> 0.9 ms for "formation premiers secours en santé mentale"). */
    bm25SkipShare: 0.33,
    /** administrative fields match a name or a year by accident, so they count less unless asked for. Untuned defaults. */
    fieldPriors: {
      date: 0.6,
      contact: 0.75,
      period: 0.85,
      territory: 0.9,
      role: 0.9,
      services_elus: 0.85,
      mental_health_considered: 0.85,
    } as Readonly<Record<string, number>>,
    /** a field the question asks for (budget, contact…) must come first. Untuned default. */
    targetFieldBoost: 2.5,
    /** a sheet scores its best chunk plus these shares of its next ones, so several fields beat one lucky sentence. Untuned default. */
    supportDecay: [1, 0.35, 0.15],
    /** strong enough that a question naming a city ranks that city's sheets first. Untuned default. */
    namedCityBoost: 2,
  },

  similar: {
    /** sheets a "similar to X" answer lists. Untuned default. */
    count: 5,
    /** what a sheet does and for whom (vector, more-like-this) says more than its coarse thèmes, which break ties. Untuned default. */
    fusionWeights: { vector: 1, lexical: 1, facets: 0.3 },
    /** how much of the description the more-like-this BM25 query takes. Untuned default. */
    moreLikeThisChars: 600,
    /** a public read from the text must come back this often (once in the title suffices). Untuned default. */
    publicMinMentions: 2,
    /** the question names the reference sheet when it quotes this share of its title terms. Untuned default. */
    minTitleCoverage: 0.5,
    /** shared facet values shown as the why. Untuned default. */
    reasonsShown: 4,
  },

  decide: {
    /** abstain when a concept is unknown and the best sheet covers less than this share of the known ones. Untuned default. */
    abstainMinCoverage: 0.5,
    /** a list names sheets scoring at least this share of the best one… Untuned default. */
    listRelativeScore: 0.3,
    /** …that cover this share of the specific concepts the best sheet covers (dev: anchoring on the best-ranked
     * sheet rather than the most-covering one, 0.84 vs 0.68 city F1). */
    listMinCoverage: 0.6,
    listMaxSheets: 10,
    /** a field answer quotes the next sheets too when they score this close to the best (two sheets, one topic). Untuned default. */
    fieldCloseScore: 0.8,
    fieldMaxCloseSheets: 3,
    /** a follow-up field question quotes every sheet in scope, up to this many. Untuned default. */
    fieldMaxSheetsInScope: 8,
    /** a question quoting this share of a sheet's title is about that sheet alone. Untuned default. */
    fieldTitleCoverage: 0.75,
    /** a general answer quotes the top sheets scoring this share of the best. Untuned defaults. */
    generalRelativeScore: 0.4,
    generalMaxSheets: 3,
  },

  compose: {
    /** a quoted passage: the best sentence widened with its neighbours up to this length. Untuned default. */
    excerptMaxChars: 360,
    /** one sentence longer than this many excerpts is cut at excerptMaxChars. Untuned default. */
    excerptLongSentenceFactor: 1.5,
    /** a field value is quoted whole up to this length, else cut. Untuned default. */
    fieldQuoteChars: 400,
    /** a sheet's best-ranked chunks searched for the passage to cite. Untuned default. */
    evidenceCandidates: 6,
    /** a general answer: passages in all, and per sheet. Untuned defaults. */
    generalMaxPassages: 4,
    generalPassagesPerSheet: 2,
    /** a search lists at most this many passages of one sheet. Untuned default. */
    searchHitsPerSheet: 2,
    /** scores are shown rounded to this many decimals. */
    scoreDecimals: 4,
  },
  scale: {
    /** the more-like-this BM25 query keeps its best chunks only, instead of every chunk sharing a word with the
     * reference (thousands at ×10): a sheet's rank comes from its best three chunks (supportDecay), and 300 chunks
     * reach ~12 sheets per similar sheet asked (k 5). Same dev similar figures as unbounded (see README, Performance). */
    moreLikeThisChunks: 300,
  },
} as const;
