// Test support, not used by the server: the real app over the real services built from the
// seeds (test/helpers/testServices.ts, once per process), configured like production except
// for what a test overrides.
import { getTestServices } from "./testServices.ts";
import { buildApp, type App, type BuildAppOptions } from "../../server/app.ts";
import { loadConfig, type Config } from "../../server/config.ts";
import type { AssistantServices } from "../../server/contracts.ts";

export interface TestAppOptions extends BuildAppOptions {
  /** replaces the real services, e.g. a wrapper whose method throws */
  services?: AssistantServices;
  /** changes the loaded configuration where no environment variable reaches (e.g. the response cache's admission) */
  configure?: (config: Readonly<Config>) => Readonly<Config>;
}

export async function buildTestApp(env: NodeJS.ProcessEnv = {}, opts: TestAppOptions = {}): Promise<App> {
  const { services, configure, ...appOpts } = opts;
  const config = loadConfig({ LOG_LEVEL: "silent", ...env });
  const app = buildApp(configure ? configure(config) : config, services ?? (await getTestServices()), appOpts);
  await app.ready();
  return app;
}

/** The real services with some methods replaced; the rest delegate to the real ones. */
export async function wrapServices(overrides: Partial<AssistantServices>): Promise<AssistantServices> {
  const real = await getTestServices();
  return {
    search: (q, o) => real.search(q, o),
    ask: (r) => real.ask(r),
    listFiches: () => real.listFiches(),
    getFiche: (id) => real.getFiche(id),
    similar: (id, k) => real.similar(id, k),
    ready: () => real.ready(),
    ...overrides,
  };
}

/** Parses an SSE body into its events, in order. */
export function parseEvents(body: string): { event: string; data: unknown }[] {
  return body
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data === undefined ? undefined : JSON.parse(data) };
    });
}
