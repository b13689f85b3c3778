// HNSW recall@10 of one built index: `npx tsx bench/recall.ts INDEX_DIR [EF,EF…] [M EF_CONSTRUCTION]`;
// with M and efConstruction, the index's vectors are first put in a new graph of those parameters.
import { hnswRecall } from "./hnswRecall.ts";

const [, , indexDir = "index", efs, m, efc] = process.argv;
const r = await hnswRecall(indexDir, efs ? efs.split(",").map(Number) : undefined, m && efc ? { M: Number(m), efConstruction: Number(efc) } : undefined);
console.log(`M ${r.M}, efConstruction ${r.efConstruction}${r.buildS !== undefined ? `, built in ${r.buildS.toFixed(1)} s` : ""}`);
console.table(Object.fromEntries(r.rows.map((x) => [`ef ${x.ef}`, { recall_at_10: x.recallAt10.toFixed(3), strict: x.strictRecallAt10.toFixed(3), ms_per_query: x.msPerQuery.toFixed(2) }])));
