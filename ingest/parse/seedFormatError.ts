/** A seed file the ingest cannot read; names the file and line so the author can fix it. */
export class SeedFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`ingest: ${file}:${line}: ${reason}`);
    this.name = "SeedFormatError";
  }
}
