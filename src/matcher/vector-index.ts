import {
  analyse,
  type Counts,
  charGrams,
  type Features,
  grow,
  pairFeature,
  type WordFeatures,
} from './features.js';
import { words } from './normalize.js';

/**
 * A text as a sparse vector: parallel arrays of feature ids and weights, unit length. Typed arrays, because
 * an array of doubles would box each weight for the garbage collector.
 */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** What training yields: the index of the training texts' vectors (one row per text), and their distinct words. */
export interface Training {
  index: InvertedIndex;
  words: string[];
}

/**
 * Hashed feature → dense id, by open addressing in one flat array of (feature, id + 1) pairs, kept at most half
 * full: a slot for every possible hash would be four times larger and miss the processor's cache at start-up.
 */
class FeatureIds {
  /** Slot s holds a feature at 2s and its id + 1 at 2s + 1; an id + 1 of 0 marks an empty slot. */
  private bits = 18;
  private slots = new Int32Array(2 << this.bits);
  size = 0;

  /** The feature's id, or −1 when it has none. */
  get(feature: number): number {
    const { slots, bits } = this;
    const mask = (1 << bits) - 1;
    for (let slot = firstSlot(feature, bits); ; slot = (slot + 1) & mask) {
      const id = (slots[2 * slot + 1] ?? 0) - 1;
      if (id < 0 || slots[2 * slot] === feature) return id;
    }
  }

  /** The feature's id, the next new one when it has none yet. */
  add(feature: number): number {
    const { slots, bits } = this;
    const mask = (1 << bits) - 1;
    for (let slot = firstSlot(feature, bits); ; slot = (slot + 1) & mask) {
      const id = (slots[2 * slot + 1] ?? 0) - 1;
      if (id >= 0 && slots[2 * slot] === feature) return id;
      if (id >= 0) continue;
      slots[2 * slot] = feature;
      slots[2 * slot + 1] = ++this.size;
      if (2 * this.size > mask) this.double();
      return this.size - 1;
    }
  }

  /** Replaces the features in `buffer[start … end)` with their ids, giving new ids to new features. */
  replace(buffer: Int32Array, start: number, end: number): void {
    for (let i = start; i < end; i++) buffer[i] = this.add(buffer[i] ?? 0);
  }

  private double(): void {
    const old = this.slots;
    const bits = this.bits + 1;
    const mask = (1 << bits) - 1;
    const slots = new Int32Array(2 << bits);
    for (let from = 0; from < old.length; from += 2) {
      if ((old[from + 1] ?? 0) === 0) continue;
      let slot = firstSlot(old[from] ?? 0, bits);
      while ((slots[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[from] ?? 0;
      slots[2 * slot + 1] = old[from + 1] ?? 0;
    }
    this.slots = slots;
    this.bits = bits;
  }
}

/** Where a feature's search starts in a table of 2^bits slots: Fibonacci hashing spreads the features evenly. */
function firstSlot(feature: number, bits: number): number {
  return Math.imul(feature, 0x9e3779b1) >>> (32 - bits);
}

/**
 * TF-IDF over two feature spaces (words and character n-grams) joined into one vector, each part normalised
 * and scaled so that a dot product is `wordShare * cos(words) + (1 - wordShare) * cos(chars)`.
 *
 * The hashed features seen in training get dense ids (0 … size − 1), so that everything sized by the
 * vocabulary (idf, postings, class centres) holds about 10^5 entries instead of 2^21 buckets.
 */
export class FeatureSpace {
  private readonly ids = new FeatureIds();
  private idf = new Float32Array(0);
  private unknownIdf = 1;
  private readonly wordScale: number;
  private readonly charScale: number;

  constructor(wordShare: number) {
    this.wordScale = Math.sqrt(wordShare);
    this.charScale = Math.sqrt(1 - wordShare);
  }

  /**
   * Learns the vocabulary and the document frequencies from the training texts, and indexes their vectors. A
   * few passes over flat typed arrays, each a small loop that the compiler optimises early: the texts read
   * into dense feature ids, the repeats counted, each part's length measured, the index written.
   */
  fit(texts: string[]): Training {
    const read = readTexts(texts, this.ids);
    const counted = countRepeats(read, this.ids.size);
    const n = texts.length;
    const idf = new Float32Array(this.ids.size);
    for (let id = 0; id < idf.length; id++) idf[id] = Math.log((n + 1) / ((counted.df[id] ?? 0) + 1)) + 1;
    this.idf = idf;
    // A feature never seen in training is as rare as it gets: it still counts in the length of the query, so
    // off-topic text with one familiar word scores low instead of matching on that word alone.
    this.unknownIdf = Math.log(n + 1) + 1;
    const factors = partFactors(counted, idf, this.wordScale, this.charScale);
    return { index: indexTexts(counted, idf, factors), words: read.words };
  }

  /** A query's vector; its features are hashes, and those never seen in training only lengthen it. */
  vectorize(features: Features): SparseVector {
    const capacity = features.words.ids.length + features.chars.ids.length;
    const ids = new Int32Array(capacity);
    const weights = new Float32Array(capacity);
    const wordEnd = this.weigh(features.words, this.wordScale, ids, weights, 0);
    const end = this.weigh(features.chars, this.charScale, ids, weights, wordEnd);
    return { ids: ids.subarray(0, end), weights: weights.subarray(0, end) };
  }

  /** One part of a query's vector, written into `ids` and `weights` from `start`; returns where it ends. */
  private weigh(part: Counts, scale: number, ids: Int32Array, weights: Float32Array, start: number): number {
    let length = start;
    let norm = 0;
    for (let i = 0; i < part.ids.length; i++) {
      const id = this.ids.get(part.ids[i] ?? 0);
      const weight = tfIdf(part.counts[i] ?? 1, id >= 0 ? (this.idf[id] ?? 0) : this.unknownIdf);
      norm += weight * weight;
      if (id < 0) continue;
      ids[length] = id;
      weights[length] = weight;
      length++;
    }
    normalise(weights, start, length, norm, scale);
    return length;
  }
}

/**
 * The training texts read into dense feature ids. Text t's word features (stems and pairs) are `stems` from
 * `stemStart[t]` to `stemStart[t + 1]`; its words are `tokens` from `tokenStart[t]` to `tokenStart[t + 1]`,
 * each a distinct word's index w, whose character n-grams are `grams` from `gramStart[w]` to `gramStart[w + 1]`.
 */
interface ReadTexts {
  /** How many features the texts have, repeats included. */
  features: number;
  stems: Int32Array;
  stemStart: Int32Array;
  tokens: Int32Array;
  tokenStart: Int32Array;
  grams: Int32Array;
  gramStart: Int32Array;
  /** The distinct words, by index. */
  words: string[];
}

/**
 * Reads the texts into dense ids, giving new ids to new features. Each distinct word is analysed once, and its
 * n-grams kept once: a text's n-grams are read through its words when they are counted, never copied.
 */
function readTexts(texts: string[], table: FeatureIds): ReadTexts {
  const known = new Map<string, number>();
  const learned: WordFeatures[] = [];
  let stemIds: Int32Array = new Int32Array(1 << 14);
  let grams: Int32Array = new Int32Array(1 << 18);
  let gramStart: Int32Array = new Int32Array(1 << 14);
  let stems: Int32Array = new Int32Array(1 << 17);
  let tokens: Int32Array = new Int32Array(1 << 17);
  const stemStart = new Int32Array(texts.length + 1);
  const tokenStart = new Int32Array(texts.length + 1);
  let stemLength = 0;
  let tokenLength = 0;
  let gramLength = 0;
  for (let t = 0; t < texts.length; t++) {
    const textWords = words(texts[t] ?? '');
    // A word gives its stem and at most one pair.
    stems = grow(stems, stemLength + 2 * textWords.length);
    tokens = grow(tokens, tokenLength + textWords.length);
    let previous: WordFeatures | undefined;
    for (const word of textWords) {
      let index = known.get(word);
      if (index === undefined) {
        index = learned.length;
        const features = analyse(word);
        stemIds = grow(stemIds, index + 1);
        gramStart = grow(gramStart, index + 2);
        stemIds[index] = table.add(features.feature);
        const start = gramStart[index] ?? 0;
        let end = start;
        if (!features.stop) {
          grams = grow(grams, start + 2 * (word.length + 1));
          end = charGrams(word, grams, start);
          table.replace(grams, start, end);
        }
        gramStart[index + 1] = end;
        learned.push(features);
        known.set(word, index);
      }
      const features = learned[index] as WordFeatures;
      tokens[tokenLength++] = index;
      gramLength += (gramStart[index + 1] ?? 0) - (gramStart[index] ?? 0);
      stems[stemLength++] = stemIds[index] ?? 0;
      const pair = pairFeature(previous, features);
      if (pair >= 0) stems[stemLength++] = table.add(pair);
      previous = features;
    }
    stemStart[t + 1] = stemLength;
    tokenStart[t + 1] = tokenLength;
  }
  const features = stemLength + gramLength;
  return { features, stems, stemStart, tokens, tokenStart, grams, gramStart, words: [...known.keys()] };
}

/** Each part's distinct features with how often each occurs, and in how many parts each feature occurs. */
interface CountedParts {
  /** Part p's features are `ids` and `counts` from `parts[p]` to `parts[p + 1]`. */
  ids: Int32Array;
  counts: Int32Array;
  parts: Int32Array;
  df: Int32Array;
}

/**
 * Counts the repeats within each part of each text (its word features, then its n-grams): `lastEnd[id]` says
 * where a feature was last written, so that a repeat within the part is counted in place, with no sorting and
 * no map per text. Words and n-grams hash into separate ranges (features.ts), so no id is in both parts.
 */
function countRepeats(read: ReadTexts, size: number): CountedParts {
  const { stems, stemStart, tokens, tokenStart, grams, gramStart } = read;
  const texts = stemStart.length - 1;
  const ids = new Int32Array(read.features);
  const counts = new Int32Array(read.features);
  const parts = new Int32Array(2 * texts + 1);
  const df = new Int32Array(size);
  // One past where each feature was last written in `ids`, so that 0 (as allocated) means never.
  const lastEnd = new Int32Array(size);
  let length = 0;
  let partStart = 0;
  const add = (id: number): void => {
    const last = lastEnd[id] ?? 0;
    if (last > partStart) {
      counts[last - 1] = (counts[last - 1] ?? 0) + 1;
      return;
    }
    ids[length] = id;
    counts[length] = 1;
    lastEnd[id] = ++length;
    df[id] = (df[id] ?? 0) + 1;
  };
  for (let t = 0; t < texts; t++) {
    partStart = parts[2 * t] = length;
    for (let k = stemStart[t] ?? 0; k < (stemStart[t + 1] ?? 0); k++) add(stems[k] ?? 0);
    partStart = parts[2 * t + 1] = length;
    for (let k = tokenStart[t] ?? 0; k < (tokenStart[t + 1] ?? 0); k++) {
      const word = tokens[k] ?? 0;
      for (let g = gramStart[word] ?? 0; g < (gramStart[word + 1] ?? 0); g++) add(grams[g] ?? 0);
    }
  }
  parts[2 * texts] = length;
  return { ids, counts, parts, df };
}

/** What each part's tf-idf weights are multiplied by: to unit length, then to its share (even parts are words). */
function partFactors(
  counted: CountedParts,
  idf: Float32Array,
  wordScale: number,
  charScale: number,
): Float64Array {
  const { ids, counts, parts } = counted;
  const factors = new Float64Array(parts.length - 1);
  for (let part = 0, k = 0; part < factors.length; part++) {
    let norm = 0;
    for (const end = parts[part + 1] ?? 0; k < end; k++) {
      const weight = tfIdf(counts[k] ?? 1, idf[ids[k] ?? 0] ?? 0);
      norm += weight * weight;
    }
    factors[part] = norm > 0 ? (part % 2 === 0 ? wordScale : charScale) / Math.sqrt(norm) : 0;
  }
  return factors;
}

/**
 * The inverted index of the texts' vectors (text t is row t, its two parts together), written straight from
 * the counts: a feature has as many postings as parts it occurs in, so its document frequency places them.
 */
function indexTexts(counted: CountedParts, idf: Float32Array, factors: Float64Array): InvertedIndex {
  const { ids, counts, parts, df } = counted;
  const offsets = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++) offsets[id + 1] = (offsets[id] ?? 0) + (df[id] ?? 0);
  const total = offsets[df.length] ?? 0;
  const rows = new Int32Array(total);
  const weights = new Float32Array(total);
  const next = offsets.slice(0, df.length);
  for (let part = 0, k = 0; part < factors.length; part++) {
    const row = part >> 1;
    const factor = factors[part] ?? 0;
    for (const end = parts[part + 1] ?? 0; k < end; k++) {
      const id = ids[k] ?? 0;
      const slot = next[id] ?? 0;
      next[id] = slot + 1;
      rows[slot] = row;
      // Rounded to single precision before it is scaled, as a query's weights are.
      weights[slot] = Math.fround(tfIdf(counts[k] ?? 1, idf[id] ?? 0)) * factor;
    }
  }
  return new InvertedIndex(factors.length >> 1, offsets, rows, weights);
}

/** The weight of a feature that occurs `count` times in a text (sublinear term frequency) with that idf. */
function tfIdf(count: number, idf: number): number {
  // Most features occur once in a text: no logarithm to take (log 1 is exactly 0).
  return (count === 1 ? 1 : 1 + Math.log(count)) * idf;
}

/** Scales `weights[start … end)`, whose squares (unknown features' included) sum to `norm`, to length `scale`. */
function normalise(weights: Float32Array, start: number, end: number, norm: number, scale: number): void {
  const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
  for (let i = start; i < end; i++) weights[i] = (weights[i] ?? 0) * factor;
}

/**
 * An inverted index of unit vectors, stored as compressed rows per feature (offsets into two flat typed arrays):
 * dot products of a query with every stored vector in one pass, with no objects per feature for the garbage
 * collector to walk.
 */
class InvertedIndex {
  /** Feature f's postings are `rows` (ascending) and `weights` from `offsets[f]` to `offsets[f + 1]`. */
  constructor(
    readonly size: number,
    private readonly offsets: Int32Array,
    private readonly rows: Int32Array,
    private readonly weights: Float32Array,
  ) {}

  /**
   * The index of the groups' centres: each group's vectors summed and scaled to unit length; row r belongs to
   * group `groupOf[r]`, and a group's rows are one run. Read straight off this index in one sequential pass:
   * a feature's rows come in order, so a group's part of that feature's sum is one run of them.
   */
  centres(groupOf: Int32Array, groups: number): InvertedIndex {
    const features = this.offsets.length - 1;
    const { offsets: from, rows: members, weights: values } = this;
    const offsets = new Int32Array(features + 1);
    const rows = new Int32Array(members.length);
    const weights = new Float32Array(members.length);
    let length = 0;
    for (let feature = 0, k = 0; feature < features; feature++) {
      let group = -1;
      for (const end = from[feature + 1] ?? 0; k < end; k++) {
        const next = groupOf[members[k] ?? 0] ?? 0;
        // A run of the group's rows adds up in place, in single precision as the vectors are stored.
        if (next === group) weights[length - 1] = (weights[length - 1] ?? 0) + (values[k] ?? 0);
        else {
          group = next;
          rows[length] = group;
          weights[length++] = values[k] ?? 0;
        }
      }
      offsets[feature + 1] = length;
    }
    const lengths = new Float64Array(groups);
    for (let k = 0; k < length; k++)
      lengths[rows[k] ?? 0] = (lengths[rows[k] ?? 0] ?? 0) + (weights[k] ?? 0) ** 2;
    for (let group = 0; group < lengths.length; group++) lengths[group] = Math.sqrt(lengths[group] ?? 0) || 1;
    for (let k = 0; k < length; k++) weights[k] = (weights[k] ?? 0) / (lengths[rows[k] ?? 0] ?? 1);
    return new InvertedIndex(groups, offsets, rows.slice(0, length), weights.slice(0, length));
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
