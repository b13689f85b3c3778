// The real app over the real index, listening on 127.0.0.1 at a free port: for browser tests
// and anything that must go through real HTTP.
import { buildApp } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { getTestServices } from "./testServices.ts";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(opts: { allowedOrigins?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    RATE_LIMIT_MAX: "10000",
    RATE_LIMIT_ASK_MAX: "10000",
    ALLOWED_ORIGINS: (opts.allowedOrigins ?? []).join(","),
    ...opts.env,
  });
  const app = buildApp(config, await getTestServices());
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url: address, close: () => app.close() };
}
