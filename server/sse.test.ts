import { describe, expect, it } from "vitest";
import { textPieces } from "./sse.ts";

describe("textPieces", () => {
  it.each([
    "Lille forme aux PSSM. [1] Poitiers aussi [2].",
    "- Lille : PSSM [1]\n- Nantes : balades [2]\n\nFin [3].",
    "Budget : 1.5 M€ [1]… Et après ? [2]!",
    "",
    "Sans ponctuation",
  ])("cuts %j into pieces that join back to the text", (text) => {
    expect(textPieces(text).join("")).toBe(text);
  });

  it("gives one piece per sentence or line", () => {
    expect(textPieces("A [1]. B [2].\nC [3]")).toEqual(["A [1]. ", "B [2].", "\n", "C [3]"]);
  });
});
