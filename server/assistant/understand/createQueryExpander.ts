// Question -> language and the text retrieval searches with. With the builtin embedder,
// English questions get the French terms of the bilingual domain glossary appended, and,
// when Debian's FreeDict eng-fra is installed, a general dictionary's French for the words
// the glossary does not cover. e5 reads English natively, so with it only the language is
// detected.
import { ENGLISH_STOP_WORDS } from "../../../ingest/text/index.ts";
import type { ExpandQuery } from "./queryContext.ts";
import { expandQuery, loadGlossary, questionLanguage } from "./expandQuery.ts";
import { knowsWord, loadFreeDict, translate, type Dictionary } from "./freeDict.ts";
import { digitsOf } from "./numberWords.ts";
import { TUNING } from "../tuning.ts";
import { lazyWordClasses, type WordClasses } from "./wordClasses.ts";

/** `dictionary`, `wordClasses`: given by tests; `null` for none, undefined for what this machine has installed. */
export async function createQueryExpander(useGlossary: boolean, log?: (line: string) => void, dictionary?: Dictionary | null, wordClasses?: WordClasses | null): Promise<ExpandQuery> {
  const glossary = await loadGlossary();
  const dict = dictionary === undefined ? loadFreeDict() : (dictionary ?? undefined);
  log?.(`query expansion: glossary (${glossary.entries.length} entries)${dict ? ` + FreeDict eng-fra (${dict.size} words)` : ", no general dictionary (dict-freedict-eng-fra not installed)"}`);
  const isWord = dict && ((word: string) => knowsWord(dict, word));
  const classes = wordClasses === undefined ? lazyWordClasses(log) : (wordClasses ?? undefined);
  const expand: ExpandQuery = (question, forced) => {
    const { lang, expanded, added, concepts, labels, leftover, frenchTerms, frenchSynonyms, sameMeaning } = expandQuery(question, glossary, forced, isWord);
    if (!useGlossary) return { lang, expanded: question, added: [], concepts: [], frenchTerms };
    if (lang === "fr") return { lang, expanded, added, concepts, frenchTerms, frenchSynonyms, sameMeaning };
    if (!dict) return { lang, expanded, added, concepts, labels };
    // Dictionary words ground the question, they do not search: in the search text their looser
    // senses cost dev2's English questions (list F1 0.851 -> 0.803, recall@5 0.912 -> 0.895; dev
    // unchanged), and as concepts English list questions 0.18 of city F1 on dev. A word none of
    // whose translations the corpus holds ("prisoners", "app") is what the sheets do not cover.
    const dictionaryWords: string[][] = [];
    const acronyms: string[] = [];
    for (const word of leftover) {
      if (ENGLISH_STOP_WORDS.has(word)) continue;
      // an acronym ("a CUMP", "the IPS model") names something, translated or not, however short
      if (writtenAsAcronym(question, word)) {
        acronyms.push(word.toUpperCase());
        continue;
      }
      if (word.length < TUNING.understand.dictMinChars) continue;
      // "clock up", "turn down": a word with a verb use before a particle is a phrasal verb, how the question is put
      if (classes?.canBeVerb(word, "en") && new RegExp(`(?<![\\p{L}'’-])${word}\\s+${PARTICLES}(?![\\p{L}'’-])`, "iu").test(question)) continue;
      // ("fifties": the digits the sheets write numbers in, beside the dictionary's French words)
      const french = [...translate(dict, word), ...digitsOf(word)];
      if (french.length > 0) dictionaryWords.push([word, ...french]);
      // "Tuesday-morning": a compound the dictionary lacks is translated by its parts
      else if (word.includes("-")) for (const part of word.split("-")) {
        const parts = part.length >= TUNING.understand.dictMinChars && !ENGLISH_STOP_WORDS.has(part) ? translate(dict, part) : [];
        if (parts.length > 0) dictionaryWords.push([part, ...parts]);
      }
    }
    return { lang, expanded, added, concepts, labels, dictionaryWords, acronyms };
  };
  expand.language = (question) => questionLanguage(question, glossary, isWord);
  if (classes) {
    expand.asksHow = (word, lang) => classes.asksHow(word, lang);
    expand.canBeVerb = (word, lang) => classes.canBeVerb(word, lang);
    expand.isWord = (word, lang) => classes.isWord(word, lang);
    expand.manyUses = (word, lang) => classes.manyUses(word, lang);
    expand.givenName = (word) => classes.givenName(word);
    expand.knowsWord = (word) => classes.isWord(word, "fr") || classes.isWord(word, "en") || (!!dict && knowsWord(dict, word.toLowerCase()));
    expand.prepare = () => void classes.sizes;
  }
  return expand;
}

/** The particles of English phrasal verbs (general English grammar, as concepts.ts reads them). */
const PARTICLES = "(?:up|down|out|off|away|back|over|along|around|about|through)";

/** "ips" written "IPS" (or "IPSs") in the question. */
function writtenAsAcronym(question: string, word: string): boolean {
  return /^[a-z]{2,6}$/.test(word) && new RegExp(`(?<![\\p{L}])${word.toUpperCase()}s?(?![\\p{L}])`, "u").test(question);
}
