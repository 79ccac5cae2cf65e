import { countScripts, fold } from '../matcher/normalize.js';
import { isToxic, type MarkerKind } from './markers.js';
import type { Rules } from './patterns.js';
import { EN_RULES } from './rules-en.js';
import { RU_RULES } from './rules-ru.js';

export interface Marker {
  kind: MarkerKind;
  /** The words of the reply that show the move. */
  text: string;
}

export interface Sentence {
  text: string;
  markers: Marker[];
  toxic: boolean;
}

// A question that opens with one of these words asks for an answer in the other's own words (MI's open question);
// "ты смотрела новости?" does not.
const OPEN_QUESTION_START =
  /^(?:(?:а|и|но|ну|мам|пап|бабуль|слушай|скажи|так|and|but|so|mom|mum|dad)[,\s]+)*(?:(?:ты|вы|тебе|вам|тебя|вас)\s+)?(?:как|каково|почему|отчего|зачем|что|чего|чем|какой|какая|какое|какие|каким|какую|каких|где|откуда|когда|кто|how|what|why|which|where|who|when)(?![\p{L}])/u;
// It must be about the other person: "что на ужин будем?" changes the subject rather than opening a talk.
const ADDRESSES_THEM =
  /(?<![\p{L}])(?:ты|вы|тебе|вам|тебя|вас|тобой|вами|твой|твоя|твое|твои|ваш|ваша|you|your|yours)(?![\p{L}])/u;

const URL = /(?:https?:\/\/|www\.|t\.me\/|youtu\.be\/|youtube\.com\/)\S+/gi;

// Signs of a fact: a number, a percentage, a named source or report. One fact stated calmly is neutral; a pile of
// them is a lecture, and arguments alone change nothing.
const FACT_SIGNS = [
  /\d+(?:[.,]\d+)?\s*(?:%|процент\p{L}*|percent|тыс\p{L}*|млн|млрд|million|billion|thousand)/giu,
  /(?<![\p{L}])(?:по данным|согласно|according to|data from|доклад\p{L}*|report(?:s|ed)?|исследовани\p{L}*|stud(?:y|ies)|статистик\p{L}*|statistics|расследовани\p{L}*|investigation)(?![\p{L}])/giu,
  /(?<![\p{L}])(?:оон|обсе|мус|ооон|левада|мемориал|un|osce|icc|icj|levada|reuters|bbc|amnesty|human rights watch|bellingcat|ohchr|unesco|nato|нато)(?![\p{L}])/giu,
  /(?<![\p{L}\d])(?:19|20)\d\d(?!\d)/gu,
];

export function countFacts(text: string): number {
  return FACT_SIGNS.reduce((total, pattern) => total + (text.match(pattern)?.length ?? 0), 0);
}

/** Splits a reply into sentences, keeping their punctuation. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^.!?…]+(?:[.!?…]+|$)/g) ?? [text]).map((s) => s.trim()).filter((s) => s.length > 0);
}

function findMarkers(sentence: string, rules: Rules[]): Marker[] {
  const folded = fold(sentence);
  const found: Marker[] = [];
  for (const ruleSet of rules) {
    for (const [kind, list] of Object.entries(ruleSet) as [MarkerKind, RegExp[]][]) {
      for (const pattern of list) {
        const match = pattern.exec(folded);
        if (!match) continue;
        // Folding keeps the length for Cyrillic and Latin, so the span can be shown as the user wrote it.
        const text =
          folded.length === sentence.length
            ? sentence.slice(match.index, match.index + match[0].length)
            : match[0];
        found.push({ kind, text: text.trim() });
        break;
      }
    }
  }
  const isQuestion = /\?[\s\p{So}\p{Sk})]*$/u.test(sentence);
  const start = OPEN_QUESTION_START.exec(folded.replace(/^[^\p{L}]+/u, ''));
  const needsAddress = start && /(?:что|чего|кто|когда|где|what|who|when|where)$/.test(start[0]);
  if (isQuestion && start && (!needsAddress || ADDRESSES_THEM.test(folded))) {
    found.push({ kind: 'open-question', text: sentence });
  }
  return found;
}

/** The Russian rules for Cyrillic, the English ones for Latin letters, both for mixed or letterless text. */
function rulesFor(sentence: string): Rules[] {
  const { cyrillic, latin } = countScripts(sentence);
  if (latin === 0 && cyrillic > 0) return [RU_RULES];
  if (cyrillic === 0 && latin > 0) return [EN_RULES];
  return [RU_RULES, EN_RULES];
}

/** Every move in every sentence of a reply (already cleaned), with the sentence-level toxicity the rewrite needs. */
export function detect(text: string): { sentences: Sentence[]; markers: Marker[] } {
  const urls = text.match(URL) ?? [];
  const sentences = splitSentences(text.replace(URL, ' ')).map((sentenceText) => {
    const markers = findMarkers(sentenceText, rulesFor(sentenceText));
    return { text: sentenceText, markers, toxic: markers.some((marker) => isToxic(marker.kind)) };
  });
  const markers = sentences.flatMap((sentence) => sentence.markers);
  const hasEmpathy = markers.some((marker) => !isToxic(marker.kind));

  if (countFacts(text) >= 3 && !markers.some((marker) => marker.kind === 'lecture')) {
    markers.push({ kind: 'lecture', text: sentences.map((s) => s.text).join(' ') });
    for (const sentence of sentences) if (countFacts(sentence.text) > 0) sentence.toxic = true;
  }
  if (urls.length >= 2 || (urls.length === 1 && !hasEmpathy)) {
    markers.push({ kind: 'link-dump', text: urls.join(' ') });
  }
  return { sentences, markers: dedupe(markers) };
}

/** One marker per kind, the first found: the feedback names a move once. */
function dedupe(markers: Marker[]): Marker[] {
  const seen = new Set<MarkerKind>();
  return markers.filter((marker) => !seen.has(marker.kind) && seen.add(marker.kind));
}
