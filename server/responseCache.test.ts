import { describe, expect, it } from "vitest";
import { createResponseCache } from "./responseCache.ts";

const body = (text: string) => Buffer.from(text);

describe("createResponseCache", () => {
  it("is off when the configuration gives it no entries", () => {
    expect(createResponseCache({ entries: 0, maxBytes: 1 << 20, admitSlots: 0 })).toBeUndefined();
  });

  it("holds at most its entries, dropping the least recently used", () => {
    const build = {};
    const cache = createResponseCache({ entries: 2, maxBytes: 1 << 20, admitSlots: 0 })!;
    for (const key of ["a", "b"]) {
      expect(cache.get(build, key)).toBeUndefined();
      cache.set(build, key, body(key));
    }
    expect(cache.get(build, "a")?.toString()).toBe("a"); // a is now the most recent
    cache.set(build, "c", body("c"));
    expect(cache.size).toBe(2);
    expect(cache.get(build, "b")).toBeUndefined();
    expect(cache.get(build, "a")?.toString()).toBe("a");
    expect(cache.get(build, "c")?.toString()).toBe("c");
  });

  it("holds at most its bytes, and never a body larger than them", () => {
    const build = {};
    const cache = createResponseCache({ entries: 100, maxBytes: 10, admitSlots: 0 })!;
    cache.get(build, "x");
    cache.set(build, "x", body("12345"));
    cache.set(build, "y", body("12345"));
    cache.set(build, "z", body("123"));
    expect(cache.get(build, "x")).toBeUndefined();
    expect(cache.get(build, "z")?.toString()).toBe("123");
    cache.set(build, "big", body("12345678901"));
    expect(cache.get(build, "big")).toBeUndefined();
  });

  it("forgets everything when another build answers, and keeps nothing a request on the old build finished", () => {
    const [old, next] = [{}, {}];
    const cache = createResponseCache({ entries: 10, maxBytes: 1 << 20, admitSlots: 0 })!;
    cache.get(old, "q");
    cache.set(old, "q", body("old"));
    expect(cache.get(old, "q")?.toString()).toBe("old");
    expect(cache.get(next, "q")).toBeUndefined();
    cache.set(old, "q", body("old, late")); // began before the swap
    expect(cache.get(next, "q")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("with admitSlots, keeps a body at its key's second asking only", () => {
    const build = {};
    const cache = createResponseCache({ entries: 10, maxBytes: 1 << 20, admitSlots: 64 })!;
    for (const key of ["once", "twice", "twice"]) {
      if (!cache.get(build, key)) cache.set(build, key, body(key));
    }
    expect(cache.get(build, "once")).toBeUndefined();
    expect(cache.get(build, "twice")?.toString()).toBe("twice");
    expect(cache.size).toBe(1);
  });

  it("says ahead which bodies it would keep, with the same rule, counting that as the asking", () => {
    const build = {};
    const cache = createResponseCache({ entries: 10, maxBytes: 1 << 20, admitSlots: 64 })!;
    const kept: string[] = [];
    for (const key of ["once", "twice", "twice", "thrice", "thrice", "thrice"]) {
      if (!cache.get(build, key) && cache.admits(build, key)) {
        cache.set(build, key, body(key), true);
        kept.push(key);
      }
    }
    expect(kept).toEqual(["twice", "thrice"]);
    expect(cache.get(build, "once")).toBeUndefined();
    expect(cache.admits({}, "twice")).toBe(false); // a request that began on another build
  });
});
