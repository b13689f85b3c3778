import { describe, expect, it } from "vitest";
import { jsProjection, simdProjection } from "./simdProjection.ts";

/** A small deterministic generator: the same cases on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
}

function basis(rows: number, d: number, rnd: () => number): Int8Array {
  // the whole int8 range, its ends included (the quantised basis uses -127…127; -128 tests the widening)
  return Int8Array.from({ length: rows * d }, (_, i) => (i % 97 === 0 ? -128 : i % 89 === 0 ? 127 : Math.round(rnd() * 254) - 127));
}

describe("simdProjection", () => {
  it("is available here (Node's V8 has wasm SIMD): the module assembles and validates", () => {
    expect(simdProjection(new Int8Array(16 * 3), 16)).toBeDefined();
  });

  it("gives the JavaScript loop's doubles bit for bit: any row count (groups of four and the rows left), weights of any size, repeated rows", () => {
    const rnd = random(11);
    for (const d of [16, 48, 256]) {
      const rows = 300;
      const values = basis(rows, d, rnd);
      const js = jsProjection(values, d);
      const simd = simdProjection(values, d)!;
      for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32, 33, 250, 1_500, 3_000]) {
        const indices = Array.from({ length: n }, () => Math.floor(rnd() * rows));
        const weights = Array.from({ length: n }, () => (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12 - 6));
        const expected = Array.from(js.project(indices, (i) => weights[i]));
        const got = Array.from(simd.project(indices, (i) => weights[i]));
        expect(got.length).toBe(d);
        // Object.is: the same doubles, signs of zero included
        const differing = got.filter((x, j) => !Object.is(x, expected[j])).length;
        expect(differing, `d ${d}, ${n} rows`).toBe(0);
      }
    }
  });

  it("starts each projection from zero, whatever the previous one left", () => {
    const values = basis(10, 16, random(3));
    const simd = simdProjection(values, 16)!;
    const first = Array.from(simd.project([1, 2, 3, 4, 5], () => 0.5));
    simd.project([7, 7, 7], () => 3);
    expect(Array.from(simd.project([1, 2, 3, 4, 5], () => 0.5))).toEqual(first);
    expect(Array.from(simd.project([], () => 1)).every((x) => x === 0)).toBe(true);
  });

  it("declines a dimension that is no multiple of 16 (the JavaScript loop serves it)", () => {
    expect(simdProjection(new Int8Array(7 * 5), 7)).toBeUndefined();
  });
});
