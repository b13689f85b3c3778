import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fetchModel } from "./fetchModel.ts";

const quiet = { log: () => {}, progress: false as const };

describe("fetchModel (npm run model:fetch)", () => {
  it("fails at once with a clear message when the hub cannot be reached, writing nothing", async () => {
    // a port nobody listens on: refused at once, as an offline machine's DNS failure is
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const modelDir = join(await mkdtemp(join(tmpdir(), "models-")), "models");
    const started = performance.now();
    await expect(fetchModel({ modelDir, hubUrl: `http://127.0.0.1:${port}/`, ...quiet })).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:\d+\/ \(ECONNREFUSED\).*copy MODEL_DIR/);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await readdir(modelDir).catch(() => "absent")).toBe("absent");
  });

  it("keeps nothing when the downloaded files do not load (a broken mirror)", async () => {
    // a hub that serves every file, but junk: the download runs through the real loader, verification refuses it
    const hub = http.createServer((req, res) => {
      const body = req.url?.endsWith(".json") ? "{}" : "not an onnx model";
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    });
    await new Promise<void>((r) => hub.listen(0, "127.0.0.1", r));
    try {
      const modelDir = await mkdtemp(join(tmpdir(), "models-"));
      const hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
      await expect(fetchModel({ modelDir, hubUrl, ...quiet })).rejects.toThrow(/model:fetch: .*nothing was (written|kept)/);
      expect(await readdir(modelDir)).toEqual([]);
    } finally {
      hub.closeAllConnections();
      await new Promise((r) => hub.close(r));
    }
  });
});
