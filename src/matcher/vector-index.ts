import { type Counts, FEATURE_BITS } from './features.js';

const FEATURES = 1 << FEATURE_BITS;

/**
 * A text as a sparse vector: parallel arrays of feature ids and weights, unit length. Typed arrays, because
 * thousands are built at start-up and an array of doubles would box each weight for the garbage collector.
 */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
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
    const capacity = features.words.size + features.chars.size;
    const ids = new Int32Array(capacity);
    const weights = new Float32Array(capacity);
    let length = 0;
    const parts: [Counts, number][] = [
      [features.words, Math.sqrt(this.wordShare)],
      [features.chars, Math.sqrt(1 - this.wordShare)],
    ];
    for (const [counts, scale] of parts) {
      const start = length;
      let norm = 0;
      for (const [feature, count] of counts) {
        const idf = this.idf[feature] ?? 0;
        const known = idf > 0;
        const weight = (1 + Math.log(count)) * (known ? idf : this.unknownIdf);
        norm += weight * weight;
        if (!known) continue;
        ids[length] = feature;
        weights[length] = weight;
        length++;
      }
      const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
      for (let i = start; i < length; i++) weights[i] = (weights[i] ?? 0) * factor;
    }
    return { ids: ids.subarray(0, length), weights: weights.subarray(0, length) };
  }
}

/**
 * Each group's vectors summed and scaled to unit length: the centres of the classes. One dense sum is reused
 * (and left zeroed) for all groups: a map per class was the slowest part of start-up.
 */
export function centroids(groups: SparseVector[][]): SparseVector[] {
  const sum = new Float32Array(FEATURES);
  return groups.map((vectors) => centroid(vectors, sum));
}

function centroid(vectors: SparseVector[], sum: Float32Array): SparseVector {
  const touched: number[] = [];
  for (const { ids, weights } of vectors) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if ((sum[id] ?? 0) === 0) touched.push(id);
      sum[id] = (sum[id] ?? 0) + (weights[i] ?? 0);
    }
  }
  let norm = 0;
  for (const id of touched) norm += (sum[id] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  const result = { ids: Int32Array.from(touched), weights: new Float32Array(touched.length) };
  touched.forEach((id, i) => {
    result.weights[i] = (sum[id] ?? 0) / norm;
    sum[id] = 0;
  });
  return result;
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
    let running = 0;
    for (let i = 1; i <= FEATURES; i++) {
      running += offsets[i] ?? 0;
      offsets[i] = running;
    }
    const total = offsets[FEATURES] ?? 0;
    const rows = new Int32Array(total);
    const weights = new Float32Array(total);
    const next = offsets.slice(0, FEATURES);
    this.pending.forEach((vector, row) => {
      for (let i = 0; i < vector.ids.length; i++) {
        const id = vector.ids[i] ?? 0;
        const slot = next[id] ?? 0;
        rows[slot] = row;
        weights[slot] = vector.weights[i] ?? 0;
        next[id] = slot + 1;
      }
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
