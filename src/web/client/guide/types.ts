import type { City } from '../../../catalogue/cities.js';
import type { Station } from '../../../catalogue/stations.js';
import type { TopicView } from '../../../guide/topics.js';

// The answers of /api/guide/*, as the page reads them (the server's shapes live in routes/guide/guide.ts).

export type LocatedCity = City & { lat?: number; lon?: number };

export interface PageStation extends Station {
  cityRu: string | null;
  located: 'station' | 'city' | null;
  queue: { people: number; waitMinutes: number; at: string } | null;
}

export interface StationsReply {
  election: {
    id: string;
    title: { ru: string; en: string };
    days: string[];
    hours: { opens: string; closes: string };
  };
  running: boolean;
  cities: LocatedCity[];
  stations: PageStation[];
}

export interface ElectionsReply {
  default: string | null;
  elections: {
    id: string;
    title: { ru: string; en: string };
    days: string[];
    stations: number;
    running: boolean;
  }[];
}

export interface TopicsReply {
  topics: { id: string; title: string; short: string }[];
}

export type TopicReply = TopicView;
