// A pure function's answers by word, remembered across questions: questions asked once still
// share most of their words ("actions", "jeunes", a city), and reading a word (is it a typo of a
// glossary word, a verb, a French spelling without its accents?) cost ~60 µs of an unseen search's
// ~450 in process. Bounded: emptied when it holds TUNING.scale.wordMemoEntries, as the analyser's
// term memo is. Only for functions whose answer depends on the word and on data fixed for the
// memo's life (a glossary, a lexicon, one index's statistics), so an answer never changes.
import { TUNING } from "./tuning.ts";

export class WordMemo<V> {
  private readonly answers = new Map<string, V>();

  get(word: string): V | undefined {
    return this.answers.get(word);
  }

  /** remembers `value` for `word` and returns it */
  set(word: string, value: V): V {
    if (this.answers.size >= TUNING.scale.wordMemoEntries) this.answers.clear();
    this.answers.set(word, value);
    return value;
  }
}
