// Question -> language and the text retrieval searches with. With the builtin embedder,
// English questions get the French terms of the bilingual glossary appended; e5 reads
// English natively, so with it only the language is detected.
import type { ExpandQuery } from "../services/assistant.ts";
import { expandQuery, loadGlossary } from "./expandQuery.ts";

export async function createQueryExpander(useGlossary: boolean): Promise<ExpandQuery> {
  const glossary = await loadGlossary();
  return (question, forced) => {
    const { lang, expanded, added, concepts } = expandQuery(question, glossary, forced);
    return useGlossary ? { lang, expanded, added, concepts } : { lang, expanded: question, added: [], concepts: [] };
  };
}
