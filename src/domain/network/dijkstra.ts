/**
 * Shortest times on a graph in compressed sparse rows: Dijkstra's algorithm with a binary heap
 * (lazy deletion: a vertex may sit in the heap several times, stale entries are skipped) and a
 * time cutoff, reusing its arrays from one search to the next.
 */

export interface CsrGraph {
  readonly vertexCount: number;
  readonly arcStart: Int32Array;
  readonly arcHead: Int32Array;
  readonly arcSeconds: Float32Array;
}

export interface Seed {
  vertex: number;
  seconds: number;
}

export class Dijkstra {
  /** Seconds to each vertex after run(); Infinity when not reached within the cutoff. */
  readonly seconds: Float64Array;
  readonly #graph: CsrGraph;
  readonly #settled: Uint8Array;
  #reached: Int32Array;
  #reachedCount = 0;
  #heapVertex: Int32Array;
  #heapKey: Float64Array;
  #size = 0;

  constructor(graph: CsrGraph) {
    this.#graph = graph;
    const n = graph.vertexCount;
    this.seconds = new Float64Array(n).fill(Infinity);
    this.#settled = new Uint8Array(n);
    this.#reached = new Int32Array(n);
    const cap = graph.arcHead.length + 16;
    this.#heapVertex = new Int32Array(cap);
    this.#heapKey = new Float64Array(cap);
  }

  /** Vertices reached by the last run (those with a finite time), in settling order. */
  reached(): Int32Array {
    return this.#reached.subarray(0, this.#reachedCount);
  }

  /** Times from the seeds to every vertex within cutoffSeconds. */
  run(seeds: readonly Seed[], cutoffSeconds: number): void {
    const sec = this.seconds;
    for (let i = 0; i < this.#reachedCount; i++) {
      const v = this.#reached[i] as number;
      sec[v] = Infinity;
      this.#settled[v] = 0;
    }
    this.#reachedCount = 0;
    this.#size = 0;
    for (const s of seeds) {
      if (s.seconds <= cutoffSeconds && s.seconds < (sec[s.vertex] as number)) {
        sec[s.vertex] = s.seconds;
        this.#push(s.vertex, s.seconds);
      }
    }
    const { arcStart, arcHead, arcSeconds } = this.#graph;
    const settled = this.#settled;
    while (this.#size > 0) {
      const key = this.#heapKey[0] as number;
      const u = this.#pop();
      if (settled[u] || key > (sec[u] as number)) continue;
      settled[u] = 1;
      this.#reached[this.#reachedCount++] = u;
      const end = arcStart[u + 1] as number;
      for (let p = arcStart[u] as number; p < end; p++) {
        const v = arcHead[p] as number;
        const t = key + (arcSeconds[p] as number);
        if (t < (sec[v] as number) && t <= cutoffSeconds) {
          sec[v] = t;
          this.#push(v, t);
        }
      }
    }
    // Every vertex given a finite time was pushed, hence popped and settled: the reached list
    // is exactly the vertices to reset before the next run.
  }

  #push(v: number, key: number): void {
    if (this.#size === this.#heapKey.length) {
      const hv = new Int32Array(this.#size * 2);
      const hk = new Float64Array(this.#size * 2);
      hv.set(this.#heapVertex);
      hk.set(this.#heapKey);
      this.#heapVertex = hv;
      this.#heapKey = hk;
    }
    const hv = this.#heapVertex;
    const hk = this.#heapKey;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((hk[parent] as number) <= key) break;
      hv[i] = hv[parent] as number;
      hk[i] = hk[parent] as number;
      i = parent;
    }
    hv[i] = v;
    hk[i] = key;
  }

  #pop(): number {
    const hv = this.#heapVertex;
    const hk = this.#heapKey;
    const top = hv[0] as number;
    const n = --this.#size;
    if (n === 0) return top;
    const v = hv[n] as number;
    const key = hk[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (hk[c + 1] as number) < (hk[c] as number)) c++;
      if ((hk[c] as number) >= key) break;
      hv[i] = hv[c] as number;
      hk[i] = hk[c] as number;
      i = c;
    }
    hv[i] = v;
    hk[i] = key;
    return top;
  }
}
