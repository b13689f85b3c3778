// A document dropped into the seeds folder is parsed, indexed and found through the server's
// services with no code change: an end-to-end check across ingest and server, so it lives here.
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../ingest/buildIndex.ts";
import { buildServices } from "../server/services/buildServices.ts";
import { SEEDS_DIR } from "./helpers/buildTestIndex.ts";

const quiet = () => {};

async function seedsCopy(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "seeds-")), "seeds");
  await cp(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

describe("a new document dropped in the seeds folder", () => {
  it("is ingested with no code change and found by search", async () => {
    const seeds = await seedsCopy();
    await writeFile(
      join(seeds, "005_grenoble.txt"),
      [
        "",
        "Jardins partagés thérapeutiques au pied des immeubles",
        "",
        "Ville Santé\tGrenoble",
        "Date de rédaction de la fiche-action\t3 mars 2024",
        "Période\tDepuis 2022",
        "Porteur/pilote principal\tVille de Grenoble, service santé",
        "Partenaires\tCMP du secteur, bailleur Actis, association Cultivons",
        "Budget :\t",
        "- Budget de fonctionnement annuel (réel ou estimé)\t12 500€",
        "<p>Description de l'action (objectifs, déroulé...)</p>\t<p>Des ateliers de jardinage hebdomadaires réunissent des habitants suivis par le CMP et leurs voisins dans des potagers partagés.</p>",
        "",
      ].join("\n"),
    );
    const indexDir = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    const manifest = await buildIndex({ seedsDir: seeds, indexDir, embedder: "builtin", log: quiet });
    expect(manifest.counts).toMatchObject({ documents: 6, fiches: 30 });

    const services = await buildServices({ indexDir, embedder: "builtin" });
    const card = services.listFiches().fiches.find((f) => f.city === "Grenoble");
    expect(card?.title).toBe("Jardins partagés thérapeutiques au pied des immeubles");
    expect(card?.fields.budget_operating).toBe("12 500€");
    const hits = await services.search("potagers partagés jardinage avec des patients du CMP", { k: 5, filters: {} });
    expect(hits[0]?.city).toBe("Grenoble");
  });
});
