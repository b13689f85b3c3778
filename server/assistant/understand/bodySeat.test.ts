import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "./queryContext.ts";
import { bodySeats, withoutSeats } from "./bodySeat.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("bodySeats", () => {
  it("reads a city named after a body that other cities' sheets write with it as the body's seat", () => {
    // Nantes' sheet writes « animées par le CCOMS de Lille »
    expect([...bodySeats("Quelles actions font appel au CCOMS de Lille ?", ["Lille"], corpus.index)]).toEqual(["Lille"]);
    expect([...bodySeats("Which actions draw on the CCOMS, the WHO collaborating centre in Lille?", ["Lille"], corpus.index)]).toEqual(["Lille"]);
  });

  it("keeps a city whose own body it is, and one named in another clause", () => {
    expect([...bodySeats("Quelles actions du CLSM de Lille portent sur le logement ?", ["Lille"], corpus.index)]).toEqual([]);
    expect([...bodySeats("Qui a fait venir le CCOMS ? Et que fait Lille ?", ["Lille"], corpus.index)]).toEqual([]);
  });

  it("drops the seat and its preposition from the question", () => {
    expect(withoutSeats("Quelles actions font appel au CCOMS de Lille ?", new Set(["Lille"]))).toBe("Quelles actions font appel au CCOMS ?");
  });
});
