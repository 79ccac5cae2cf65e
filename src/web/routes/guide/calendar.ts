import type { Lang } from '../../../catalogue/schema.js';
import type { Station } from '../../../catalogue/stations.js';
import { openingWindows } from '../../../count/buckets.js';

// A station's voting days as an iCalendar file (RFC 5545) for "add to calendar": one event per day, its start
// and end as UTC instants (a phone shows them in its own zone, and no VTIMEZONE block is needed), the local
// hours written in the description, the address as the location. The UID is the same on every download, so
// importing it twice updates the events rather than doubling them.

const WORDS = {
  ru: {
    summary: (n: string) => `Голосование: участок № ${n}`,
    hours: (opens: string, closes: string, zone: string) =>
      `Участок открыт с ${opens} до ${closes} по местному времени (${zone}). Возьмите с собой российский паспорт.`,
  },
  en: {
    summary: (n: string) => `Voting: polling station No. ${n}`,
    hours: (opens: string, closes: string, zone: string) =>
      `The station is open ${opens}–${closes} local time (${zone}). Bring your Russian passport.`,
  },
} as const;

export interface CalendarInput {
  election: { id: string; title: string };
  station: Station;
  /** The city as people write it in the chosen language, for the location. */
  city: string;
  lang: Lang;
  /** When the file is made (DTSTAMP). */
  now: number;
  /** The page that explains more (the guide's address), or null. */
  url: string | null;
}

export function stationCalendar(input: CalendarInput): string {
  const { station, election, lang } = input;
  const words = WORDS[lang];
  const location = [station.address, input.city].filter(Boolean).join(', ');
  const description = [
    election.title,
    words.hours(station.opens, station.closes, station.timezone),
    ...(input.url ? [input.url] : []),
  ].join('\n');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//sobesednik//guide//RU', 'CALSCALE:GREGORIAN'];
  lines.push('METHOD:PUBLISH');
  const windows = openingWindows(station);
  station.days.forEach((day, index) => {
    const window = windows[index];
    if (!window) return;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidPart(election.id)}-${uidPart(station.station)}-${day}@sobesednik`,
      `DTSTAMP:${utcStamp(input.now)}`,
      `DTSTART:${utcStamp(window.from)}`,
      `DTEND:${utcStamp(window.to)}`,
      `SUMMARY:${escapeText(words.summary(station.station))}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `DESCRIPTION:${escapeText(description)}`,
      ...(station.lat !== null && station.lon !== null ? [`GEO:${station.lat};${station.lon}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** 20240317T070000Z */
export function utcStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function uidPart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, '_');
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character (3.1). */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
