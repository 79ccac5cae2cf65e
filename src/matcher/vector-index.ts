import { type Counts, FEATURE_BITS } from './features.js';

const FEATURES = 1 << FEATURE_BITS;

/** A text as a sparse vector: parallel arrays of feature ids and weights, unit length. */
export interface SparseVector {
  ids: number[];
  weights: number[];
}

/**
 * TF-IDF over two feature spaces (words and character n-grams) joined into one vector, each part normalised
 * and scaled so that a dot product is `wordShare * cos(words) + (1 - wordShare) * cos(chars)`.
 */
export class FeatureSpace {
  /** 0 for a feature never seen in training (a seen one has idf ≥ 1). */
  private readonly idf = new Float32Array(FEATURES);
  private unknownIdf = 1;

  constructor(private readonly wordShare: number) {}

  /** Learns the document frequencies from the training texts' features. */
  fit(documents: { words: Counts; chars: Counts }[]): void {
    const df = new Uint32Array(FEATURES);
    for (const document of documents) {
      for (const feature of document.words.keys()) df[feature] = (df[feature] ?? 0) + 1;
      for (const feature of document.chars.keys()) df[feature] = (df[feature] ?? 0) + 1;
    }
    const n = documents.length;
    for (let feature = 0; feature < FEATURES; feature++) {
      const count = df[feature] ?? 0;
      if (count > 0) this.idf[feature] = Math.log((n + 1) / (count + 1)) + 1;
    }
    // A feature never seen in training is as rare as it gets: it still counts in the length of the query, so
    // off-topic text with one familiar word scores low instead of matching on that word alone.
    this.unknownIdf = Math.log(n + 1) + 1;
  }

  has(feature: number): boolean {
    return (this.idf[feature] ?? 0) > 0;
  }

  vectorize(features: { words: Counts; chars: Counts }): SparseVector {
    const ids: number[] = [];
    const weights: number[] = [];
    const parts: [Counts, number][] = [
      [features.words, Math.sqrt(this.wordShare)],
      [features.chars, Math.sqrt(1 - this.wordShare)],
    ];
    for (const [counts, scale] of parts) {
      const start = ids.length;
      let norm = 0;
      for (const [feature, count] of counts) {
        const idf = this.idf[feature] ?? 0;
        const known = idf > 0;
        const weight = (1 + Math.log(count)) * (known ? idf : this.unknownIdf);
        norm += weight * weight;
        if (!known) continue;
        ids.push(feature);
        weights.push(weight);
      }
      const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
      for (let i = start; i < weights.length; i++) weights[i] = (weights[i] ?? 0) * factor;
    }
    return { ids, weights };
  }
}

/** Sums vectors and scales the sum to unit length: the centre of a class. */
export function centroid(vectors: SparseVector[]): SparseVector {
  const sum = new Map<number, number>();
  for (const vector of vectors) {
    vector.ids.forEach((id, i) => {
      sum.set(id, (sum.get(id) ?? 0) + (vector.weights[i] ?? 0));
    });
  }
  const norm = Math.sqrt([...sum.values()].reduce((total, weight) => total + weight * weight, 0)) || 1;
  return { ids: [...sum.keys()], weights: [...sum.values()].map((weight) => weight / norm) };
}

/**
 * An inverted index of unit vectors, stored as compressed rows per feature (offsets into two flat typed arrays)
 * once `freeze` is called: dot products of a query with every stored vector in one pass, with no objects per
 * feature for the garbage collector to walk.
 */
export class InvertedIndex {
  private pending: SparseVector[] = [];
  private count = 0;
  private offsets = new Int32Array(0);
  private rows = new Int32Array(0);
  private weights = new Float32Array(0);

  add(vector: SparseVector): number {
    this.pending.push(vector);
    return this.count++;
  }

  get size(): number {
    return this.count;
  }

  freeze(): void {
    const offsets = new Int32Array(FEATURES + 1);
    for (const vector of this.pending)
      for (const id of vector.ids) offsets[id + 1] = (offsets[id + 1] ?? 0) + 1;
    for (let i = 0; i < FEATURES; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
    const total = offsets[FEATURES] ?? 0;
    const rows = new Int32Array(total);
    const weights = new Float32Array(total);
    const next = offsets.slice(0, FEATURES);
    this.pending.forEach((vector, row) => {
      vector.ids.forEach((id, i) => {
        const slot = next[id] ?? 0;
        rows[slot] = row;
        weights[slot] = vector.weights[i] ?? 0;
        next[id] = slot + 1;
      });
    });
    this.offsets = offsets;
    this.rows = rows;
    this.weights = weights;
    this.pending = [];
  }

  /** Dot products of the query with every row, into `out` (length at least `size`). */
  dot(query: SparseVector, out: Float64Array): Float64Array {
    out.fill(0, 0, this.size);
    const { offsets, rows, weights } = this;
    for (let q = 0; q < query.ids.length; q++) {
      const id = query.ids[q] ?? 0;
      const weight = query.weights[q] ?? 0;
      const end = offsets[id + 1] ?? 0;
      for (let k = offsets[id] ?? 0; k < end; k++) {
        const row = rows[k] ?? 0;
        out[row] = (out[row] ?? 0) + weight * (weights[k] ?? 0);
      }
    }
    return out;
  }
}
