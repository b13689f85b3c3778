import { describe, expect, it } from "vitest";
import { digitsOf } from "./numberWords.ts";

describe("digitsOf", () => {
  it("gives the digits of English cardinals and their decades, nothing for other words", () => {
    expect(digitsOf("fifty")).toEqual(["50"]);
    expect(digitsOf("fifties")).toEqual(["50"]);
    expect(digitsOf("Twelve")).toEqual(["12"]);
    expect(digitsOf("hundred")).toEqual(["100"]);
    // "one" is a pronoun more often than a number; "ties", "fifth" are no cardinals
    for (const word of ["one", "ties", "fifth", "often"]) expect(digitsOf(word), word).toEqual([]);
  });
});
