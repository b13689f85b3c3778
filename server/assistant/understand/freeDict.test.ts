import { gzipSync } from "node:zlib";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createQueryExpander } from "./createQueryExpander.ts";
import { knowsWord, loadFreeDict, parseDictd, translate } from "./freeDict.ts";

/** A dictd pair (.index, .dict) built the way dictfmt writes it: base-64 offsets and lengths. */
function dictd(entries: [string, string][]): { index: string; dict: Buffer } {
  const b64 = (n: number) => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let s = "";
    do {
      s = alphabet[n % 64] + s;
      n = Math.floor(n / 64);
    } while (n > 0);
    return s;
  };
  const parts: Buffer[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const [word, body] of entries) {
    const bytes = Buffer.from(`${word} /ipa/\n${body}\n`, "utf8");
    lines.push(`${word}\t${b64(offset)}\t${b64(bytes.length)}`);
    parts.push(bytes);
    offset += bytes.length;
  }
  return { index: lines.join("\n"), dict: Buffer.concat(parts) };
}

const sample = dictd([
  ["farmer", "1. fermier\n2. laboureur, paysan\n3. agriculteur"],
  ["neighbourhood", "quartier"],
  ["town hall", "hôtel de ville"],
]);

describe("parseDictd", () => {
  it("reads the first alternatives of the first senses, by headword", () => {
    const d = parseDictd(sample.index, sample.dict);
    expect(translate(d, "farmer")).toEqual(["fermier", "laboureur", "paysan"]);
    expect(translate(d, "farmers")).toEqual(["fermier", "laboureur", "paysan"]);
    expect(translate(d, "neighbourhood")).toEqual(["quartier"]);
    expect(d.has("town hall")).toBe(false); // multi-word headwords are the glossary's job
  });

  it("loads the gzipped .dict.dz beside its index, and reports absence as undefined", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dict-"));
    await writeFile(join(dir, "x.index"), sample.index);
    await writeFile(join(dir, "x.dict.dz"), gzipSync(sample.dict));
    expect(translate(loadFreeDict(join(dir, "x"))!, "farmer")).toContain("paysan");
    expect(loadFreeDict(join(dir, "missing"))).toBeUndefined();
  });
});

describe("createQueryExpander with a general dictionary", () => {
  it("gives the French of English words the glossary leaves for grounding, never for search, and nothing for French questions", async () => {
    const expand = await createQueryExpander(true, undefined, parseDictd(sample.index, sample.dict));
    const en = expand("Which actions support farmers?");
    expect(en.lang).toBe("en");
    expect(en.expanded).not.toContain("paysan");
    expect(en.dictionaryWords).toContainEqual(expect.arrayContaining(["farmer", "paysan"]));
    const fr = expand("Quelles actions pour les agriculteurs ?");
    expect(fr).toMatchObject({ lang: "fr", expanded: "Quelles actions pour les agriculteurs ?", added: [] });
  });
});

describe("createQueryExpander: English acronyms", () => {
  it("keeps an acronym the question writes in capitals, however short, and not the same word in lower case", async () => {
    const expand = await createQueryExpander(true, undefined, parseDictd(sample.index, sample.dict), null);
    expect(expand("Which cities set up a CUMP after a flood?").acronyms).toEqual(["CUMP"]);
    expect(expand("job coaching on the IPS model for farmers").acronyms).toEqual(["IPS"]);
    expect(expand("Which cities train farmers in ips?").acronyms ?? []).toEqual([]);
  });
});

describe("knowsWord", () => {
  it("knows a headword and its regular inflections, not a misspelling", () => {
    const dict = new Map([["host", ["hôte"]], ["train", ["former"]], ["city", ["ville"]]]);
    for (const w of ["host", "hosted", "hosts", "training", "cities"]) expect(knowsWord(dict, w)).toBe(true);
    // the consonant English spelling doubles before -ed, -ing ("planned" is no typo of "planner")
    const plan = new Map([["plan", ["plan"]], ["run", ["courir"]]]);
    for (const w of ["planned", "planning", "running"]) expect(knowsWord(plan, w)).toBe(true);
    expect(knowsWord(dict, "hostel")).toBe(false);
    expect(knowsWord(dict, "univeristy")).toBe(false);
  });
});
