// What running behind a city's reverse proxy, as several replicas, needs: slow clients dropped,
// quotas per real client (X-Forwarded-For through trusted proxies only) on the API alone, shared
// through Redis between replicas, HSTS only over HTTPS, framing by listed origins.
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { redisMissing, startRedis, type RedisServer } from "./helpers/redisServer.ts";
import { buildTestApp } from "./helpers/testApp.ts";
import { getTestServices } from "./helpers/testServices.ts";

const search = (app: App, ip: string, forwardedFor?: string) =>
  app.inject({ url: "/api/search?q=PSSM", remoteAddress: ip, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });

describe("slow clients", () => {
  let app: App | undefined;
  afterAll(() => app?.close());

  /** Opens a raw socket, sends `data`, resolves with how long the server took to close it. */
  const closedAfter = (port: number, data: string) =>
    new Promise<number>((resolve, reject) => {
      const start = Date.now();
      const socket = connect(port, "127.0.0.1", () => socket.write(data));
      socket.on("error", () => {}); // a reset is a close too
      socket.resume(); // read what the server sends (a 408), so its close is seen
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the server kept a slow client's socket open: ${JSON.stringify(data.slice(0, 30))}`));
      }, 8_000);
      socket.on("close", () => {
        clearTimeout(timer);
        resolve(Date.now() - start);
      });
    });

  it("drops a trickled body, unfinished headers and an idle keep-alive, while others are served", async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", REQUEST_TIMEOUT_MS: "1500", HEADERS_TIMEOUT_MS: "1000", KEEP_ALIVE_TIMEOUT_MS: "500", IDLE_TIMEOUT_MS: "3000" });
    app = buildApp(config, await getTestServices());
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as { port: number };

    const slowBody = closedAfter(port, "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"question\"");
    const slowHeaders = closedAfter(port, "GET /health HTTP/1.1\r\nHost: x\r\n");
    const idle = closedAfter(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    // served meanwhile
    const res = await fetch(`http://127.0.0.1:${port}/api/search?q=PSSM`);
    expect(res.status).toBe(200);

    const [body, headers, keepAlive] = await Promise.all([slowBody, slowHeaders, idle]);
    expect(body).toBeLessThan(1500 + 2000);
    expect(headers).toBeLessThan(1000 + 2000);
    expect(keepAlive).toBeLessThan(500 + 2000);
  });
});

describe("quotas behind a trusted proxy", () => {
  it("counts each client behind the proxy apart, on the API only, and ask more dearly than search", async () => {
    const app = await buildTestApp({ TRUST_PROXY: "10.0.0.5", RATE_LIMIT_MAX: "3", RATE_LIMIT_ASK_MAX: "1" });
    for (let i = 0; i < 3; i++) expect((await search(app, "10.0.0.5", "192.168.1.10")).statusCode).toBe(200);
    expect((await search(app, "10.0.0.5", "192.168.1.10")).statusCode).toBe(429);
    // another officer behind the same proxy has their own quota
    expect((await search(app, "10.0.0.5", "192.168.1.11")).statusCode).toBe(200);
    // the page, its assets and the probes are never counted
    for (const url of ["/", "/widget.js", "/assets/app.js", "/health", "/ready", "/", "/assets/app.css"]) {
      expect((await app.inject({ url, remoteAddress: "10.0.0.5", headers: { "x-forwarded-for": "192.168.1.10" } })).statusCode).toBe(200);
    }
    const ask = () => app.inject({ method: "POST", url: "/api/ask", remoteAddress: "10.0.0.5", headers: { "x-forwarded-for": "192.168.1.12" }, payload: { question: "PSSM" } });
    expect((await ask()).statusCode).toBe(200);
    const refused = await ask();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/limit is 1 requests per minute/);
    await app.close();
  });

  it("ignores X-Forwarded-For from an address that is not a trusted proxy", async () => {
    const app = await buildTestApp({ TRUST_PROXY: "10.0.0.5", RATE_LIMIT_MAX: "2" });
    expect((await search(app, "10.9.9.9", "1.1.1.1")).statusCode).toBe(200);
    expect((await search(app, "10.9.9.9", "2.2.2.2")).statusCode).toBe(200);
    // a spoofed header does not buy a fresh quota
    expect((await search(app, "10.9.9.9", "3.3.3.3")).statusCode).toBe(429);
    await app.close();
  });
});

describe("HTTPS and framing headers", () => {
  it("sends HSTS only over HTTPS, as told by a trusted proxy", async () => {
    const app = await buildTestApp({ TRUST_PROXY: "10.0.0.5" });
    const hsts = async (ip: string, proto?: string) =>
      (await app.inject({ url: "/health", remoteAddress: ip, headers: proto ? { "x-forwarded-proto": proto } : {} })).headers["strict-transport-security"];
    expect(await hsts("10.0.0.5")).toBeUndefined();
    expect(await hsts("10.0.0.5", "https")).toMatch(/max-age=\d+/);
    expect(await hsts("10.9.9.9", "https")).toBeUndefined();
    await app.close();
  });

  it("lets the origins in FRAME_ANCESTORS frame the page, and only the page's own by default", async () => {
    const framed = await buildTestApp({ FRAME_ANCESTORS: "https://intranet.ville-a.fr,https://portail.ville-b.fr" });
    const res = await framed.inject({ url: "/" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'self' https://intranet.ville-a.fr https://portail.ville-b.fr");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    await framed.close();
    const plain = await buildTestApp({});
    const own = await plain.inject({ url: "/" });
    expect(own.headers["content-security-policy"]).toContain("frame-ancestors 'self';");
    expect(own.headers["x-frame-options"]).toBe("SAMEORIGIN");
    await plain.close();
  });
});

const noRedis = redisMissing();
if (noRedis && !process.env.CI) console.log(`skipping the shared-quota test: ${noRedis}`);

describe.skipIf(noRedis !== undefined && !process.env.CI)("quotas shared through Redis", () => {
  let redis: RedisServer | undefined;
  afterAll(() => redis?.stop());

  it("counts a client's requests across two replicas against one quota", async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, RATE_LIMIT_MAX: "4", TRUST_PROXY: "10.0.0.5" };
    const [a, b] = [await buildTestApp(env), await buildTestApp(env)];
    const codes: number[] = [];
    for (const app of [a, b, a, b, a, b]) codes.push((await search(app, "10.0.0.5", "192.168.7.7")).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    // another client still has its quota on either replica
    expect((await search(b, "10.0.0.5", "192.168.7.8")).statusCode).toBe(200);
    await Promise.all([a.close(), b.close()]);
  });
});
