// Public surface of text analysis, shared by ingest and the server: folding, French analysis,
// stop words and the sentence splitter. The server imports these from here, never the files.
export { fold, slugify } from "./fold.ts";
export { analyze, analyzeTerm, foldText, miniSearchAnalysis, processTerm, stemWord, tokenize } from "./analyzeFrench.ts";
export { ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, KNOWN_ACRONYMS, STOP_WORDS } from "./stopwords.ts";
export { splitSentences, type Span } from "./splitSentences.ts";
export { splitLines } from "./splitLines.ts";
