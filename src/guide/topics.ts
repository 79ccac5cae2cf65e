import type { GuideTopic } from '../catalogue/guide.js';
import type { Lang } from '../catalogue/schema.js';

// A guide topic as a person reads it: what to do first, then the details, what differs for the election they
// asked about, and every fact with its source and the day it was checked. Pure: the front ends print or send it.

export interface TopicView {
  id: string;
  title: string;
  short: string;
  details: string;
  /** What differs for the election asked about; null when nothing does or none was asked. */
  election: { id: string; note: string } | null;
  facts: {
    claim: string;
    /** Where sources disagree or the claim is not fully confirmed. */
    note: string | null;
    source: { publisher: string; title: string; year: number; url: string };
    checked: string;
  }[];
}

/** The topic in one language; with an election, only the facts about it (and those about every election). */
export function topicView(topic: GuideTopic, lang: Lang, election?: string): TopicView {
  const note = election === undefined ? undefined : topic.byElection?.[election];
  return {
    id: topic.id,
    title: topic[lang].title,
    short: topic[lang].short,
    details: topic[lang].details,
    election: election !== undefined && note ? { id: election, note: note[lang] } : null,
    facts: topic.facts
      .filter((fact) => election === undefined || !fact.elections || fact.elections.includes(election))
      .map((fact) => ({
        claim: fact.claim[lang],
        note: fact.note?.[lang] ?? null,
        source: fact.source,
        checked: fact.checked,
      })),
  };
}

const HEADINGS = {
  ru: { sources: 'Факты и источники', checked: 'проверено', election: 'На этих выборах' },
  en: { sources: 'Facts and sources', checked: 'checked', election: 'In this election' },
} as const;

/** A YYYY-MM-DD day as people write it: «7 декабря 2026», "7 December 2026". */
export function writtenDay(day: string, lang: Lang): string {
  const format = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.format(new Date(`${day}T00:00:00Z`)).replace(/\s*г\.$/, '');
}

/** Several days as people write them: «15, 16 и 17 марта 2024», "15, 16 and 17 March 2024". */
export function writtenDays(days: readonly string[], lang: Lang): string {
  const sameMonth = days.every((day) => day.slice(0, 7) === days[0]?.slice(0, 7));
  if (days.length < 2 || !sameMonth) return days.map((day) => writtenDay(day, lang)).join(', ');
  const numbers = days.map((day) => String(Number(day.slice(8, 10))));
  const last = writtenDay(days[days.length - 1] ?? '', lang);
  const and = lang === 'ru' ? ' и ' : ' and ';
  return `${numbers.slice(0, -1).join(', ')}${and}${last}`;
}

/** Plain text for a terminal or a chat message. */
export function renderTopic(view: TopicView, lang: Lang): string {
  const words = HEADINGS[lang];
  const facts = view.facts.map(
    ({ claim, note, source, checked }) =>
      `• ${claim}${note ? `\n  (${note})` : ''}\n  — ${source.publisher}, «${source.title}», ${source.year}: ${source.url} (${words.checked} ${writtenDay(checked, lang)})`,
  );
  return [
    view.title,
    '',
    view.short,
    '',
    view.details.trim(),
    ...(view.election ? ['', `${words.election} (${view.election.id}): ${view.election.note}`] : []),
    '',
    `${words.sources}:`,
    ...facts,
  ].join('\n');
}
