import { type Counts, FEATURE_BITS, type Features } from './features.js';

const BUCKETS = 1 << FEATURE_BITS;

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
 *
 * The hashed features seen in training get dense ids (0 … size − 1), so that everything sized by the
 * vocabulary (idf, postings, class centres) holds about 10^5 entries instead of 2^21 buckets.
 */
export class FeatureSpace {
  /** Hashed feature → its dense id + 1; 0 for a feature never seen in training. */
  private readonly ids = new Int32Array(BUCKETS);
  private idf = new Float32Array(0);
  private unknownIdf = 1;

  constructor(private readonly wordShare: number) {}

  /** How many distinct features the training texts hold. */
  get size(): number {
    return this.idf.length;
  }

  /**
   * Learns the vocabulary and the document frequencies from the training texts' features, and returns those
   * features with dense ids in place of the hashes (for `vectorizeKnown`: one look-up per feature, not two, in a
   * table too big for the processor's cache).
   */
  fit(documents: Features[]): Features[] {
    const df: number[] = [];
    const table = this.ids;
    const dense = (part: Counts): Counts => {
      const ids = new Int32Array(part.ids.length);
      part.ids.forEach((feature, i) => {
        let id = (table[feature] ?? 0) - 1;
        if (id >= 0) df[id] = (df[id] ?? 0) + 1;
        else {
          id = df.length;
          table[feature] = id + 1;
          df.push(1);
        }
        ids[i] = id;
      });
      return { ids, counts: part.counts };
    };
    const result = documents.map((document) => ({
      words: dense(document.words),
      chars: dense(document.chars),
    }));
    const n = documents.length;
    this.idf = Float32Array.from(df, (count) => Math.log((n + 1) / (count + 1)) + 1);
    // A feature never seen in training is as rare as it gets: it still counts in the length of the query, so
    // off-topic text with one familiar word scores low instead of matching on that word alone.
    this.unknownIdf = Math.log(n + 1) + 1;
    return result;
  }

  /** A text's vector; its features are hashes (a query). */
  vectorize(features: Features): SparseVector {
    return this.weigh(features, (feature) => (this.ids[feature] ?? 0) - 1);
  }

  /** A training text's vector; its features already carry dense ids (from `fit`). */
  vectorizeKnown(features: Features): SparseVector {
    return this.weigh(features, (id) => id);
  }

  private weigh(features: Features, denseId: (feature: number) => number): SparseVector {
    const capacity = features.words.ids.length + features.chars.ids.length;
    const ids = new Int32Array(capacity);
    const weights = new Float32Array(capacity);
    let length = 0;
    const parts: [Counts, number][] = [
      [features.words, Math.sqrt(this.wordShare)],
      [features.chars, Math.sqrt(1 - this.wordShare)],
    ];
    for (const [part, scale] of parts) {
      const start = length;
      let norm = 0;
      for (let i = 0; i < part.ids.length; i++) {
        const id = denseId(part.ids[i] ?? 0);
        const weight =
          (1 + Math.log(part.counts[i] ?? 1)) * (id >= 0 ? (this.idf[id] ?? 0) : this.unknownIdf);
        norm += weight * weight;
        if (id < 0) continue;
        ids[length] = id;
        weights[length] = weight;
        length++;
      }
      const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
      for (let i = start; i < length; i++) weights[i] = (weights[i] ?? 0) * factor;
    }
    return { ids: ids.subarray(0, length), weights: weights.subarray(0, length) };
  }
}

/** Each group's vectors summed and scaled to unit length: the centres of the classes. */
export function centroids(groups: SparseVector[][], features: number): SparseVector[] {
  const sum = new Float32Array(features);
  return groups.map((vectors) => centroid(vectors, sum));
}

/** One group's centre; `sum` is a dense scratch array, left zeroed for the next group. */
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
 * An inverted index of unit vectors, stored as compressed rows per feature (offsets into two flat typed arrays):
 * dot products of a query with every stored vector in one pass, with no objects per feature for the garbage
 * collector to walk.
 */
export class InvertedIndex {
  readonly size: number;
  private readonly offsets: Int32Array;
  private readonly rows: Int32Array;
  private readonly weights: Float32Array;

  /** `features`: the number of dense feature ids (FeatureSpace.size). */
  constructor(vectors: SparseVector[], features: number) {
    this.size = vectors.length;
    const offsets = new Int32Array(features + 1);
    for (const vector of vectors) for (const id of vector.ids) offsets[id + 1] = (offsets[id + 1] ?? 0) + 1;
    for (let i = 1; i <= features; i++) offsets[i] = (offsets[i] ?? 0) + (offsets[i - 1] ?? 0);
    const total = offsets[features] ?? 0;
    const rows = new Int32Array(total);
    const weights = new Float32Array(total);
    const next = offsets.slice(0, features);
    vectors.forEach((vector, row) => {
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
