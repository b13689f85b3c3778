// A freshly loaded build answers its first few hundred questions several times slower than later
// ones: V8 has not compiled the hot paths yet and the per-word memos are empty (×100, questions
// asked once, one core: p95 of the first hundred 26.7 ms, of the fourth 7.6 ms). Before a build
// serves, it asks itself questions made of its own sheets' titles in the usual shapes (a list, a
// field, similar sheets, a plain search; French and English), for a bounded time. Nothing is
// cached on the way that a user's question would not have cached (the response cache sits in the
// HTTP layer, which these calls never reach).
import type { AssistantServices, FicheCard } from "../assistant/types.ts";

export interface WarmUpLimits {
  /** at most this many questions */
  questions: number;
  /** and no more time than this (ms), the last question finishing */
  ms: number;
}

type Shape = (topic: string, city: string) => { search: string } | { ask: string };

// The shapes of question the assistant tells apart (understand/detectIntent.ts), so each path is
// compiled; the words come from the corpus, never from a list of questions.
const SHAPES: readonly Shape[] = [
  (topic) => ({ search: topic }),
  (topic) => ({ ask: `Quelles villes proposent ${topic} ?` }),
  (topic, city) => ({ ask: `Quel est le budget de ${topic} à ${city} ?` }),
  (topic) => ({ ask: `Which cities run ${topic}?` }),
  (topic, city) => ({ search: `${topic} ${city}` }),
  (topic, city) => ({ ask: `Who are the partners of ${topic} in ${city}?` }),
  (topic, city) => ({ ask: `Actions similaires à ${topic} à ${city}` }),
  (topic) => ({ ask: topic }),
];

/** The first half of one title joined to the second half of another: words in new company, as users mix them. */
function splice(a: FicheCard, b: FicheCard): string {
  const [x, y] = [a.title.split(/\s+/), b.title.split(/\s+/)];
  return [...x.slice(0, Math.ceil(x.length / 2)), ...y.slice(Math.ceil(y.length / 2))].join(" ");
}

/** Asks the services questions made of their own sheets until a limit is reached; returns how many and how long. */
export async function warmUp(services: AssistantServices, limits: WarmUpLimits): Promise<{ questions: number; ms: number }> {
  const { fiches } = services.listFiches();
  const t0 = performance.now();
  if (fiches.length === 0) return { questions: 0, ms: 0 };
  // spread over the corpus: sheets far apart in its order, so many words are met once
  const stride = Math.max(1, Math.floor(fiches.length / Math.max(1, limits.questions)));
  let asked = 0;
  while (asked < limits.questions && performance.now() - t0 < limits.ms) {
    const sheet = fiches[(asked * stride) % fiches.length]!;
    const other = fiches[(asked * stride + Math.ceil(fiches.length / 2)) % fiches.length]!;
    const topic = asked % 2 === 0 ? sheet.title : splice(sheet, other);
    const q = SHAPES[asked % SHAPES.length]!(topic, sheet.city);
    if ("search" in q) await services.search(q.search, { k: 10, filters: {} });
    else await services.ask({ question: q.ask });
    asked++;
  }
  return { questions: asked, ms: Math.round(performance.now() - t0) };
}
