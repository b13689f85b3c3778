// The builtin embedder's projection (a text's sparse features times the int8 LSA basis) in
// WebAssembly SIMD: the same doubles, bit for bit, as the JavaScript loop it stands in for
// (builtinEmbedder.ts, embedPrepared), at a fraction of its cost. That loop was 23.6 s of the
// ×100 ingest's 48 s on its main thread, and ~85 µs of every question not embedded before.
//
// Same doubles: the JavaScript adds, for each group of four feature rows in order, to each output
// dimension out[j] += ((w0·v0 + w1·v1) + w2·v2) + w3·v3, then one row at a time out[j] += w·v
// for the rows left over. The module does those very operations, two dimensions to a f64x2
// (IEEE-754 doubles, round to nearest, no fused multiply-add, as JavaScript's), with the int8
// values widened to doubles exactly (i8 → i16 → i32 → f64).

/** Signed LEB128 (i32.const). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/**
 * `project(vals, offs, ws, n, d, out)`: out (d doubles) = Σ over the n rows, in groups of four as
 * above, of ws[i] × the int8 row at vals + offs[i] (d bytes; d a multiple of 16).
 */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
  const str = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
  const I32 = 0x7f;
  const V128 = 0x7b;
  const get = (i: number) => [0x20, ...uleb(i)];
  const set = (i: number) => [0x21, ...uleb(i)];
  const i32 = (v: number) => [0x41, ...sleb(v)];
  const add = 0x6a;
  const mul32 = 0x6c;
  const simd = (op: number, ...rest: number[]) => [0xfd, ...uleb(op), ...rest];
  const load = (offset = 0) => simd(0x00, 0x00, ...uleb(offset)); // v128.load, byte alignment
  const store = (offset = 0) => simd(0x0b, 0x00, ...uleb(offset)); // v128.store
  const f64load = [0x2b, 0x03, 0x00]; // f64.load
  const i32load = [0x28, 0x02, 0x00]; // i32.load
  const splat = simd(0x14); // f64x2.splat
  const fadd = simd(0xf0); // f64x2.add
  const fmul = simd(0xf2); // f64x2.mul
  const lowPair = simd(0xfe); // f64x2.convert_low_i32x4_s
  const highToLow = simd(0x0d, ...[8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]); // i8x16.shuffle
  const [VALS, OFFS, WS, N, D, OUT] = [0, 1, 2, 3, 4, 5];
  const [I, J, A0, A1, A2, A3] = [6, 7, 8, 9, 10, 11];
  const A = [A0, A1, A2, A3];
  const [W0, W1, W2, W3, V, L16, H16, Q, X] = [12, 13, 14, 15, 16, 17, 18, 19, 20];
  const W = [W0, W1, W2, W3];
  const T = [21, 22, 23, 24, 25, 26, 27, 28];

  /** The 16 int8 of row r at column j widened into eight f64x2 (columns j+2k, j+2k+1 for k = 0…7), each
   * combined into T[k]: T[k] = w·x for the group's first row, T[k] + w·x for the others. */
  const row = (address: number, w: number, first: boolean) => {
    const out: number[] = [...get(address), ...get(J), add, ...load(), ...set(V)];
    out.push(...get(V), ...simd(0x87), ...set(L16)); // i16x8.extend_low_i8x16_s
    out.push(...get(V), ...simd(0x88), ...set(H16)); // i16x8.extend_high_i8x16_s
    let k = 0;
    for (const half of [L16, H16]) {
      for (const widen of [0xa7, 0xa8]) {
        // i32x4.extend_low / extend_high_i16x8_s: four columns
        out.push(...get(half), ...simd(widen), ...set(Q));
        for (const pair of [[...get(Q), ...lowPair], [...get(Q), ...get(Q), ...highToLow, ...lowPair]]) {
          out.push(...pair, ...set(X));
          if (first) out.push(...get(w), ...get(X), ...fmul, ...set(T[k]));
          else out.push(...get(T[k]), ...get(w), ...get(X), ...fmul, ...fadd, ...set(T[k]));
          k++;
        }
      }
    }
    return out;
  };
  /** out[j…j+15] += T[0…7] (out holds doubles: out + 8j) */
  const addToOut = () =>
    T.flatMap((t, k) => [
      ...get(OUT), ...get(J), ...i32(8), mul32, add, // where to store
      ...get(OUT), ...get(J), ...i32(8), mul32, add, ...load(16 * k), ...get(t), ...fadd,
      ...store(16 * k),
    ]);
  const columns = (body: number[]) => [
    ...i32(0), ...set(J),
    0x03, 0x40, // loop: columns, 16 at a time
    ...body,
    ...addToOut(),
    ...get(J), ...i32(16), add, ...set(J),
    ...get(J), ...get(D), 0x48, 0x0d, 0x00, // j < d (i32.lt_s): again
    0x0b,
  ];
  const weightOf = (r: number) => [...get(WS), ...get(I), ...i32(r), add, ...i32(8), mul32, add, ...f64load, ...splat];
  const rowAt = (r: number) => [...get(VALS), ...get(OFFS), ...get(I), ...i32(r), add, ...i32(4), mul32, add, ...i32load, add];
  const code = [
    ...[0x02, 0x06, I32, 0x11, V128], // locals: i, j, a0…a3 (i32); w0…w3, v, l16, h16, q, x, t0…t7 (v128)
    // out = 0
    ...i32(0), ...set(J),
    0x02, 0x40, 0x03, 0x40,
    ...get(J), ...get(D), ...i32(8), mul32, 0x4e, 0x0d, 0x01, // j >= 8d (i32.ge_s): out of the block
    ...get(OUT), ...get(J), add, ...simd(0x0c, ...new Array(16).fill(0)), ...store(),
    ...get(J), ...i32(16), add, ...set(J),
    0x0c, 0x00,
    0x0b, 0x0b,
    // groups of four rows
    ...i32(0), ...set(I),
    0x02, 0x40, 0x03, 0x40,
    ...get(I), ...i32(3), add, ...get(N), 0x4e, 0x0d, 0x01, // i + 3 >= n: out of the block
    ...[0, 1, 2, 3].flatMap((r) => [...weightOf(r), ...set(W[r]), ...rowAt(r), ...set(A[r])]),
    ...columns([0, 1, 2, 3].flatMap((r) => row(A[r], W[r], r === 0))),
    ...get(I), ...i32(4), add, ...set(I),
    0x0c, 0x00,
    0x0b, 0x0b,
    // the rows left, one at a time
    0x02, 0x40, 0x03, 0x40,
    ...get(I), ...get(N), 0x4e, 0x0d, 0x01, // i >= n: out of the block
    ...weightOf(0), ...set(W0), ...rowAt(0), ...set(A0),
    ...columns(row(A0, W0, true)),
    ...get(I), ...i32(1), add, ...set(I),
    0x0c, 0x00,
    0x0b, 0x0b,
    0x0b, // end function
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x06, I32, I32, I32, I32, I32, I32, 0x00]), // type: (i32 ×6) -> ()
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]), // one memory, 1 page at first
    ...section(7, [0x02, ...str("memory"), 0x02, 0x00, ...str("project"), 0x00, 0x00]),
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

export interface Projection {
  /** Σ weights(i) × row indices[i] of the basis, summed as below; the array is reused by the next call. */
  project(indices: readonly number[], weights: (i: number) => number): Float64Array;
}

/**
 * The projection in JavaScript (runtimes without wasm SIMD, dimensions that are no multiple of 16):
 * four feature rows at a time, for the reason given at lsaProjection's addRows, then the rest.
 */
export function jsProjection(values: Int8Array, d: number): Projection {
  const out = new Float64Array(d);
  return {
    project(indices, weight) {
      out.fill(0);
      const n = indices.length;
      const at = (i: number) => indices[i] * d;
      let i = 0;
      for (; i + 3 < n; i += 4) {
        const w0 = weight(i), w1 = weight(i + 1), w2 = weight(i + 2), w3 = weight(i + 3);
        const a0 = at(i), a1 = at(i + 1), a2 = at(i + 2), a3 = at(i + 3);
        for (let j = 0; j < d; j++) out[j] += w0 * values[a0 + j] + w1 * values[a1 + j] + w2 * values[a2 + j] + w3 * values[a3 + j];
      }
      for (; i < n; i++) {
        const w = weight(i), a = at(i);
        for (let j = 0; j < d; j++) out[j] += w * values[a + j];
      }
      return out;
    },
  };
}

const PAGE = 65_536;

/** The basis (rows × dimension int8, row-major) copied into a module's memory; undefined without wasm SIMD or when the dimension is no multiple of 16. */
export function simdProjection(values: Int8Array, dimension: number): Projection | undefined {
  const module = simdModule();
  if (!module || dimension % 16 !== 0 || dimension === 0) return undefined;
  const instance = new WebAssembly.Instance(module);
  const memory = instance.exports.memory as WebAssembly.Memory;
  const project = instance.exports.project as (vals: number, offs: number, ws: number, n: number, d: number, out: number) => void;
  const outAt = Math.ceil(values.length / 16) * 16;
  const wsAt = outAt + dimension * 8;
  let capacity = 0;
  let offs!: Int32Array;
  let ws!: Float64Array;
  let out!: Float64Array;
  const reserve = (n: number) => {
    capacity = Math.max(n, 2 * capacity, 1024);
    const bytes = wsAt + capacity * 12;
    const pages = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
    out = new Float64Array(memory.buffer, outAt, dimension);
    ws = new Float64Array(memory.buffer, wsAt, capacity);
    offs = new Int32Array(memory.buffer, wsAt + capacity * 8, capacity);
  };
  reserve(0);
  new Int8Array(memory.buffer, 0, values.length).set(values);
  return {
    project(indices, weights) {
      const n = indices.length;
      if (n > capacity) reserve(n);
      for (let i = 0; i < n; i++) {
        ws[i] = weights(i);
        offs[i] = indices[i] * dimension;
      }
      project(0, wsAt + capacity * 8, wsAt, n, dimension, outAt);
      return out;
    },
  };
}
