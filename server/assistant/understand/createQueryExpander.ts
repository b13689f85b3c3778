// Question -> language and the text retrieval searches with. With the builtin embedder,
// English questions get the French terms of the bilingual domain glossary appended, and,
// when Debian's FreeDict eng-fra is installed, a general dictionary's French for the words
// the glossary does not cover. e5 reads English natively, so with it only the language is
// detected.
import { ENGLISH_STOP_WORDS } from "../../../ingest/text/index.ts";
import type { ExpandQuery } from "./queryContext.ts";
import { expandQuery, loadGlossary } from "./expandQuery.ts";
import { loadFreeDict, translate, type Dictionary } from "./freeDict.ts";
import { TUNING } from "../tuning.ts";

export async function createQueryExpander(useGlossary: boolean, log?: (line: string) => void, dictionary?: Dictionary | null): Promise<ExpandQuery> {
  const glossary = await loadGlossary();
  const dict = dictionary === undefined ? loadFreeDict() : (dictionary ?? undefined);
  log?.(`query expansion: glossary (${glossary.entries.length} entries)${dict ? ` + FreeDict eng-fra (${dict.size} words)` : ", no general dictionary (dict-freedict-eng-fra not installed)"}`);
  return (question, forced) => {
    const { lang, expanded, added, concepts, leftover } = expandQuery(question, glossary, forced);
    if (!useGlossary) return { lang, expanded: question, added: [], concepts: [] };
    if (lang === "fr" || !dict) return { lang, expanded, added, concepts };
    // dictionary words widen retrieval only: as concepts (for lists and abstention) their
    // looser senses cost English list questions 0.18 of city F1 on the dev set
    const extra: string[] = [];
    for (const word of leftover) {
      if (word.length < TUNING.understand.dictMinChars || ENGLISH_STOP_WORDS.has(word)) continue;
      const french = translate(dict, word);
      if (french.length === 0) continue;
      extra.push(...french);
    }
    return extra.length ? { lang, expanded: `${expanded} ${extra.join(" ")}`, added: [...added, ...extra], concepts } : { lang, expanded, added, concepts };
  };
}
