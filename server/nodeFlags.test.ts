import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingNodeFlags, SERVER_NODE_FLAGS } from "./nodeFlags.ts";
import { TUNING } from "./assistant/tuning.ts";

describe("server node flags", () => {
  it("are what npm start passes, with the tuned young generation", () => {
    const start = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts.start as string;
    expect(SERVER_NODE_FLAGS).toContain(`--max-semi-space-size=${TUNING.scale.semiSpaceMb}`);
    for (const flag of SERVER_NODE_FLAGS) expect(start.split(/\s+/)).toContain(flag);
    expect(missingNodeFlags(start.split(/\s+/), "")).toEqual([]);
  });

  it("names a flag a process was started without, and takes one given with a value of its own or through NODE_OPTIONS", () => {
    expect(missingNodeFlags([], "")).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingNodeFlags(["--max-semi-space-size=16"], "")).toEqual(["--expose-gc"]);
    expect(missingNodeFlags(["--max-semi-space-size=16", "--expose-gc"], "")).toEqual([]);
    expect(missingNodeFlags([], "--max_semi_space_size=8 --expose_gc --enable-source-maps")).toEqual([]);
  });
});
