import hnswlib from "hnswlib-node";
import { describe, expect, it } from "vitest";
import { simdCosineScan } from "./simdScan.ts";

/** Deterministic pseudo-random vectors. */
function vectors(count: number, dim: number, seed: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  return Array.from({ length: count }, () => Array.from({ length: dim }, next));
}

describe("simdCosineScan", () => {
  it("answers as hnswlib's brute-force cosine index does, order and ties included", () => {
    const dim = 64;
    // 103 rows: not a multiple of four; a repeated row makes ties, which go to the lower label
    const points = vectors(103, dim, 7);
    points[50] = [...points[10]];
    const brute = new hnswlib.BruteforceSearch("cosine", dim);
    brute.initIndex(points.length);
    points.forEach((p, i) => brute.addPoint(p, i));
    const scan = simdCosineScan(points, dim);
    expect(scan).toBeDefined();
    for (const q of [...vectors(40, dim, 11), points[10], points[3]]) {
      for (const k of [1, 10, 60, points.length]) expect(scan!.searchKnn(q, k).neighbors).toEqual(brute.searchKnn(q, k).neighbors);
    }
  });

  it("leaves a dimension that is not a multiple of 16 to hnswlib", () => {
    expect(simdCosineScan(vectors(4, 20, 1), 20)).toBeUndefined();
  });
});
