import { describe, expect, it } from "vitest";
import { progressBar } from "./progressBar.ts";

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } };
};

describe("progressBar", () => {
  it("writes one line per step when the stream is not a terminal", () => {
    const { out, stream } = sink(false);
    const bar = progressBar("embed", 700, { stream, unit: "texts" });
    for (let i = 0; i < 7; i++) bar.tick(100);
    bar.done();
    expect(out).toHaveLength(7);
    expect(out.at(-1)).toBe("embed 100% (700/700 texts)\n");
  });

  it("redraws one line in place on a terminal and ends it once done", () => {
    const { out, stream } = sink(true);
    const bar = progressBar("embed", 4, { stream, width: 4 });
    bar.tick(2);
    bar.done();
    expect(out[0]).toBe("\rembed [##  ]  50% 2/4");
    expect(out.at(-1)).toBe("\n");
  });

  it("adds no last line to a job that stopped part-way", () => {
    const { out, stream } = sink(false);
    const bar = progressBar("embed", 100, { stream });
    bar.done();
    expect(out).toEqual([]);
  });
});
