// `npm run ingest -- --report`: per sheet, which canonical fields were found and which are
// empty, so a gap in parsing shows at a glance.
import { CANONICAL_FIELDS, type Fiche } from "../types.ts";

export function fieldReport(fiches: Fiche[]): string {
  const lines: string[] = [];
  for (const f of fiches) {
    const names = new Set(f.fields.map((x) => x.name));
    const found = CANONICAL_FIELDS.filter((n) => names.has(n));
    const empty = CANONICAL_FIELDS.filter((n) => !names.has(n));
    const extra = [...names].filter((n) => n.startsWith("extra_"));
    lines.push(`${f.kind === "synthese" ? "[synthèse] " : ""}${f.city} — ${f.title}  (${f.source}:${f.startLine}, ${f.id})`);
    lines.push(`  found (${found.length}/${CANONICAL_FIELDS.length}): ${found.join(", ")}`);
    lines.push(`  empty: ${empty.join(", ") || "—"}`);
    if (extra.length) lines.push(`  extra (${extra.length}): ${extra.slice(0, 8).join(", ")}${extra.length > 8 ? ", …" : ""}`);
  }
  return lines.join("\n");
}
