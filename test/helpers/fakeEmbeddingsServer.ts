// Test support, not used by the product: a real HTTP server on 127.0.0.1 speaking the part of
// the OpenAI embeddings protocol OpenAIEmbeddings uses (POST /v1/embeddings, float vectors).
// Vectors are deterministic: hashed character 3-grams of the folded text, normalised, so that
// texts sharing words land near each other and retrieval over them still works.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeEmbeddingsServer {
  /** base URL to give as EMBEDDINGS_BASE_URL, ending in /v1 */
  baseUrl: string;
  /** vector size it answers with; change it to play a redeployed service */
  dimension: number;
  /** each next request is answered by the next entry (then normally): a status code, or a delay in ms */
  script: ({ status: number } | { delayMs: number })[];
  /** every request's path and body */
  requests: { url: string; model: string; inputs: string[] }[];
  close(): Promise<void>;
}

export function hashedVector(text: string, dimension: number): number[] {
  const v = new Array<number>(dimension).fill(0);
  const folded = ` ${text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ")} `;
  for (let i = 0; i + 3 <= folded.length; i++) {
    let h = 2166136261;
    for (let j = i; j < i + 3; j++) h = Math.imul(h ^ folded.charCodeAt(j), 16777619);
    v[(h >>> 0) % dimension] += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeEmbeddingsServer(dimension = 256): Promise<FakeEmbeddingsServer> {
  const state: FakeEmbeddingsServer = { baseUrl: "", dimension, script: [], requests: [], close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as { model: string; input: string | string[] };
      const inputs = typeof body.input === "string" ? [body.input] : body.input;
      state.requests.push({ url: req.url ?? "", model: body.model, inputs });
      const step = state.script.shift();
      const send = (status: number, json: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (req.url !== "/v1/embeddings") return send(404, { error: { message: "not found" } });
      if (step && "status" in step) return send(step.status, { error: { message: `fake ${step.status}`, type: "server_error" } });
      setTimeout(
        () =>
          send(200, {
            object: "list",
            model: body.model,
            data: inputs.map((t, index) => ({ object: "embedding", index, embedding: hashedVector(t, state.dimension) })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        step && "delayMs" in step ? step.delayMs : 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}
