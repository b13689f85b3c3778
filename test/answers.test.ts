// The answers users must get, asked through the real HTTP server over the real index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResult } from "../server/contracts.ts";
import { startTestServer, type TestServer } from "./helpers/startTestServer.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<AskResult> {
  const res = await fetch(`${server.url}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question, ...extra }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as AskResult;
}

const citedCities = (r: AskResult) => new Set(r.citations.map((c) => c.city));
const citesSheet = (r: AskResult, city: string, titlePart: string) => r.citations.some((c) => c.city === city && c.title.includes(titlePart));
/** Every line of the answer that states something ends with a citation marker that exists. */
function expectEveryLineCited(r: AskResult) {
  const ns = new Set(r.citations.map((c) => c.n));
  for (const line of r.answer.split("\n").slice(1)) {
    if (!line.trim() || line.trim().endsWith(":")) continue;
    const markers = [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length, line).toBeGreaterThan(0);
    for (const n of markers) expect(ns.has(n), line).toBe(true);
  }
}

describe("POST /api/ask — list questions", () => {
  it("names Caen and Lille for « Quelles villes forment aux PSSM ? », each citing its PSSM sheet", async () => {
    const r = await ask("Quelles villes forment aux PSSM ?");
    expect(r.intent).toBe("list");
    expect(citesSheet(r, "Caen", "Premiers Secours en Santé Mentale")).toBe(true);
    expect(citesSheet(r, "Lille", "Premiers Secours en Santé Mentale")).toBe(true);
    expect(r.answer).toMatch(/Caen/);
    expect(r.answer).toMatch(/Lille/);
    expectEveryLineCited(r);
  });

  it("answers the English question the same way, in English", async () => {
    const r = await ask("Which cities run PSSM trainings?");
    expect(r.lang).toBe("en");
    expect(citesSheet(r, "Caen", "Premiers Secours en Santé Mentale")).toBe(true);
    expect(citesSheet(r, "Lille", "Premiers Secours en Santé Mentale")).toBe(true);
    expect(r.answer).toMatch(/sheets? answer/);
  });

  it("reads « le CCOMS de Lille » as a body and its seat: the cities whose actions draw on it, not Lille's", async () => {
    const r = await ask("Which actions in the collection draw on the CCOMS, the WHO collaborating centre in Lille?");
    expect(r.intent).toBe("list");
    expect(citedCities(r)).toEqual(new Set(["Limoges", "Caen", "Nantes"]));
  });
});

describe("POST /api/ask — field questions", () => {
  it("shows 80 000€ with its citation for the budget of the Pôles Ressources Santé", async () => {
    const r = await ask("Quel est le budget des Pôles Ressources Santé de Lille ?");
    expect(r.intent).toBe("field");
    expect(r.answer).toContain("80 000€");
    const cited = r.citations.find((c) => c.excerpt.includes("80 000€"));
    expect(cited?.title).toBe("Pôles Ressources Santé");
    expect(cited?.field).toBe("budget_operating");
    expect(r.fiches.some((f) => f.id === cited?.ficheId)).toBe(true);
  });
});

describe("POST /api/ask — similar actions", () => {
  it("never returns the sheet itself for « actions similaires à Balades vertes pour les étudiants »", async () => {
    const r = await ask("actions similaires à Balades vertes pour les étudiants");
    expect(r.intent).toBe("similar");
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.some((c) => c.title === "Balades vertes pour les étudiants")).toBe(false);
    expect(r.answer).toMatch(/Balades vertes/); // named as the reference, not as a result
  });

  it("GET /api/search gives the similar sheets, not the reference", async () => {
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent("actions similaires à Balades vertes pour les étudiants")}&k=10`);
    const { results } = (await res.json()) as { results: { title: string }[] };
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((h) => h.title === "Balades vertes pour les étudiants")).toBe(false);
  });
});

describe("POST /api/ask — abstention", () => {
  it("says plainly that a city with no sheet has none, citing nothing", async () => {
    const r = await ask("Quelles actions de santé mentale mène la ville de Marseille ?");
    expect(r.citations).toEqual([]);
    expect(r.intent).toBe("none");
    expect(r.answer).toMatch(/Marseille/);
  });
});

describe("POST /api/ask — conversation", () => {
  it("answers « et leur budget ? » over the sheets of the previous answer", async () => {
    const first = await ask("Quelles villes forment aux PSSM ?");
    const ficheIds = [...new Set(first.citations.map((c) => c.ficheId))];
    const r = await ask("et leur budget ?", {
      history: [
        { role: "user", content: "Quelles villes forment aux PSSM ?" },
        { role: "assistant", content: first.answer, ficheIds },
      ],
    });
    expect(r.citations.length).toBeGreaterThan(0);
    for (const c of r.citations) {
      expect(ficheIds).toContain(c.ficheId);
      expect(c.field).toMatch(/^budget/);
    }
  });
});

describe("POST /api/ask — other questions", () => {
  it("quotes the best passages, one per line, each line with its citation", async () => {
    const r = await ask("développement des compétences psychosociales");
    expect(r.intent).toBe("general");
    expect(r.citations.length).toBeGreaterThan(0);
    expectEveryLineCited(r);
    for (const c of r.citations) expect(r.answer).toContain(`[${c.n}]`);
  });

  it("answers an English topic question in English, citing French passages", async () => {
    const r = await ask("suicide prevention campaigns");
    expect(r.lang).toBe("en");
    expect(r.answer.split("\n")[0]).toBe("Here is what the sheets say:");
    expect(r.citations.some((c) => c.city === "Bordeaux")).toBe(true);
  });
});

describe("POST /api/ask — follow-ups", () => {
  it("narrows « lesquelles… » to the sheets of the previous answer, and says so when none fits", async () => {
    const first = await ask("Quelles villes forment aux PSSM ?");
    const ficheIds = [...new Set(first.citations.map((c) => c.ficheId))];
    const history = [
      { role: "user", content: "Quelles villes forment aux PSSM ?" },
      { role: "assistant", content: first.answer, ficheIds },
    ];
    const none = await ask("Lesquelles ciblent les étudiants ?", { history });
    expect(none.citations).toEqual([]);
    expect(none.answer).toMatch(/Aucune des fiches de la réponse précédente/);
    const some = await ask("Lesquelles se déroulent dans les quartiers ?", { history });
    expect(some.citations.length).toBeGreaterThan(0);
    for (const c of some.citations) expect(ficheIds).toContain(c.ficheId);
    // a follow-up that chooses nothing among them, about what none of them holds, is asked of every sheet, saying so
    const outside = await ask("Et la campagne d'affichage du 3114, combien de panneaux ?", { history });
    expect(outside.answer.split("\n")[0]).toBe("Aucune des fiches de la réponse précédente ne traite de cela ; dans l'ensemble du recueil :");
    expect(outside.citations.map((c) => c.city)).toContain("Bordeaux");
    expect(outside.answer).toContain("50 panneaux");
  });

  it("answers « which troupe » of the action the last answer gave, a troupe being a theatre « compagnie »", async () => {
    const question = "Quelle ville a fait intervenir du théâtre d'impro dans les restos U pour parler santé mentale ?";
    const first = await ask(question);
    expect([...citedCities(first)]).toEqual(["Valence"]);
    const history = [
      { role: "user", content: question },
      { role: "assistant", content: first.answer, ficheIds: [...new Set(first.citations.map((c) => c.ficheId))] },
    ];
    const troupe = await ask("C'était quelle troupe ?", { history });
    expect(troupe.answer).toContain("Les excités");
  });
});

describe("POST /api/ask — k", () => {
  it("keeps at most k citations, and no answer line points at one that was dropped", async () => {
    const r = await ask("Quelles villes forment aux PSSM ?", { k: 1 });
    expect(r.citations).toHaveLength(1);
    expect(r.answer.split("\n")[0]).toBe("1 fiche répond, dans 1 ville :");
    for (const m of r.answer.matchAll(/\[(\d+)\]/g)) expect(Number(m[1])).toBe(1);
  });
});

describe("POST /api/ask — what a city does", () => {
  it("quotes what the action is, not its porteur line, when the question names only a city", async () => {
    const r = await ask("What does Lyon do for mental health?");
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.every((c) => c.city === "Lyon")).toBe(true);
    expect(r.citations[0].field).toBe("description");
  });

  it("lists every action of a city the question names with nothing more specific, as a list the chat page renders", async () => {
    const r = await ask("Que fait Lille pour la santé mentale ?");
    expect(r.intent).toBe("list");
    expect(new Set(r.citations.map((c) => c.city))).toEqual(new Set(["Lille"]));
    // the seeds hold six sheets of Lille's; a general answer quoted two
    expect(new Set(r.citations.map((c) => c.ficheId)).size).toBeGreaterThanOrEqual(5);
  });

  it("treats « Y a-t-il des actions sur … ? » as a list question", async () => {
    const r = await ask("Y a-t-il des actions sur le logement ?");
    expect(r.intent).toBe("list");
    expect(r.citations.some((c) => c.city === "Metz")).toBe(true);
  });
});

describe("POST /api/ask — grounding, filters and suggestions", () => {
  it("says what the corpus does not cover, in English too, citing nothing and offering the closest sheets apart", async () => {
    const r = await ask("screening for postpartum depression in new mothers");
    expect(r.lang).toBe("en");
    expect(r.citations).toEqual([]);
    // named in the question's words
    expect(r.answer).toContain("postpartum depression");
    expect(r.suggestions?.length).toBeGreaterThan(0);
    for (const s of r.suggestions!) expect(Object.keys(s).sort()).toEqual(["city", "ficheId", "title"]);
  });

  it("answers within the filters, and names the sheets outside them when none within answers", async () => {
    const within = await ask("Quelles villes forment aux PSSM ?", { filters: { city: "Caen" } });
    expect(citedCities(within)).toEqual(new Set(["Caen"]));
    const none = await ask("Quelles villes forment aux PSSM ?", { filters: { city: "Poitiers" } });
    expect(none.citations).toEqual([]);
    expect(none.answer).toMatch(/filtres/);
    expect(new Set(none.suggestions?.map((s) => s.city))).toEqual(new Set(["Caen", "Lille", "Roanne"]));
  });

  it("says that the sheet a question names gives no amount, rather than quoting another sheet's budget or its funders, and offers it apart", async () => {
    // « Regards sur l'Art » leaves its budget blank while other Poitiers sheets state theirs
    const fr = await ask("Combien coûte « Regards sur l'Art » à Poitiers ?");
    expect(fr.citations).toEqual([]);
    expect(fr.answer).toContain("Regards sur l'Art");
    expect(fr.suggestions?.map((s) => s.ficheId)).toEqual(["poitiers--regards-sur-art"]);
    // "how much money" asks the funders' field too: Boulogne-Billancourt names its funders, no amount
    const en = await ask("How much money does Boulogne-Billancourt's relationships and sexuality prevention action cost?");
    expect(en.citations).toEqual([]);
    expect(en.answer).toMatch(/no budget/);
    expect(en.suggestions?.map((s) => s.ficheId)).toEqual(["boulogne-billancourt--actions-prevention-vie-relationnelle-affective"]);
    // a title shared by two sheets on one action: the one holding the field asked answers
    const contact = await ask("Who is the contact person for Lille's Espaces écoute santé?");
    expect(contact.citations.map((c) => c.ficheId)).toContain("lille--les-espaces-ecoute-sante-accessibilite");
    expect(contact.answer).toContain("PAUCHET");
  });

  it("says that a sheet naming several funders gives no one funder's share, and gives the total when no funder is asked", async () => {
    // Valence's sheet: « 5000 € environ » and « Université / Ville de Valence / ARS », no amount beside any of them
    for (const question of ["What was the ARS's own contribution to the youth mental health week in Valence, in euros?", "Combien l'ARS a-t-elle apporté à la semaine santé mentale des jeunes de Valence ?"]) {
      const r = await ask(question);
      expect(r.citations).toEqual([]);
      expect(r.answer).toMatch(/l'ARS|the ARS/);
      expect(r.suggestions?.map((s) => s.ficheId)).toEqual(["valence--promotion-sante-mentale-des-jeunes"]);
    }
    const total = await ask("What is the budget of the youth mental health week in Valence?");
    expect(total.citations.map((c) => c.ficheId)).toContain("valence--promotion-sante-mentale-des-jeunes");
    expect(total.answer).toContain("5000 €");
  });

  it("cites nothing for a place the corpus never mentions, and says which", async () => {
    const r = await ask("What does Marseille do for mental health?");
    expect(r.citations).toEqual([]);
    expect(r.answer).toContain("Marseille");
  });
});
