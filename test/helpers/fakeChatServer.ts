// Test support, not used by the server: a real HTTP server on 127.0.0.1 speaking the part of
// the OpenAI chat-completions protocol ChatOpenAI uses (non-streaming). A remote model cannot
// be reached from CI, and this exercises the real client, its time-out and its error path.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeChatReply {
  status?: number;
  content?: string;
  delayMs?: number;
}

export interface FakeChatServer {
  /** base URL to give as LLM_BASE_URL, ending in /v1 */
  baseUrl: string;
  /** what the next requests get */
  reply: FakeChatReply;
  /** the last request received */
  last?: { url: string; body: { model: string; messages: { role: string; content: string }[] } };
  close(): Promise<void>;
}

export async function startFakeChatServer(): Promise<FakeChatServer> {
  const state: FakeChatServer = { baseUrl: "", reply: {}, close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      state.last = { url: req.url ?? "", body: JSON.parse(raw) };
      const { status = 200, content = "", delayMs = 0 } = state.reply;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        if (status !== 200) {
          res.end(JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
          return;
        }
        res.end(
          JSON.stringify({
            id: "chatcmpl-fake",
            object: "chat.completion",
            created: 0,
            model: state.last?.body.model,
            choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = async () => {
    // A slow reply still pending would keep close() waiting for its timer.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}
