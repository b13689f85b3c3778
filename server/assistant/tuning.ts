// Every number that tunes retrieval and answering, named once, with its reason: a measurement
// (which set, which figure moved), a source, or "untuned default" (a first value that gave the
// dev figures and was never varied). "dev" is ../shared/eval/dev.jsonl. The HNSW search ef is an
// index setting and lives with the index loader (README, Index).

export const TUNING = {
  understand: {
    /** an English word whose WordNet uses (1 + 2 × tagged senses per part of speech, summed) reach this is a general word
     * ("chance" 17, "seat" 18, "upset" 19): one such word the corpus lacks does not make a grounded question unanswerable.
     * Measured over every English question of dev, dev2, probes and blind1–28 refused on one word: at 13 four answerable
     * questions answered, no unanswerable one (the nearest, "officer" 12 in a firefighters' debriefing question); at 8
     * three more answered ("impossible", "ordinary", "lease") but that officer question too. */
    generalWordUses: 13,
    /** a stem held by at most this many chunks is checked for a collision with another word ("détention" / "détente"):
     * a rare stem is where one stray word passes for a concept the corpus lacks. Untuned default. */
    stemCollisionMaxChunks: 3,
    /** a word the question writes in small letters, held by fewer than this share of chunks and written in capitals only
     * by them ("unafam": UNAFAM), is a name. As listProperNameShare, for the same reason: a name is rare. */
    capitalsNameShare: 0.02,
    /** an alternative of "A / B", "A ou B" in brackets is a phrase of at most this many terms ("syndrome de Diogène"); longer, it is a gloss. Untuned default. */
    alternativeMaxTerms: 3,
    /** a place the question names counts as a town without a sheet only from INSEE's urban threshold (2,000
     * inhabitants), so a hamlet that shares a name with a hospital ("CH de Jury") is not read as a town. */
    placeMinPopulation: 2000,
    /** "et leur budget ?": a follow-up is short; a long question with "leur" is a new one. Measured 2026-11-30: 10,
     * no question up and 25 figures down (nine follow-ups, blind54 be-34 among them); 18, 2 up and 6 down. */
    followUpMaxWords: 14,
    /** « Parmi elles, lesquelles… »: a follow-up list choosing among the last answer's sheets chooses among those and up
     * to this many of the sheets retrieval ranks best for the last question (followUpCandidates.ts), scoring at least
     * `topicRelativeScore` of the best one. Measured 2026-12-01 on every set (and the follow-up sets blind87, read, and
     * blind88, unread): 10 sheets at half the best score, 7 read lists up and 9 down, most of the losses lists choosing by
     * a budget or a funder, which most sheets state whatever they are about; without those, 5 up and 2 down (the clean
     * blind53 list F1 0.914 -> 0.906); 5 sheets at 0.7, 5 up and none down, the clean blind86 list F1 0.835 -> 0.860 and
     * recall@5 0.937 -> 0.946, dev and dev2 unchanged (read in retrieval's order; in the evidence re-rank's, as a list's
     * answer reads them, the same but blind88 0.620 -> 0.632 and blind65 bp-36 higher: retrieval's order is kept, one
     * ranking fewer per follow-up). */
    topicCandidates: 5,
    topicRelativeScore: 0.7,
    /** « Et pour les jeunes ? »: what an elliptical follow-up adds to the last topic question is a few words after its
     * preposition; more is a question of its own (understand/ellipsis.ts). Untuned: no judged question has the form; set
     * on the hand-written follow-ups ("pour les jeunes", "with schools", "en 2023"). Measured 2026-12-01: 10 words, no
     * question up and blind72 bw-36 down (blind87 cl-28's nine-word addition still misses). */
    additionMaxWords: 5,
    /** « le CCOMS de Lille », "the CCOMS, the WHO collaborating centre in Lille": how far after a body's acronym the city
     * it sits in may be named (understand/bodySeat.ts). The longest apposition in the read questions (blind101 db-04) is
     * 40 characters; 60 leaves room for another, not for a second clause. */
    bodySeatWindow: 60,
    /** « Et côté budget ? », "What about the partners?": a field of the form named alone (this many words besides the
     * frame's) is asked of the last answer's sheets; more words ("lignes d'écoute téléphonique", whose « téléphonique » names
     * the contact field) are a new focus (ellipsis.ts insteadOf). Set on the form's field names, one or two words each
     * ("budget", "contribution de la collectivité" reads as two once its article is a frame word). */
    fieldAloneMaxWords: 2,
    /** « les jeunes : ados, 16-25 ans, étudiants ? »: the kinds a question lists after a closing colon are a few words each;
     * a longer item is a clause ("conflits de voisinage entre locataires et bailleurs…"), so the colon opens a heading's
     * themes or a question, not examples (concepts.ts splitExamples). Untuned: the longest kind in the read questions so
     * listed is three words (« 16-25 ans », « conflits de voisinage »). */
    colonKindMaxWords: 3,
    /** « … aux premiers secours en santé mentale ou à la prévention du suicide »: between « ou » and the term it offers, an
     * article and a preposition or two (« à la », « de l' »); more and « ou » coordinates something else
     * (decide/askedProgrammes.ts). Untuned: set on the read questions offering such a choice. */
    choiceLeadMaxWords: 3,
    /** a question this short that names a field asks for its value ("budget PSSM Caen"). Measured 2026-11-30: 6 moves
     * nothing; 10, 2 questions down (dev2 b-27 among them). */
    fieldQuestionMaxWords: 8,
    /** concepts in more than this share of chunks ("santé", "mentale") do not tell sheets apart,
     * so they neither decide a list nor an abstention. Measured 2026-11-30 over every set (questions whose figures
     * moved): 0.10, 22 up and 28 down; 0.15, 8 up and 16 down (list F1 of the probes 0.905 -> 0.874). */
    conceptGenericShare: 0.12,
    /** shorter query words are never called unknown to the corpus (too short to judge). Untuned default. */
    unknownMinChars: 4,
    /** a clipped French word ("déj") stands for the corpus terms it opens when they are this few ("dejeun", "dejeuner"):
     * more, and it could be any of them */
    clippedCompletionsMax: 3,
    /** …a clipping keeps at least this many letters (French clippings: psy, déj, ados; two letters open too many words)… */
    clippedMinLetters: 3,
    /** …and drops at least this many ("déj" is « déjeuner », not « déjà »: a one-letter completion is another word) */
    clippedDropsMinLetters: 2,
    /** a several-word term is present where its words stand within its length plus this many analysed
     * words ("troubles graves du comportement"): closer than anywhere in one sheet, which let
     * "troubles" in one field and "alimentaire" in another vouch for eating disorders. */
    phraseSlack: 1,
    /** a word sharing its first letters with a corpus word is a variant the stemmer missed. Untuned default. */
    variantPrefixChars: 5,
    /** a hyphenated town's first part names it alone from this many letters ("Boulogne" for Boulogne-Billancourt,
     * not "Bourg" of Bourg-en-Bresse, a common noun). Untuned default. */
    cityHeadMinChars: 6,
    /** accents put back (restoreAccents.ts) in a French word of at least this many letters that no chunk holds as
     * typed, with at most this many letters that could take one (9 spellings per pair: a dozen words a question at most). Untuned defaults. */
    accentMinChars: 4,
    accentMaxLetters: 6,
    /** English words this long are read as the glossary word one edit away ("univeristy"); shorter ones
     * are left alone, since one edit turns them into other words. Untuned default. */
    typoMinChars: 6,
    /** …and for a longer word, this share of its letters: five letters let "télépsychiatrie" pass for
     * "téléphone" (issue 9: unanswerable questions answered). Measured 2026-11-30: 0.6 moves nothing; 0.8, two figures
     * down. */
    variantPrefixShare: 0.7,
    /** FreeDict: senses and words per sense kept, and the shortest English word looked up. Untuned defaults. */
    /** a French question's word stands for its glossary entry's other French terms when at most this share of
     * chunks hold it (rare: "nutrition", 2 chunks of 698). Without the bound, common words ("logement", 51) widened
     * lists past what was asked (dev-006, blind13 u-09 lost). The same bound says which words of a French topic or
     * similar question are searched with their synonyms too (understandQuestion.withGlossaryForms, twenty-sixth session:
     * read sets 17 up, 9 down; dev-027 up). */
    synonymMaxShare: 0.01,
    dictSenses: 2,
    dictWordsPerSense: 2,
    dictMinChars: 4,
  },

  retrieve: {
    /** candidates taken from each of the dense and BM25 lists before fusion. Measured 2026-11-30, the most sensitive of
     * the retrieval settings: 40, 53 figures up and 88 down (dev recall 0.951 -> 0.937, dev list F1 0.983 -> 0.938); 90, 34
     * up and 71 down (dev list F1 0.953, dev2 recall 0.939). */
    candidatesPerList: 60,
    /** the chunks writing the question's rare entities join the fusion as a third list, weighted as this share of
     * BM25's, when those chunks are at most this share of the index. Untuned first values: with them blind3 f-08,
     * blind5 d-07, blind10 r-01 and r-11, blind11 s-23, blind15 w-03 gained and no question of any set lost. */
    entityListWeight: 1,
    entityMaxShare: 0.02,
    /** reciprocal rank fusion constant: Cormack, Clarke & Büttcher, SIGIR 2009. */
    rrfK: 60,
    /** BM25 field boost of a chunk's header (city — title — field label), which names what it is about. Measured
     * 2026-11-30: 1.0, 30 questions up and 36 down (dev2 recall 0.950 -> 0.942, b-19 among them); 2.0, 12 up, 26 down. */
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
    /** a field the question asks for (budget, contact…) must come first. Set by hand, then measured on every set (twentieth
     * session): 1.8 gained 9 questions and lost 20 (dev2 list F1 0.905 -> 0.892), 3.5 gained 6 and lost 18 (dev MRR 0.963 ->
     * 0.947), so 2.5 stays. */
    targetFieldBoost: 2.5,
    /** a sheet scores its best chunk plus these shares of its next ones, so several fields beat one lucky sentence. Measured
     * 2026-11-30: [1, 0.5, 0.25], 16 questions up and 52 down (dev2 up, three clean sets' recall down); [1, 0.2, 0.1], 30
     * up and 50 down (dev-006, dev-009, dev-033 among them). */
    supportDecay: [1, 0.35, 0.15],
    /** strong enough that a question naming a city ranks that city's sheets first. Measured 2026-11-30: 1.5, 1 figure up
     * and 5 down; 3, none up and 3 down. */
    namedCityBoost: 2,
  },

  /**
   * Per embedder kind (the index manifest's `embedder.kind`): how much the dense list counts
   * against BM25 in the fusion, and whether English questions get the glossary's French terms
   * (which also give them the concepts that decide lists and abstention).
   */
  embedders: {
    /** BM25 weighs a little more than LSA vectors: with the builtin embedder exact terms are the stronger
     * signal; LSA has no English, so the glossary is how English questions reach French text. Untuned default. */
    builtin: { fusionWeights: { dense: 1, lexical: 1.2 }, glossaryExpansion: true },
    /** e5 reads English natively, so no glossary (as before issue 13); weights as builtin until they are
     * measured with the e5 weights, which cannot be downloaded here. Untuned default. */
    transformers: { fusionWeights: { dense: 1, lexical: 1.2 }, glossaryExpansion: false },
    /** any service model, multilingual or not: the glossary only adds French terms to English questions, which a
     * multilingual model reads as well, and English list questions need its concepts; equal weights because a
     * service model is expected to beat LSA, never measured on one. Untuned defaults. */
    openai: { fusionWeights: { dense: 1, lexical: 1 }, glossaryExpansion: true },
  },

  queryEmbedding: {
    /** question vectors kept per index (a few KB each at 384–1024 dimensions). Untuned default. */
    cacheEntries: 1000,
    /** recent questions remembered so that a vector is kept at its question's second asking (askedBefore.ts):
     * kept at the first, each question asked once (a 2 KB array of numbers) was promoted to the old generation
     * and died there. 16 KB; as the response cache's (server/config.ts). */
    admitSlots: 4096,
  },

  similar: {
    /** sheets a "similar to X" answer lists. Untuned default. */
    count: 5,
    /** each view's standardised similarity counts this much. What a sheet does and for whom (vector, more-like-this,
     * content tf-idf) says more than its coarse ticked boxes, which break ties (7 of the 29 sheets keep two boxes or fewer).
     * Measured (`npm run eval`, similar recall@5 / MRR@10): reciprocal ranks of vector, more-like-this and plain-Jaccard
     * facets (1, 1, 0.3) gave dev 0.806/0.833, dev2 0.750/0.649; these standardised scores with the content view and
     * rarity-weighted facets, dev 0.806/0.833, dev2 0.875/0.667 (0.875/0.844 once "proches de" and "projects like" read as
     * similar questions). Around them (an offline replica of the four views,
     * vector and lexical 0.5–1, content 0.5–1.5, facets 0–0.5) dev stayed within 0.75–0.86 / 0.83–1.0 and dev2 within
     * 0.81–0.875 / 0.82–0.875: equal weights, not a tuned point. Eighteenth session: the facets hold the publics read
     * from the text too, rarity-weighted (similarFiches.ts): similar recall@5 pooled over 228 questions (the read sets and blind43–46, watched by this figure only) 0.782 -> 0.793, 14 questions up
     * and 6 down over every set, dev and dev2 unchanged, the clean blind47 / blind48 similar recall 0.722 -> 0.778 /
     * 0.778 -> 0.833. With who an action is for among them the facets may weigh more: against 0.3, pooled similar
     * recall@5 / MRR@10 0.793 / 0.778 -> 0.831 / 0.778 at 0.35 (19 questions up, none down), 0.852 / 0.802 at 0.4 (39 up,
     * blind5 d-28 down), 0.853 / 0.796 at 0.5 (44 up, 17 down, dev MRR 0.833 -> 0.750 and dev2 0.938 -> 0.917); 0.15 lost
     * 12. At 0.4 every watched and clean set's recall rose or stayed (blind29 0.880 -> 0.907, blind43 0.847 -> 0.870,
     * blind45 0.907 -> 0.938, blind46 0.819 -> 0.842, blind47 0.931 -> 0.940). */
    fusionWeights: { vector: 1, lexical: 1, content: 1, facets: 0.4 },
    /** the share of the more-like-this view read the other way: for each sheet that would be answered, how the
     * reference ranks among the sheets that sheet's own search finds (similarFiches.ts). Measured on every set, similar
     * recall@5 / MRR@10 pooled over the 216 read similar questions: 0 0.782 / 0.728, 0.25 0.779 / 0.786, 0.5 0.811 /
     * 0.798. Six of the seven watched sets' MRR rose at both (blind44 unchanged; blind29 0.884 → 0.905, blind33 0.889 → 0.903, blind36 0.940 →
     * 0.954, blind39 0.875 → 0.889, blind40 0.972 → 0.986, blind43 0.820 → 0.834). At 0.5 dev2's MRR fell (0.972 →
     * 0.968); at 0.25 dev2 is unchanged, 27 read questions rose and 2 fell: blind21 i-11 and dev-032, whose Bourg-en-Bresse
     * sheet (a hub, and a right answer there) leaves the top five (dev recall@5 0.959 → 0.951, similar 0.806 → 0.750).
     * Kept for what the watched and unread sets say; the one exception to "drop what loses a public question" this session. */
    mutualLexical: 0.25,
    /** a sheet's own search, read back, leaves out the words more than this share of the chunks write (in their text).
     * Measured on every set: 0.3 and 0.4 the same, 6 read similar questions up (recall), none down, the watched blind36
     * recall 0.900 → 0.914, dev and dev2 unchanged; 0.2 lost blind31 ah-25; 0.1 and 0.05 lost 8 and 11. At ×100 it
     * also makes each row ~20% cheaper (4.85 → 3.79 ms). */
    rowMaxTermShare: 0.3,
    /** who runs an action, when and with what money, not what it does: left out of the content view. Dropping also
     * the role, territory and extra fields changed nothing on either set; keeping every field cost dev2 similar recall@5
     * 0.875 -> 0.813 and left dev as it was (offline replica). */
    adminFields: ["budget", "budget_operating", "budget_investment", "budget_city_contribution", "funders", "contact", "date", "period", "porteur", "services_elus"] as readonly string[],
    /** how much of the description the more-like-this BM25 query takes. Untuned default. */
    moreLikeThisChars: 600,
    /** a public read from the text must come back this often (once in the title suffices). Measured 2026-11-30: at 1,
     * 3 questions up and 49 down over every set (similar and topic recall: a public named once in passing, "jeunes et
     * étudiants", joins sheets that are not for it). Nor are students young people here: "etudiant" among the "jeunes"
     * patterns made that public common, 11 questions down, none up. */
    publicMinMentions: 2,
    /** the question names the reference sheet when it quotes this share of its title terms. Measured 2026-11-30: 0.4
     * cost the clean blind49 recall 0.944 -> 0.917; 0.6 raised one read question's MRR (blind15 w-29) and moved nothing
     * else, too little to count: 0.5 stays. */
    minTitleCoverage: 0.5,
    /** similar sheets fetched before the question's own constraints re-rank them, as a multiple of count. Measured
     * 2026-11-30: 2 and 4 move no question of any set. */
    candidatesFactor: 3,
    /** the reference's rarest words a near sheet shares, looked for together in one of its passages (the citation). Untuned default. */
    sharedTermsShown: 8,
    /** a facet value ticked by more than this share of sheets ("Lien social") explains no nearness. Measured 2026-11-30:
     * 0.3 and 0.5 move no question's figures (it chooses the reasons shown, not the sheets). */
    facetCommonShare: 0.4,
    /** shared facet values shown as the why. Untuned default. */
    reasonsShown: 4,
    /** a similar question asking at least this many specific concepts the named sheet does not hold has its own ranking
     * fused with the near sheets' (reciprocal ranks, rrfK), the question's ranking weighing `questionViewWeight`. Measured over
     * the similar questions of dev, dev2, probes and blind1–14 (80), recall@5 / MRR@10: without 0.646 / 0.626; with one
     * concept 0.677 / 0.666 but dev 0.959 -> 0.943 and dev2 0.939 -> 0.927 (questions naming only the sheet, "actions
     * similaires aux RCP psy de Caen", then rank the named city's other sheets); with two 0.698 / 0.667, dev, dev2 and
     * the probes unchanged. Weight 0.5 gave 0.694 / 0.687, 2 gave 0.617 / 0.617 (with one concept): 1, equal, is kept. */
    questionViewMinConcepts: 2,
    /** …and so is one whose specific concepts, those beyond the reference and those describing it in words other than its
     * title's, its city's and the names the question writes, are at least this many ("like Lyon's ECOVIP, a place where
     * social and psy workers bring the cases they are stuck on"). Measured 2026-12-02 over every set, against none (similar
     * recall@5 / MRR@10, read sets then the clean ones): 3 lost dev recall 0.957 -> 0.933 and MRR 0.976 -> 0.955; 4, read
     * 0.871 / 0.867 -> 0.866 / 0.881, clean 0.807 / 0.841 -> 0.815 / 0.844; 5, read 0.870 / 0.879, clean 0.811 / 0.848, dev,
     * dev2 and the probes unchanged, no clean set down (blind57, blind73, blind86 up), 16 set figures up and 9 down. */
    questionViewMinDescribed: 5,
    questionViewWeight: 1,
    /** places each of the reference city's other sheets moves down among the near sheets. 12 of the 135 judged similar
     * questions naming one city count one of its other sheets. Measured over the 146 similar questions of every set
     * (recall@5 / MRR@10): 0 gave 0.767 / 0.708; 1 0.772 / 0.730 (7 questions up, blind1 h-42 down); 2 and 3 0.772 / 0.728–0.730
     * with a second loss; all of them last 0.741 / 0.730 (9 questions lost recall). Clean blind29/30 similar MRR rose too. */
    ownCityDemotion: 1,
    /** places a near sheet holding every concept the question says of the reference moves up (similarSheets.ts
     * describedFirst; fewer for a share of them). Measured 2026-11-30 over every set against none: 1 moves nothing (a
     * share below one never passes a whole place); 2, 18 read similar questions up and 2 down (blind1 h-44, blind47
     * ax-23), dev MRR 0.963 -> 0.976 (dev-038), dev2 unchanged, the clean blind58 and blind60 MRR 0.884 -> 0.912 and
     * 0.899 -> 0.913, blind53 0.917 -> 0.903; 3, 23 up and 10 down. The reference's title words among them: without,
     * dev2 b-36 fell (a description in other words than the title's, "youth wellbeing week") and 10 rose, 5 fell. */
    describedGain: 2,
  },

  decide: {
    /** best-ranked sheets a topic or field question re-scores by its best passage's concept coverage. Measured 2026-11-30:
     * 6, 1 question up and 9 down; 15, none up and 1 down. */
    evidenceRerankDepth: 10,
    /** score × (1 + weight × coverage). Tuned on dev2 (topic MRR@10 0.754 -> 0.844 at 0.5 and 1, 0.781 at 2),
     * checked on dev (MRR@10 0.947 -> 0.963 at 0.5, 0.951 at 1). Measured again 2026-11-30 over the read sets' ~400 topic
     * questions (recall@5 / MRR@10), dev and dev2 unchanged at every weight: 0.5 0.941 / 0.903; 1 0.949 / 0.917 (30
     * figures up, 4 down); 1.5 0.948 / 0.924; 2 0.954 / 0.921 (46 up, 10 down); 3 0.954 / 0.923 (50 up, 12 down). A long
     * sheet writing the question's commonest words in its title (Metz's "trouble psychique") had stayed above the sheets
     * stating its rarer concepts together. */
    evidenceRerankWeight: 2,
    /** …reading each sheet's best-retrieved chunks only (most of the re-rank's cost, a quarter of a question's CPU
     * at ×1, was in the long tail of chunks). Both sets identical at 5 and at all of them; 3 cost dev MRR 0.963 -> 0.951. */
    evidenceRerankChunks: 5,
    /** the same re-rank on a list question's sheets, for the answer (its anchor and cut-off; a search keeps retrieval's
     * order). Thirty-third session, tuned on blind84 (lists, read) and checked on dev, dev2 and the clean sets' summary
     * lines: weight 2, dev list F1 0.983 -> 0.967 (dev-005), dev2 0.917 -> 0.930; weight 1, dev unchanged, dev2 0.930, the
     * clean sets 53, 56, 60, 69, 79, 85 up and 58, 59, 77 down (sum +0.06 of list F1), the read sets 40 questions up and
     * 34 down. Reading 5 chunks rather than 20: blind57 list F1 0.852 -> 0.797. */
    listEvidenceRerankWeight: 1,
    listEvidenceRerankChunks: 20,
    /** abstain when a concept is unknown and the best sheet covers less than this share of the known ones. Measured
     * 2026-11-30: 0.4, one question up and one down; 0.6 moves nothing. */
    abstainMinCoverage: 0.5,
    /** …and so do the next best-ranked sheets up to this many. 2: blind50 ba-28 and two answerable questions of the clean
     * blind45 answered instead of abstaining, no question of any set lost; 3 answered the probes' unanswerable a-20 too. */
    abstainCoverageSheets: 2,
    /** a concept held by at most this many chunks, all of them fields naming partners or ticking the form's boxes, is
     * mentioned rather than described: a topic question about it is not covered (abstain.ts mentionedOnly). Measured on
     * every set: three unanswerable English questions abstain now (blind2 g-24 "a flood", blind16 y-05 "firefighters", and
     * the clean blind47's one: its English abstention 0.5 -> 1.0), no answerable question lost; untuned beyond "rare". */
    mentionOnlyMaxChunks: 2,
    /** a lookup of a named city's sheet is grounded despite one common word no sheet writes when one sheet of that
     * city states at least this many of its other specific concepts, all of them. Untuned: the smallest count that
     * identifies a sheet beyond the field asked ("budget" alone names none); one fewer for a city of one sheet, which names
     * it (twentieth session: blind35 al-17 up, nothing lost, every set's abstention unchanged). */
    /** the sheets within the caller's filters hold less than this share of a topic or list question's specific concepts
     * (idf-weighted, as abstainMinCoverage for a city the question names): no sheet answers within them. Measured
     * 2026-11-30 over the 106 filtered questions of the read sets: the answerable ones hold 0.347 (blind36 am-22) and
     * up, the unanswerable ones of blind65 0, 0.246 and 0.438. At 0.5, as for a named city, the clean blind56 lost a
     * filtered list (held 0.385; its text not read) besides the three gains; 0.3 keeps bp-06 and bp-16 and no loss. */
    filteredMinCoverage: 0.3,
    lookupKnownConcepts: 3,
    /** …and those it states weigh at least this share of them by idf: a past participle ("organisé") it words
     * otherwise need not be there. First value tried (blind15 w-19); measured 2026-11-30: 0.65 moves nothing, 0.85 lost
     * 4 figures (blind54 be-20 among them). */
    lookupNamedCoverage: 0.75,
    /** with filters, one of this many best sheets within them must hold a specific concept of the question. Untuned default. */
    filteredAnchors: 3,
    /** a value lookup is about the sheet whose title the question quotes at this share, else the best ranked. Measured
     * 2026-11-30: 0.4, one lookup down; 0.6 moves nothing. */
    valueTitleCoverage: 0.5,
    /** a sentence holding a value of the asked kind scores as this many average concepts of the question… */
    valueShapeWeight: 1,
    /** …and one in a field the question names, this many more. Untuned defaults. */
    valueFieldWeight: 1,
    /** a value is named by the question when one of its words follows within this many characters ("12 situations"). Untuned default. */
    namedWindow: 24,
    /** a name is named by the words before it within this many characters ("une action d'interconnaissance
     * professionnelle appelé "Vis ma vie""): what it names comes first, with its qualifiers. Untuned default. */
    nameWindow: 64,
    /** …and counts this many times over when the question's words name it ("12 situations"). Measured 2026-11-30: 1.5
     * moves nothing; 3, one up and six down (a dev2 and a probe lookup among them). */
    valueNamedFactor: 2,
    /** …and this many when the word it is followed by is what a count question counts ("how many participations…":
     * "97 participations"): the surest naming there is; any other question word ("2021", "psychologue") only
     * says the sentence is on topic. Twice the factor above; measured 2026-11-30: 3, one lookup down; 6, one up (one
     * question either way: 4 stays). */
    valueCountedFactor: 4,
    /** …and a bare acronym, where an organisation is asked, this many times (it may name anything: "JC Decaux", "COPIL").
     * A spelled-out organisation counts as named. At 0.5: blind10 r-39 and blind12 t-36 find the two associations; at
     * counted strength (4) a partner spelled out outranked the funders field (dev2 b-13 lost). */
    valueWeakFactor: 0.5,
    /** an organisation is of the kind asked when the kind's word stands within this many characters before its name:
     * the bracketed names follow the bodies they name within 80 characters (valueType.ts), plus the word itself. */
    bodyKindWindow: 96,
    /** sentences a value answer quotes. Untuned default. */
    valueMaxPassages: 2,
    /** a question asking several values is answered by one sentence stating them all when it scores at least this share
     * of the best sentence for each (decide/findValue.ts findValues). Untuned first guess. */
    valueJointMinShare: 0.5,
    /** an outline quoted for a content lookup ("Déroulé de l'action :" and its items) stops past this many characters: the
     * longest outline in the seeds is ~560 characters (Boulogne's session, 9 items), quoted whole. Untuned otherwise. */
    outlineMaxChars: 900,
    /** closest sheets offered, never cited, when no sheet answers. Untuned default. */
    suggestions: 3,
    /** a lookup weighs the next-ranked sheet (of the named city) too when it scores this share of the best one's: two
     * sheets about one programme, the value stated in one (decide/findValue.ts lookupCandidates). Untuned first guess. */
    lookupRunnerUpScore: 0.8,
    /** …of the next this many sheets: a third sheet between the programme's two ("Lille's free psychologist drop-ins…":
     * the 2021 sheet, Lille's first-aid training, then the 2023 sheet stating the funding asked). */
    lookupRunnerUps: 2,
    /** …and answers from it when its best sentence for the value scores this many times the first sheet's. Measured
     * 2026-11-30 on the read sets: 1.0 (any better), 2 lookups up and 1 down (blind48 ay-05: 21.5 against 19.0, "deux
     * quartiers" over "pas plus de 6 séances"); the one right switch scored 1.27 times. */
    lookupRunnerUpMargin: 1.2,
    /** a quoted name of at least this many characters (« La santé mentale dans mon quartier ») is a programme's: a list
     * candidate writing it is an answer (selectListSheets.ts). Shorter quotes are acronyms or words ("PSSM", « GEM »), which
     * entities and concepts handle. Measured 2026-12-01 on every set: 4 read lists up (blind7 m-17, blind16 y-24,
     * blind50 ba-34, blind78 cc-02), none down, dev and dev2 unchanged. */
    quotedNameMinChars: 6,
    /** a list question with no specific concept names the sheets scoring at least this share of the best one (and bounds
     * every list's candidates). Measured 2026-11-30: 0.25, 2 questions up and 11 down (dev-009 among them); 0.35, 7 up and 6
     * down (dev2 list F1 up, the clean blind49's down): a wash, so 0.3 stays. */
    listRelativeScore: 0.3,
    /** …that cover this share of the specific concepts the best sheet covers (dev: anchoring on the best-ranked
     * sheet rather than the most-covering one, 0.84 vs 0.68 city F1). Measured 2026-11-30 over every set: 0.5, 31
     * figures up and 36 down (probes list F1 0.905 -> 0.813, the clean blind53 0.853 -> 0.790); 0.7, 23 up and 64 down
     * (dev list F1 0.983 -> 0.944). */
    listMinCoverage: 0.6,
    /** …and whose best passage states more than this share of them (idf-weighted, the title counting as part of it): a
     * sheet holding them only scattered over its fields does not do what is asked. Measured on every set (seventh session):
     * above 0 (a passage stating something asked) list F1 gained on blind6, blind8 ×2, blind10, probes, nothing lost; above
     * 0.3 dev unchanged, dev2 0.834 -> 0.842 (b-19) and six blind questions gained, none lost, blind11 and blind12 (clean)
     * unchanged; 0.4 also gained dev (0.983) but lost five blind questions, 0.5 lost nine and dev recall@5 0.959 -> 0.953. */
    listEvidenceMinCoverage: 0.3,
    /** a list concept of one word followed in the question by a word too common to be a concept ("centres sociaux") is the
     * pair when fewer than this share of the word's chunks write the pair (centres: 19 of 61; bailleurs sociaux 16 of 26 and
     * travailleurs sociaux 20 of 21 stay word by word: the sheets shorten them). A majority, not a tuned point. Measured on
     * every set: dev2 list F1 0.867 -> 0.888 (b-44, "un référent santé"), 4 read questions up, blind10 r-35 and blind41 ar-15
     * down (a city relaying or naming "centre social" apart from the pair), dev and the clean blind47 / blind48 unchanged;
     * with no share at all, "bailleurs sociaux" also cost blind34 ae-23 and ae-24. */
    listPairMaxShare: 0.5,
    /** a word of at most this many letters the named city's sheets write only in full ("psy": psychologue, "ados":
     * adolescents) is a clipped form of it, there. French clippings are of three or four letters (psy, ados, asso, info). */
    clippedMaxLetters: 4,
    /** the best-ranked sheet of a list, whose best passage states no more than listEvidenceMinCoverage, leaves the list
     * when another listed sheet states at least this share of the concepts in its own words. Fifteenth session, over
     * every set: any share above the first's (no bar) 7 questions up, 4 down (dev2 b-19, blind15 w-11, blind19 j-17,
     * blind35 al-01); 0.75: 6 up (blind10 r-09, blind11 s-11, blind16 y-17, blind25 ab-35, blind5 d-27, blind18 p-08),
     * blind19 j-17 down (its anchor holds the "contrat de ville" a slashed alternative misread; back since the slash keeps
     * "politique de la ville" whole), clean sets unchanged. */
    listAnchorOutstatedOwn: 0.75,
    /** from the fourth listed sheet on (index 3), a sheet scoring under half the best one's must state at least 0.8 of the
     * concepts in its own words to stay listed. Sixteenth session, over the 1,419 sheets listed for the read sets' list
     * questions: the first three were right 95%, 89% and 77% of the time, the later ones 25–57%, and among those the
     * ones scoring under 0.6 of the best with own evidence under 0.8 (or none) 16 times in 94. Measured over every set
     * (city F1): from index 3, under 0.5 of the best, own 0.8: dev 0.974 -> 0.983, dev2 0.855 -> 0.867, probes 0.883 ->
     * 0.905, the watched blind29 0.796 -> 0.813, blind33 0.749 -> 0.760, blind36 0.759 -> 0.774, blind39 0.762 -> 0.774;
     * 36 questions up, 5 down (blind10 r-19, blind2 g-07, blind27 ad-37, blind4 e-19, blind7 m-04). Around it: under 0.6
     * of the best, dev recall@5 0.959 -> 0.953; from index 4, fewer up (25); from index 2, 11 down, dev-005 among them;
     * own 0.7, blind33 unchanged; own 0.9, six down. Measured again 2026-11-30 (figures up / down over every set): from
     * index 2, 1 / 8 (dev-005); from 4, 1 / 11; under 0.4 of the best, 3 / 26; under 0.6, 6 / 7 (dev-006, dev recall);
     * own 0.7, 2 / 3; own 0.9, 2 / 1. */
    listTailFrom: 3,
    listTailRelativeScore: 0.5,
    listTailOwn: 0.8,
    listMaxSheets: 10,
    /** a several-word term held by fewer than this share of chunks anchors a list on a sheet that writes it, when the
     * best-ranked one does not. Measured on dev, dev2, the probes and four blind sets: 0.01 changed none but blind4
     * (list F1 0.516 -> 0.584, recall@5 0.793 -> 0.808); 0.02 and 0.05 gained more there but cost dev2 (b-19,
     * recall@5 0.934 -> 0.927, list F1 0.834 -> 0.832), so the smallest. Sixth session: a term's count is the chunks
     * writing it as a phrase (its most common alternative's), not its rarest word's: blind2 list F1 0.674 -> 0.683,
     * blind4 0.603 -> 0.658, blind5 0.515 -> 0.539, blind6 0.674 -> 0.690, others unchanged; 0.02 again cost dev2 b-19.
     * Measured again 2026-11-30: 0.005, 5 figures up and 24 down (the clean blind45 and blind49 list F1 down); 0.02, five
     * questions up (dev2 b-19 recall 0.67 -> 1, which would bring dev and dev2's French recall within 0.05 of the English)
     * and four down (blind3, blind9, blind42, blind54), no clean set moved: a wash, so it is not taken to meet a figure.
     * The same share says a word of the value a lookup asks is rare enough to identify the named city's sheet ("which
     * improv troupe…": « impro » in 2 chunks; abstain.lookupOfNamedSheet, twenty-sixth session: blind29 af-39 up, none down). */
    listRareTermShare: 0.01,
    /** a capitalised word inside a list question ("l'Unafam") held by fewer than this share of chunks names a body
     * that listed sheets must write, as an acronym does. 0.02 and 0.05 give the same figures: blind1 list F1
     * 0.639 -> 0.653, blind6 0.627 -> 0.674, every other set unchanged; without the rule that such a word stands
     * alone, an English title's "Information" (Mental Health Information Weeks) cost a probe (p-08). */
    listProperNameShare: 0.02,
    /** a field is one of the form's yes-or-no questions when at least this many sheets answer it "Oui" or "Non" (the
     * seeds: "inequalities" 10 of 28; the free-text fields none or one). Untuned: any count between 3 and 8 selects
     * the same field on the seeds. */
    yesNoMinSheets: 3,
    /** share of a question's specific concepts (idf-weighted) a yes-or-no field's label must state for the question
     * to restate it. Untuned default (half). */
    formAnswerCoverage: 0.5,
    /** a field answer quotes the next sheets too when they score this close to the best (two sheets, one topic). Measured
     * 2026-11-30: 0.7 and 0.9 move no question. */
    fieldCloseScore: 0.8,
    fieldMaxCloseSheets: 3,
    /** a follow-up field question quotes every sheet in scope, up to this many. Untuned default. */
    fieldMaxSheetsInScope: 8,
    /** a question quoting this share of a sheet's title is about that sheet alone. Measured 2026-11-30: 0.65 lost
     * dev-014's lookup; 0.85 moves nothing. */
    fieldTitleCoverage: 0.75,
    /** a general answer quotes the top sheets scoring this share of the best. Measured 2026-11-30: 0.3, five questions
     * down; 0.5, one up. generalMaxPassages below: untuned default. */
    generalRelativeScore: 0.4,
    generalMaxSheets: 3,
  },

  evidence: {
    /** fields that say how an action is run, not what it does: never the evidence for "which cities do X"
     * unless the question asks for them ("cofinancées par l'ARS" asks for funders). Issue 9: Lille's
     * "Partenaires financiers" and Caen's budget line were cited as proof of PSSM training. */
    adminFields: ["budget", "budget_operating", "budget_investment", "budget_city_contribution", "funders", "contact", "date"] as readonly string[],
    /** a question stem meets a passage word sharing its first 4-6 letters ("forment" ~ "formation"), as the
     * Snowball stems of one French word family differ in their endings. 6, not 5: at 5 "collèges" met "collectivité"
     * (in every sheet's field label "Rôle de la collectivité") and "habitants" met "habitude". Measured: dev, dev2, the
     * probes and every watched set unchanged; 10 read questions up (3 list F1, 7 MRR), 3 down by one rank (blind17 c-25,
     * blind30 ag-21, blind34 ak-36: topic questions whose second sheet and first swapped). */
    derivedFormPrefix: { min: 4, max: 6 },
    /** how far before a person's word a lack is read ("Manque important d'orthophonistes et de psychiatres": 36 letters;
     * the pattern stops at the sentence's end anyway). Untuned default: two lines of text. */
    personAbsentWindow: 160,
    /** the form's checkbox lists: a list question naming one is answered from the ticked boxes alone. */
    checkboxFields: ["determinants", "themes", "territory_specifics"] as readonly string[],
    /** a sheet's ticked boxes state at least this share of what the best sheet's boxes state (dev/dev2: 0.75 changed
     * nothing, 0.5 added a wrong city to dev-019). */
    tickedRelativeCoverage: 1,
    /** sheets whose passages are weighed for a list: the best-ranked ones, so the cost stays bounded. Untuned default. */
    listCandidates: 20,
  },

  compose: {
    /** a quoted passage: the best sentence widened with its neighbours up to this length. Untuned default. */
    excerptMaxChars: 360,
    /** one sentence longer than this many excerpts is cut at excerptMaxChars. Untuned default. */
    excerptLongSentenceFactor: 1.5,
    /** a field value is quoted whole up to this length, else cut. Untuned default. */
    fieldQuoteChars: 400,
    /** a sheet's best-ranked chunks searched for the passage to cite. Measured 2026-11-30: 4 and 10 move no question. */
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
    /** texts read to tell whether the corpus writes a word in capitals only (corpusStats.writtenInCapitals): a name
     * is written the same way throughout, so a few texts say it, and the cost stays bounded at any scale. Untuned. */
    capitalsSampleChunks: 20,
    /** sheet titles kept analysed for phrase checks (understand/sideBySide.ts), the memo emptied when full: one per sheet
     * up to ×100's 2,603 sheets (~100 bytes each). Analysing a chunk's title at every phrase check was ~40% of a phrase
     * count's time at ×100 (a count reads up to phraseScanChunks chunks). */
    titleTermEntries: 4096,
    /** cards per piece of the streamed catalogue (server/catalogueStream.ts): small enough that each piece dies in the young
     * generation (32 cards of ×100 are ~300 KB of JSON), few enough pieces (82 at ×100) for the socket. Untuned. */
    catalogueCardsPerPiece: 32,
    /** the more-like-this BM25 query keeps its best chunks only, instead of every chunk sharing a word with the
     * reference (thousands at ×10): a sheet's rank comes from its best three chunks (supportDecay), and 300 chunks
     * reach ~12 sheets per similar sheet asked (k 5). Same dev similar figures as unbounded (see README, Performance). */
    moreLikeThisChunks: 300,
    /** chunks whose analysed passages are kept between questions (a few KB each): every chunk of the seeds, a
     * bounded share of a national corpus. Untuned default. */
    evidenceCacheChunks: 5000,
    /** phrase counts remembered per index for list anchors (glossary terms and bracketed names: a bounded set); the memo
     * is emptied when it holds this many. Untuned: ~100 bytes an entry. */
    phraseCountEntries: 2000,
    /** sheets whose box-example-only terms are remembered per index (decide/boxExamples.ts: list candidates, ~20 a list
     * question); the memo is emptied when it holds this many. Untuned: a few small sets each; ×100 has 2,600 sheets. */
    boxExampleSheets: 2000,
    /** whether a several-word term is written side by side is read from at most this many chunks holding its words
     * (corpusStats.ts heldTogether: past it the term counts as present), and a list's phrase count reads as many of them,
     * then estimates the rest at the rate it found (selectListSheets.ts). The seeds' 697 chunks never reach it, so every
     * figure of the eval is exact; at ×100 a list question asked once spent ~1 ms a glossary phrase reading up to 2,000
     * (the bound before), ~8 ms for "suicide"'s eight phrases. */
    phraseScanChunks: 700,
    /** terms whose sheets (corpusStats.ts sheetsHolding) are remembered per index, the memo emptied when it holds this
     * many: at most 4 bytes a sheet each (~10 KB for a term every sheet of ×100 holds). Untuned default. */
    sheetTermEntries: 2000,
    /** each sheet's own more-like-this search, kept per index once made (similarFiches.ts lexicalRow): ~1 KB a sheet (the
     * sheets it reaches, as positions and scores), so every sheet of ×100 fits (~3 MB); making one costs ~5 ms there. */
    lexicalRowEntries: 10_000,
    /** unfiltered similar-sheet answers remembered per index (a few KB each). Untuned default. */
    similarCacheEntries: 512,
    /** up to this many chunks an unfiltered dense search scans every vector (exact) instead of the HNSW graph at
     * its ×100 ef. Measured (scratch, 30 bench questions, 60 candidates, µs a search, brute force / graph at ef 384):
     * ×1 697 chunks 90 / 200, ×3 2,010 chunks 155 / 300, ×10 6,618 chunks 372 / 388. The copy of the vectors
     * costs dimension × 4 bytes a chunk (5 MB at this bound with the builtin 256 dimensions). */
    exactDenseMaxChunks: 5000,
    /** a server process's old generation may grow to (1 + this / 100) × what its last full collection left alive
     * (ingest/heapGrowth.ts). V8's own factor let a ×100 worker reach 303–314 MB of heap (102 MB alive) in the scale
     * bench's 1,000 questions with no full collection: RSS 568–589 MB. At 30 (four pairs, alternating, load 2–3): RSS
     * after them 429–462 against 568–589 MB, at `/ready` 370–373 against 383–390; four full collections in the 1,000
     * questions (pauses 8–22 ms) where there were none; one-client latencies and the ×1 20-connection p99 within the
     * noise (65.4 against 71.9 ms at load 3–4). 50 read 555 MB once: the lexicons' parse alone leaves ~40 MB. */
    heapGrowingPercent: 30,
    /** the young generation's semi-spaces (MB), a flag node takes at start only (server/nodeFlags.ts; `npm start` and the
     * bench pass it). V8's default (16 MB, ×3 when copying) is touched whole by the warm-up's questions and stays in RSS:
     * ×100, one worker, six alternating starts (load 2–3): idle RSS at /ready 455–456 MB at the default, 398–400 at 8,
     * 383–385 at 4; one client, 300 search and 300 ask questions asked once after it, p95 21.3–23.6 / 15.4–17.2 ms at the
     * default, 23.6–23.7 / 13.6–14.5 at 4 (the noise between runs). */
    semiSpaceMb: 4,
    /** readings of a question's words remembered per process (wordMemo.ts: typo correction, word classes, accents put
     * back), each memo emptied when it holds this many: a word and a short answer, ~100 bytes an entry. The seeds'
     * questions use a few thousand distinct words; untuned default. */
    wordMemoEntries: 20_000,
    /** questions a loaded build asks itself before serving (server/services/warmUp.ts), within WARM_UP_MS. Measured
     * (one core, in-process, p50/p95 ms of the bench's questions asked once, by hundreds): ×1 without 4.4/15.0,
     * 0.6/9.7, then 0.6/4.6; after 150 (1.3 s) 1.5/7.9, 0.6/5.1, 0.5/3.2. ×100: the first 30–70 pay the lazy
     * structures (~3 s); without, the first hundred's p95 is 26–31 ms. */
    warmUpQuestions: 150,
  },
} as const;
