import type { Citation } from "../types.ts";

/** What an answer builder returns: the text, whose every line ends with its [n] markers, and the citations. */
export interface BuiltAnswer {
  answer: string;
  citations: Citation[];
}
