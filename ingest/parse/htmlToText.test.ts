import { describe, expect, it } from "vitest";
import { htmlToText } from "./htmlToText.ts";

describe("htmlToText", () => {
  it("keeps list items as lines, a paragraph break as one blank line, and decodes entities", () => {
    expect(htmlToText("<p>Objectifs :</p> <ul> - Former les agents - Informer l&#39;entourage</ul>")).toBe("Objectifs :\n\n- Former les agents\n- Informer l'entourage");
  });

  it("reads a superscript as a word joined by a narrow no-break space, so a quote still matches the source word for word", () => {
    const text = htmlToText("<p>élèves de 3^{ème} et au 1 ^{er} semestre</p>");
    expect(text).toBe("élèves de 3\u202fème et au 1 er semestre");
    expect(text).not.toContain("^");
  });
});
