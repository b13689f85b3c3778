// Exact cosine search over a small index's vectors in WebAssembly SIMD: the same figures, bit for
// bit, as hnswlib's brute-force index (which it replaces when the runtime has wasm SIMD), at about a
// third of its cost per question (the native call converted the question's 256 numbers one by one,
// and built its answer arrays the same way).
//
// Same figures: hnswlib-node rounds the question to float32 and normalises it (a float sum of
// squares in order, a float square root, a float division), as it did every stored vector when it
// was added; its distance for a dimension that is a multiple of 16 (SSE build) is 1 − Σ, with Σ
// four float lanes accumulated four floats at a time in order, then added lane 0 + 1 + 2 + 3. The
// module below does those very operations (f32x4.mul, f32x4.add, then the lanes in that order); the
// normalisations are done in JavaScript with Math.fround, which rounds each double result of a float
// operation to the float the C++ computes (a double holds enough bits for that to be exact). The
// nearest k are hnswlib's too: the k smallest (distance, label) pairs, in that order.

/** The module, assembled here (no toolchain in the build): `dots(q, m, n, rowBytes, out)` writes, for
 * n rows (a multiple of 4), out[i] = 1 − ((l0 + l1) + l2) + l3, where l = Σ over the row in steps of
 * four of q·m[i]. Four rows at a time, each with its own accumulator: a row's sum keeps its order, and
 * the four chains overlap (one accumulator waits on each addition, as hnswlib's does). */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const uleb = (n: number): number[] => {
    const out: number[] = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n !== 0) b |= 0x80;
      out.push(b);
    } while (n !== 0);
    return out;
  };
  const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
  const str = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
  const I32 = 0x7f;
  const V128 = 0x7b;
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (v: number) => [0x41, v]; // small non-negative constants only (one LEB byte, < 64)
  const simd = (op: number, ...rest: number[]) => [0xfd, ...uleb(op), ...rest];
  const load = simd(0x00, 0x00, 0x00); // v128.load, no alignment assumed
  const [Q, M, N, ROW, OUT, I, J, P, PJ, QV] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const ACC = [10, 11, 12, 13];
  const lane = (acc: number, l: number) => [...get(acc), ...simd(0x1f, l)]; // f32x4.extract_lane
  const rowsStep: number[] = [];
  ACC.forEach((acc, r) => {
    // acc_r += q·row_r (pj walks the four rows at column j)
    if (r === 0) rowsStep.push(...get(P), ...get(J), 0x6a, ...set(PJ));
    else rowsStep.push(...get(PJ), ...get(ROW), 0x6a, ...set(PJ));
    rowsStep.push(...get(acc), ...get(QV), ...get(PJ), ...load, ...simd(0xe6), ...simd(0xe4), ...set(acc)); // f32x4.mul, f32x4.add
  });
  const stores: number[] = [];
  ACC.forEach((acc, r) => {
    stores.push(
      ...get(OUT), ...get(I), ...i32(r), 0x6a, ...i32(2), 0x74, 0x6a, // &out[i + r]
      0x43, 0x00, 0x00, 0x80, 0x3f, // f32.const 1
      ...lane(acc, 0), ...lane(acc, 1), 0x92, ...lane(acc, 2), 0x92, ...lane(acc, 3), 0x92, // ((l0 + l1) + l2) + l3
      0x93, // 1 − sum
      0x38, 0x02, 0x00, // f32.store
    );
  });
  const zero = (acc: number) => [...simd(0x0c, ...new Array(16).fill(0)), ...set(acc)];
  const code = [
    ...[0x02, 0x04, I32, 0x05, V128], // locals: i, j, p, pj (i32); qv, acc0..3 (v128)
    ...get(M), ...set(P),
    0x02, 0x40, // block
    0x03, 0x40, // loop (four rows at a time)
    ...get(I), ...get(N), 0x4f, 0x0d, 0x01, // i >= n: out of the block
    ...ACC.flatMap(zero),
    ...i32(0), ...set(J),
    0x03, 0x40, // loop (columns, by 16 bytes)
    ...get(Q), ...get(J), 0x6a, ...load, ...set(QV),
    ...rowsStep,
    ...get(J), ...i32(16), 0x6a, ...tee(J), ...get(ROW), 0x49, 0x0d, 0x00, // j += 16; j < row: again
    0x0b, // end columns
    ...stores,
    ...get(P), ...get(ROW), ...i32(2), 0x74, 0x6a, ...set(P), // p += 4 rows
    ...get(I), ...i32(4), 0x6a, ...set(I), // i += 4
    0x0c, 0x00, // next rows
    0x0b, // end loop
    0x0b, // end block
    0x0b, // end function
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x05, I32, I32, I32, I32, I32, 0x00]), // type: (i32 ×5) -> ()
    ...section(3, [0x01, 0x00]), // one function of that type
    ...section(5, [0x01, 0x00, 0x01]), // one memory, 1 page at first
    ...section(7, [0x02, ...str("memory"), 0x02, 0x00, ...str("dots"), 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(code.length), ...code]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;
function simdModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    const bytes = moduleBytes();
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled ?? undefined;
}

/** Float32 normalisation as hnswlib-node's normalizePoint does it, in place. */
function normalizeLikeHnswlib(v: Float32Array): void {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum = Math.fround(sum + Math.fround(v[i] * v[i]));
  const norm = Math.fround(Math.sqrt(Math.abs(sum)));
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = Math.fround(v[i] / norm);
}

export interface ExactScan {
  /** the k nearest rows, nearest first (label = row), as hnswlib's searchKnn answers */
  searchKnn(query: readonly number[], k: number): { neighbors: number[] };
}

/**
 * An exact cosine scan over these vectors (each normalised here, as hnswlib's cosine space does when a
 * point is added), or undefined when the runtime lacks wasm SIMD or the dimension is not a multiple of 16.
 */
export function simdCosineScan(vectors: readonly (readonly number[])[], dimension: number): ExactScan | undefined {
  const module = simdModule();
  if (!module || dimension % 16 !== 0 || dimension === 0) return undefined;
  const n = vectors.length;
  const rows = Math.ceil(n / 4) * 4; // the module reads four rows at a time: zero rows pad the last four
  const rowBytes = dimension * 4;
  // layout: the query, the matrix, the distances
  const qAt = 0;
  const mAt = rowBytes;
  const outAt = mAt + rows * rowBytes;
  const bytes = outAt + rows * 4;
  const instance = new WebAssembly.Instance(module);
  const memory = instance.exports.memory as WebAssembly.Memory;
  const pages = Math.ceil(bytes / 65_536);
  if (pages > memory.buffer.byteLength / 65_536) memory.grow(pages - memory.buffer.byteLength / 65_536);
  const dots = instance.exports.dots as (q: number, m: number, n: number, row: number, out: number) => void;
  const query = new Float32Array(memory.buffer, qAt, dimension);
  const matrix = new Float32Array(memory.buffer, mAt, n * dimension);
  const dist = new Float32Array(memory.buffer, outAt, rows);
  vectors.forEach((v, i) => {
    if (v.length !== dimension) throw new Error(`simdCosineScan: vector ${i} has ${v.length} dimensions, not ${dimension}`);
    const row = matrix.subarray(i * dimension, (i + 1) * dimension);
    row.set(v);
    normalizeLikeHnswlib(row);
  });
  // a max-heap of the k best rows so far, worst on top (worse: farther, or as far and a higher label), with
  // their distances alongside; comparisons written out (this loop reads every row for every question)
  const heap = new Int32Array(n);
  const heapD = new Float32Array(n);
  /** Puts (label, distance) at the top of a heap of `size` and sifts it down to its place. */
  const siftDown = (size: number, label: number, d: number) => {
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= size) break;
      const r = l + 1;
      let m = l;
      if (r < size && (heapD[r] > heapD[l] || (heapD[r] === heapD[l] && heap[r] > heap[l]))) m = r;
      if (!(heapD[m] > d || (heapD[m] === d && heap[m] > label))) break;
      heap[c] = heap[m];
      heapD[c] = heapD[m];
      c = m;
    }
    heap[c] = label;
    heapD[c] = d;
  };
  return {
    searchKnn(q, k) {
      if (q.length !== dimension) throw new Error(`simdCosineScan: the query has ${q.length} dimensions, not ${dimension}`);
      k = Math.min(k, n);
      query.set(q);
      normalizeLikeHnswlib(query);
      dots(qAt, mAt, rows, rowBytes, outAt);
      let size = 0;
      for (let i = 0; i < n; i++) {
        const d = dist[i];
        if (d !== d) throw new Error("simdCosineScan: a distance is NaN");
        if (size < k) {
          // sift up
          let c = size++;
          while (c > 0) {
            const p = (c - 1) >> 1;
            const pd = heapD[p];
            if (!(d > pd || (d === pd && i > heap[p]))) break;
            heap[c] = heap[p];
            heapD[c] = pd;
            c = p;
          }
          heap[c] = i;
          heapD[c] = d;
        } else if (d < heapD[0] || (d === heapD[0] && i < heap[0])) {
          // replace the worst
          siftDown(size, i, d);
        }
      }
      // nearest first: the worst taken off the top, placed from the end (as hnswlib empties its queue)
      const neighbors = new Array<number>(size);
      while (size > 0) {
        neighbors[size - 1] = heap[0];
        size--;
        siftDown(size, heap[size], heapD[size]);
      }
      return { neighbors };
    },
  };
}
