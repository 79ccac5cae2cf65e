// Groups the phrasings users shared so that editors see the most frequent new theme first. Deliberately
// simple and explainable: normalised character trigrams, Jaccard similarity, greedy clustering. Good enough
// for "the same complaint in other words" over hundreds of short texts; it does not know synonyms.

export interface Phrasing {
  text: string;
  lang: string;
  day: string;
}

export interface PhrasingGroup {
  /** How many phrasings the group holds (repeats included). */
  size: number;
  /** The most frequent wording of the group, as typed. */
  example: string;
  /** Distinct wordings, most frequent first, with their counts. */
  variants: { text: string; count: number }[];
  langs: string[];
  firstDay: string;
  lastDay: string;
}

/**
 * Two phrasings this similar (trigram Jaccard) are one theme. On hand-made Russian and English pairs,
 * rewordings of one complaint scored 0.36–0.63 and unrelated complaints 0–0.2; a few rewordings (0.2–0.3)
 * stay apart, and complaints sharing most words ("они там все врут" / "они там все воруют") merge.
 */
export const SIMILARITY_THRESHOLD = 0.3;

/** Lowercase, ё→е (not NFD: that would turn й into и), punctuation and spacing folded. */
export function normalisePhrasing(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function trigrams(normalised: string): Set<string> {
  const padded = ` ${normalised} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Wording {
  key: string;
  grams: Set<string>;
  items: Phrasing[];
}

interface Cluster {
  /** The first (most frequent) wording: every candidate is compared with it, which keeps groups tight. */
  seed: Set<string>;
  wordings: Wording[];
}

export function groupPhrasings(
  phrasings: readonly Phrasing[],
  threshold = SIMILARITY_THRESHOLD,
): PhrasingGroup[] {
  const byKey = new Map<string, Wording>();
  for (const phrasing of phrasings) {
    const key = normalisePhrasing(phrasing.text);
    if (key === '') continue;
    const wording = byKey.get(key) ?? { key, grams: trigrams(key), items: [] };
    wording.items.push(phrasing);
    byKey.set(key, wording);
  }
  // Most frequent wordings seed the clusters, so a common theme is not split around a rare odd wording.
  const wordings = [...byKey.values()].sort(
    (a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key),
  );
  const clusters: Cluster[] = [];
  for (const wording of wordings) {
    let best: Cluster | undefined;
    let bestScore = threshold;
    for (const cluster of clusters) {
      const score = jaccard(wording.grams, cluster.seed);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    if (best) best.wordings.push(wording);
    else clusters.push({ seed: wording.grams, wordings: [wording] });
  }
  return clusters.map(describe).sort((a, b) => b.size - a.size || a.firstDay.localeCompare(b.firstDay));
}

function describe(cluster: Cluster): PhrasingGroup {
  const items = cluster.wordings.flatMap((w) => w.items);
  const variants = cluster.wordings.map((w) => ({ text: mostCommonText(w.items), count: w.items.length }));
  const days = items.map((item) => item.day).sort();
  return {
    size: items.length,
    example: variants[0]?.text ?? '',
    variants,
    langs: [...new Set(items.map((item) => item.lang))].sort(),
    firstDay: days[0] ?? '',
    lastDay: days.at(-1) ?? '',
  };
}

/** Of texts that normalise alike, the spelling typed most often (on a tie, the one shared first). */
function mostCommonText(items: Phrasing[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.text, (counts.get(item.text) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  // Map keeps first-insertion order, so a strict > keeps the earliest of equally common spellings.
  for (const [text, count] of counts)
    if (count > bestCount) {
      best = text;
      bestCount = count;
    }
  return best;
}
