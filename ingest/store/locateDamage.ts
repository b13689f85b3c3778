// LangChain's HNSWLib.load reads three files and its errors name none of them (a bare
// SyntaxError, or hnswlib's "corrupted"). After a failed load only, this finds which one is
// damaged, so the message names a file an operator can look at.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";

const JSON_FILES = ["args.json", "docstore.json"];
const GRAPH_FILE = "hnswlib.index";

export async function locateDenseDamage(denseDir: string): Promise<string> {
  for (const name of JSON_FILES) {
    const file = join(denseDir, name);
    try {
      JSON.parse(await readFile(file, "utf8"));
    } catch {
      return file;
    }
  }
  const graph = join(denseDir, GRAPH_FILE);
  await stat(graph).catch(() => undefined);
  return graph;
}
