// Index problems, keyed by a typed code so a caller (the server's error catalogue, the ingest
// CLI) can tell them apart without parsing messages. Every message names the folder or file
// and the command that fixes it (STYLE.md §6).

export type IndexErrorCode =
  /** no manifest: the index was never built, or a build never finished */
  | "INDEX_MISSING"
  /** built by another version of the index format */
  | "INDEX_FORMAT"
  /** built with another embedder than the one that would query it */
  | "INDEX_EMBEDDER_MISMATCH"
  /** a file is unreadable or does not match its schema */
  | "INDEX_DAMAGED"
  /** another ingest holds the index's write lock */
  | "INDEX_LOCKED"
  /** the index could not be written (disk full, permissions): the message names the path */
  | "INDEX_WRITE_FAILED";

export const REBUILD_COMMAND = "npm run ingest";

export class IndexError extends Error {
  constructor(
    readonly code: IndexErrorCode,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${message} (${file})`, options);
    this.name = "IndexError";
  }
}
