import { describe, expect, it } from "vitest";
import { getTestIndexDir } from "../../test/helpers/buildTestIndex.ts";
import type { AssistantServices } from "../assistant/types.ts";
import { buildServices } from "./buildServices.ts";
import { warmUp } from "./warmUp.ts";

/** The real services, with every search and ask they receive written down. */
async function recorded(): Promise<{ services: AssistantServices; searched: string[]; asked: string[] }> {
  const real = await buildServices({ indexDir: await getTestIndexDir(), embedder: "builtin" });
  const searched: string[] = [];
  const asked: string[] = [];
  const services: AssistantServices = {
    search: (q, opts) => (searched.push(q), real.search(q, opts)),
    ask: (req) => (asked.push(req.question), real.ask(req)),
    listFiches: () => real.listFiches(),
    getFiche: (id) => real.getFiche(id),
    similar: (id, k) => real.similar(id, k),
    ready: () => real.ready(),
  };
  return { services, searched, asked };
}

describe("warmUp", () => {
  it("asks searches and answers made of the corpus's own titles, up to the question limit", async () => {
    const { services, searched, asked } = await recorded();
    const result = await warmUp(services, { questions: 16, ms: 60_000 });
    expect(result.questions).toBe(16);
    expect(searched.length + asked.length).toBe(16);
    expect(searched.length).toBeGreaterThan(0);
    expect(asked.length).toBeGreaterThan(0);
    // every question carries words of some sheet's title, and they are not all the same question
    const titleWords = new Set(services.listFiches().fiches.flatMap((f) => f.title.toLowerCase().split(/\s+/)));
    for (const q of [...searched, ...asked]) expect(q.toLowerCase().split(/\s+/).some((w) => titleWords.has(w))).toBe(true);
    expect(new Set([...searched, ...asked]).size).toBeGreaterThan(12);
  });

  it("stops at the time limit, and asks nothing when it is 0", async () => {
    const { services, searched, asked } = await recorded();
    expect(await warmUp(services, { questions: 1_000, ms: 0 })).toMatchObject({ questions: 0 });
    expect(searched.length + asked.length).toBe(0);
    // the seeds' questions take milliseconds each: 1,000 cannot fit in 50 ms
    const timed = await warmUp(services, { questions: 1_000, ms: 50 });
    expect(timed.questions).toBeGreaterThan(0);
    expect(timed.questions).toBeLessThan(1_000);
  });
});
