import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["ingest/**/*.test.ts", "server/**/*.test.ts", "test/**/*.test.ts"],
    // tests that build the real index share one build per worker; 2 cores here
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/helpers/tempRoot.ts"],
  },
});
