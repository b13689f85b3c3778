// Where a sheet's city lies: its commune (or intercommunality, e.g. a métropole) and
// département, looked up by name in the official lists of @etalab/decoupage-administratif
// (INSEE's Code officiel géographique). No table of the corpus's cities: any French commune
// name resolves. The lists weigh 12 MB, so they are read once, on the first call, and only the
// answers for the names asked are kept.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface Place {
  /** the name as the corpus writes it */
  name: string;
  kind: "commune" | "epci";
  /** INSEE code of the commune, or SIREN of the intercommunality */
  code: string;
  departement: string;
  departementName: string;
}

interface Commune { code: string; nom: string; departement?: string; type: string; population?: number }
interface Epci { code: string; nom: string; membres: { code: string; populationTotale?: number }[] }
interface Departement { code: string; nom: string }

/** Case, accents, hyphens and apostrophes ignored: "Bourg-en-Bresse" = "bourg en bresse". */
export function placeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-'’\s]+/g, " ")
    .trim();
}

interface Gazetteer {
  communes: Map<string, Commune>;
  communeByCode: Map<string, Commune>;
  epcis: Map<string, Epci>;
  departements: Map<string, string>;
}

function readGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("@etalab/decoupage-administratif/package.json")), "data");
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as T;
  const communes = new Map<string, Commune>();
  const communeByCode = new Map<string, Commune>();
  for (const c of read<Commune[]>("communes.json")) {
    if (c.type !== "commune-actuelle" || !c.departement) continue;
    communeByCode.set(c.code, c);
    const key = placeKey(c.nom);
    // homonyms (several Valence, Montreuil…): the most populous is the one a national network means
    const known = communes.get(key);
    if (!known || (c.population ?? 0) > (known.population ?? 0)) communes.set(key, c);
  }
  const epcis = new Map(read<Epci[]>("epci.json").map((e) => [placeKey(e.nom), e]));
  const departements = new Map(read<Departement[]>("departements.json").map((d) => [d.code, d.nom]));
  return { communes, communeByCode, epcis, departements };
}

/** The places of `names` that the official lists know; unknown names are left out. */
export function locatePlaces(names: readonly string[], gazetteer: Gazetteer = readGazetteer()): Place[] {
  const places: Place[] = [];
  for (const name of names) {
    const key = placeKey(name);
    const commune = gazetteer.communes.get(key);
    const epci = gazetteer.epcis.get(key);
    if (commune?.departement) {
      places.push({ name, kind: "commune", code: commune.code, departement: commune.departement,
        departementName: gazetteer.departements.get(commune.departement) ?? commune.departement });
    } else if (epci) {
      // an intercommunality lies where its most populous member (its centre) lies
      const seat = [...epci.membres].sort((a, b) => (b.populationTotale ?? 0) - (a.populationTotale ?? 0))[0];
      const dep = seat && gazetteer.communeByCode.get(seat.code)?.departement;
      if (dep) places.push({ name, kind: "epci", code: epci.code, departement: dep, departementName: gazetteer.departements.get(dep) ?? dep });
    }
  }
  return places;
}
