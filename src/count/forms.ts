import type { Election } from '../catalogue/election.js';
import { BUCKET_MS } from './buckets.js';
import type { Counting } from './counting.js';
import { inviteExpiry } from './invites.js';
import type { CountStorage } from './storage.js';

// Self-filled exit-poll forms: a coordinator prints single-use codes as QR cards, a voter scans one and answers
// on their own phone. The answer joins the station's exit-poll counts as a volunteer's would, kept as station,
// 15-minute bucket and answer only; the code is used up in the same transaction, so it counts once.

/** A sheet of 200 is a station's day; 2000 is the most a command makes before it looks like a typo. */
export const MAX_FORMS = 2000;

export interface FormLink {
  code: string;
  /** The page a voter's phone opens; the code after '#' never reaches a server or its logs. */
  url: string;
}

/** `base` is the web page's address as people reach it (no trailing slash needed). */
export function formLink(code: string, base: string): FormLink {
  return { code, url: `${base.replace(/\/+$/, '')}/count/form#${code}` };
}

/** What a voter's phone shows: the election's answers in its order, and where the form belongs. */
export interface OpenForm {
  election: string;
  title: Election['title'];
  station: string;
  city: string;
  answers: Election['answers'];
}

export type FormRefusal = 'unknown' | 'used' | 'expired';

export type MadeForms =
  | { ok: true; election: Election; station: string; codes: FormLink[]; expiresAt: number }
  | { ok: false; reason: 'no-election' | 'no-station' };

export type FormAnswerResult =
  | { ok: true }
  | { ok: false; reason: FormRefusal | 'no-such-answer' | 'other-station' };

export interface Forms {
  /** Makes `n` codes for a station; they work as long as invites do (invites.ts). */
  make(input: { election: string; station: string; n: number; base: string }): Promise<MadeForms>;
  open(code: string): Promise<{ ok: true; form: OpenForm } | { ok: false; reason: FormRefusal }>;
  /**
   * Records a voter's answer at the server's time, rounded down to its bucket. `station`, when the phone sends
   * one, must be the code's: a card carried to another station is refused rather than counted there.
   */
  answer(input: { code: string; answer: string; station?: string | undefined }): Promise<FormAnswerResult>;
}

export function createForms(options: {
  counting: Pick<Counting, 'election'>;
  storage: Pick<CountStorage, 'stations' | 'createFormCodes' | 'formCode' | 'answerForm'>;
  now?: () => number;
}): Forms {
  const { counting, storage } = options;
  const now = options.now ?? Date.now;

  // Read afresh, not from counting's cache: stations imported a moment ago must be found.
  const stationOf = async (election: string, station: string) =>
    (await storage.stations(election)).find((s) => s.station === station);

  return {
    async make({ election: electionId, station, n, base }) {
      const election = await counting.election(electionId);
      if (!election) return { ok: false, reason: 'no-election' };
      if (!(await stationOf(electionId, station))) return { ok: false, reason: 'no-station' };
      const expiresAt = inviteExpiry(election, now());
      const codes = await storage.createFormCodes({ election: electionId, station, expiresAt, n });
      return { ok: true, election, station, codes: codes.map((code) => formLink(code, base)), expiresAt };
    },

    async open(code) {
      const state = await storage.formCode(code, now());
      if (!state.ok) return state;
      const election = await counting.election(state.election);
      // A code whose election was removed from the catalogue can no longer be answered.
      if (!election) return { ok: false, reason: 'unknown' };
      const station = await stationOf(state.election, state.station);
      return {
        ok: true,
        form: {
          election: election.id,
          title: election.title,
          station: state.station,
          city: station?.city ?? '',
          answers: election.answers,
        },
      };
    },

    async answer({ code, answer, station }) {
      const at = now();
      const state = await storage.formCode(code, at);
      if (!state.ok) return state;
      const election = await counting.election(state.election);
      if (!election) return { ok: false, reason: 'unknown' };
      if (!election.answers.some((a) => a.id === answer)) return { ok: false, reason: 'no-such-answer' };
      if (station !== undefined && station !== state.station) return { ok: false, reason: 'other-station' };
      const used = await storage.answerForm({ code, answer, bucket: at - (at % BUCKET_MS), now: at });
      return used.ok ? { ok: true } : used;
    },
  };
}
