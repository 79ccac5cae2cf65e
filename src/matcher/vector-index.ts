import type { Counts } from './features.js';

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
  private readonly ids = new Map<string, number>();
  private idf: Float64Array = new Float64Array(0);
  private unknownIdf = 1;

  constructor(private readonly wordShare: number) {}

  /** Learns the vocabulary and document frequencies from the training texts' features. */
  fit(documents: { words: Counts; chars: Counts }[]): void {
    const df: number[] = [];
    for (const document of documents) {
      for (const counts of [document.words, document.chars]) {
        for (const feature of counts.keys()) {
          let id = this.ids.get(feature);
          if (id === undefined) {
            id = this.ids.size;
            this.ids.set(feature, id);
            df.push(0);
          }
          df[id] = (df[id] ?? 0) + 1;
        }
      }
    }
    const n = documents.length;
    this.idf = Float64Array.from(df, (count) => Math.log((n + 1) / (count + 1)) + 1);
    // A feature never seen in training is as rare as it gets: it still counts in the length of the query, so
    // off-topic text with one familiar word scores low instead of matching on that word alone.
    this.unknownIdf = Math.log(n + 1) + 1;
  }

  has(feature: string): boolean {
    return this.ids.has(feature);
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
        const id = this.ids.get(feature);
        const weight = (1 + Math.log(count)) * (id === undefined ? this.unknownIdf : (this.idf[id] ?? 0));
        norm += weight * weight;
        if (id === undefined) continue;
        ids.push(id);
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

/** An inverted index of unit vectors: dot products of a query with every stored vector in one pass. */
export class InvertedIndex {
  private readonly postings = new Map<number, { rows: number[]; weights: number[] }>();
  private count = 0;

  add(vector: SparseVector): number {
    const row = this.count++;
    vector.ids.forEach((id, i) => {
      let posting = this.postings.get(id);
      if (!posting) {
        posting = { rows: [], weights: [] };
        this.postings.set(id, posting);
      }
      posting.rows.push(row);
      posting.weights.push(vector.weights[i] ?? 0);
    });
    return row;
  }

  get size(): number {
    return this.count;
  }

  /** Dot products of the query with every row, into `out` (length at least `size`). */
  dot(query: SparseVector, out: Float64Array): Float64Array {
    out.fill(0, 0, this.count);
    query.ids.forEach((id, i) => {
      const posting = this.postings.get(id);
      if (!posting) return;
      const weight = query.weights[i] ?? 0;
      for (let k = 0; k < posting.rows.length; k++) {
        const row = posting.rows[k] ?? 0;
        out[row] = (out[row] ?? 0) + weight * (posting.weights[k] ?? 0);
      }
    });
    return out;
  }
}
