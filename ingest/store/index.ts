// Public surface of the index store: the on-disk format that ingest writes and the server
// reads. The server imports these from here, never the files.
export { cleanIndexLeftovers, KEPT_BUILDS } from "./cleanIndex.ts";
export { BUILDS_DIR, buildDir, CURRENT_FILE, listBuilds, readCurrentId, resolveIndexDir } from "./currentIndex.ts";
export { acquireIndexLock, LOCK_FILE, type IndexLock, type LockOptions } from "./indexLock.ts";
export { corpusHash } from "./corpusHash.ts";
export { IndexError, REBUILD_COMMAND, type IndexErrorCode } from "./indexError.ts";
export { docstoreKey, GRAPH_BATCH, HNSW_PARAMS, INDEX_FILES } from "./indexFiles.ts";
export { startGraphBuild, type GraphBuild } from "./graphBuild.ts";
export { startLexicalBuild, type LexicalBuild } from "./lexicalBuild.ts";
export { buildLexicalIndex, LEXICAL_OPTIONS, loadLexicalIndex } from "./lexicalIndex.ts";
export { deserializePostings, postingListsOf, searchPostings, serializePostings, type PostingHit, type PostingLists, type PostingQuery } from "./postingLists.ts";
export { termStatsOf, type TermStats } from "./termStats.ts";
export { deserializePassageTerms, passageTermsOf, separated, unitsOf, type PassageTermFiles, type PassageTerms } from "./passageTerms.ts";
export { loadIndex, type LoadedIndex, type LoadOptions } from "./loadIndex.ts";
export { INDEX_FORMAT_VERSION, ManifestSchema, readManifest, type Manifest } from "./manifest.ts";
export { PAUSE_STEPS, type PauseStep } from "./pauseAt.ts";
export { writeIndex, type IndexContents, type WriteOptions } from "./writeIndex.ts";
