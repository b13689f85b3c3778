// "How much did the ARS itself put into…?": one funder's share of an amount. A sheet that names several funders, that
// one among them, and writes no amount beside its name states the total, everyone's money, not that share.
import { analyze } from "../../../ingest/text/index.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import { AMOUNT_SHAPE } from "../understand/valueType.ts";
import { isPlaceholder } from "./findValue.ts";

/** The items of a funders field: "Université / Ville de Valence / ARS", "ARS, CAF et Ville". */
const ITEM_SEPARATOR = /\s*(?:[/,;\n•]|\s(?:et|and)\s)\s*/iu;
/** A sentence or a line. */
const SENTENCE = /(?<=[.!?])\s+|\n/;

/** The funder the question names (an acronym: ctx.entities), as it writes it, when each of the sheets leaves that
 * funder's share unstated; else nothing. */
export function funderShareNotGiven(ctx: QueryContext, ficheIds: readonly string[]): string | undefined {
  if (ctx.entities.length === 0 || ficheIds.length === 0) return undefined;
  const named = new Set<string>();
  const unstated = ficheIds.every((id) => {
    const chunks = ctx.index.chunksByFiche.get(id) ?? [];
    const funders = chunks.filter((c) => c.field === "funders" && !isPlaceholder(c.text));
    const inFunders = ctx.entities.filter((e) => funders.some((c) => analyze(c.text).includes(e)));
    // (a sole funder's share is the whole amount)
    const items = funders.flatMap((c) => c.text.split(ITEM_SEPARATOR)).filter((item) => item.trim().length > 1);
    if (inFunders.length === 0 || items.length < 2) return false;
    for (const e of inFunders) named.add(e);
    return !chunks.some((c) => c.text.split(SENTENCE).some((s) => AMOUNT_SHAPE.test(s) && inFunders.some((e) => analyze(s).includes(e))));
  });
  if (!unstated) return undefined;
  // as written, with its article ("the ARS", « l'ARS »), for the answer to name it
  for (const m of ctx.question.matchAll(/(?:(?<![\p{L}])(?:l['’]|(?:la|le|les|the)\s+))?([\p{L}\p{N}-]+)/gu)) if (named.has(analyze(m[1])[0] ?? "")) return m[0];
  return [...named][0];
}
