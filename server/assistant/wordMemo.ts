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

/**
 * One WordMemo per data object (an index's statistics) and per check function the answers depend on (a lexicon's
 * test, one per expander), plus one for no check; each made on first use. Weak keys: a replaced index or expander
 * takes its memos with it.
 */
export class WordMemos<D extends object, C extends object, V> {
  private readonly byData = new WeakMap<D, { plain: WordMemo<V>; checked: WeakMap<C, WordMemo<V>> }>();

  of(data: D, check?: C): WordMemo<V> {
    let byCheck = this.byData.get(data);
    if (!byCheck) this.byData.set(data, (byCheck = { plain: new WordMemo<V>(), checked: new WeakMap() }));
    if (!check) return byCheck.plain;
    let memo = byCheck.checked.get(check);
    if (!memo) byCheck.checked.set(check, (memo = new WordMemo<V>()));
    return memo;
  }
}
