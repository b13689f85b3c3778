// French communes by name, from the official lists of @etalab/decoupage-administratif (INSEE's
// Code officiel géographique): a place a question names ("Grenoble's mental health week") may be
// a town the corpus mentions in passing without any sheet from it. Read once, on the first
// question that needs it (8 MB of JSON); only the folded names are kept.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
import { TUNING } from "../tuning.ts";

const CommuneList = z.array(z.object({ nom: z.string(), type: z.string(), population: z.number().optional() }).passthrough());

/** Case, accents, hyphens and apostrophes ignored: "Bourg-en-Bresse" = "bourg en bresse". */
export function communeKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[-'’\s]+/g, " ").trim();
}

let names: ReadonlySet<string> | undefined;

/** Whether `name` is a current French commune of at least TUNING's population. */
export function isCommune(name: string): boolean {
  if (!names) {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve("@etalab/decoupage-administratif/package.json")), "data", "communes.json");
    const min = TUNING.understand.placeMinPopulation;
    names = new Set(
      CommuneList.parse(JSON.parse(readFileSync(file, "utf8")))
        .filter((c) => c.type === "commune-actuelle" && (c.population ?? 0) >= min)
        .map((c) => communeKey(c.nom)),
    );
  }
  return names.has(communeKey(name));
}
