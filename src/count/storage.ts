import type { Election } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';
import type { TapRun } from './counted.js';
import type { StoredEvent } from './events.js';
import type { ExclusionRow } from './exclusions.js';
import type { Official } from './flags.js';

// What counting needs from a database. `store` implements it on SQLite and PostgreSQL. Volunteers are
// pseudonymous: a random label made at joining, reached by a token or a bot user's key that are stored hashed;
// no name, phone or Telegram id exists to be stored.

export const VOLUNTEER_ROLES = ['volunteer', 'coordinator'] as const;
export type VolunteerRole = (typeof VOLUNTEER_ROLES)[number];

export interface Volunteer {
  /** Random, made at joining; never shown in public output. */
  volunteer: string;
  election: string;
  station: string;
  role: VolunteerRole;
}

export interface Joined extends Volunteer {
  /** The bearer token, returned once; only its hash is kept. */
  token: string;
}

/** The replies the bot may wait for from a volunteer: a queue report, or the name of a door. */
export const AWAITED_REPLIES = ['queue', 'door'] as const;
export type AwaitedReply = (typeof AWAITED_REPLIES)[number];

/**
 * What the bot keeps of a user between their messages, beside the volunteer they joined as: in the database, so
 * that a restart or another instance carries on where the last message left off.
 */
export interface UserLink {
  volunteer: Volunteer;
  /** The door they chose to count at; null until they choose one (the main door). */
  door: string | null;
  /** The reply the bot asked for and until when (epoch ms) it takes their next text as that reply. */
  awaiting: { kind: AwaitedReply; until: number } | null;
}

export type RedeemResult =
  | { ok: true; joined: Joined }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** A voter's self-filled form code: whose station it is, or why it no longer opens a form. */
export type FormCodeState =
  | { ok: true; election: string; station: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Everything stored for one station that its live figures are computed from. */
export interface StationEvents {
  events: (StoredEvent & { volunteer: string })[];
  /** Epoch ms of the last event received, or null. */
  receivedAt: number | null;
}

/** What the report counts a station from: its taps that count, and its shift starts and ends not undone. */
export interface CountedRows {
  taps: TapRun[];
  shiftEvents: StationEvents['events'];
}

/** A station's official result as imported (count-spec.md, "Official results import"). */
export interface OfficialRow extends Official {
  station: string;
}

/** A paper tally as imported; `volunteer` is already a hash of the label written on the paper. */
export interface TallyRow {
  station: string;
  door: string;
  volunteer: string;
  from: number;
  to: number;
  count: number;
}

/** Exit-poll respondents from another source, per station, 15-minute bucket and answer (gender '', age -1: not given). */
export interface ImportedAnswer {
  station: string;
  bucket: number;
  answer: string;
  gender: string;
  age: number;
  respondents: number;
}

/** The `source` of the answers volunteers entered themselves (web counter, bot), beside imported ones' sources. */
export const VOLUNTEERS_SOURCE = 'volunteers';

/** Exit-poll respondents per station, 15-minute bucket (epoch ms of its start), answer and source. */
export interface AnswerRow {
  station: string;
  bucket: number;
  answer: string;
  source: string;
  respondents: number;
}

export interface CountStorage {
  /** Elections added with `count election add`, beside those in content/. */
  saveElection(election: Election): Promise<void>;
  addedElections(): Promise<Election[]>;

  /** Adds and updates stations by number, all in one transaction. */
  importStations(election: string, stations: readonly Station[]): Promise<{ added: number; updated: number }>;
  stations(election: string): Promise<Station[]>;

  /** Makes `n` single-use codes; returns them in the clear once, stores their hashes. */
  createInvites(input: {
    election: string;
    station: string;
    role: VolunteerRole;
    expiresAt: number;
    n: number;
  }): Promise<string[]>;
  /** Uses up a code and makes the volunteer and their token, in one transaction. */
  redeemInvite(code: string, now: number): Promise<RedeemResult>;
  volunteerByToken(token: string): Promise<Volunteer | undefined>;

  /** Makes `n` single-use codes for voters' own exit-poll forms; returns them in the clear once. */
  createFormCodes(input: {
    election: string;
    station: string;
    expiresAt: number;
    n: number;
  }): Promise<string[]>;
  /** Where a form code belongs, without using it up. */
  formCode(code: string, now: number): Promise<FormCodeState>;
  /**
   * Uses up a form code and adds its answer to the station's count for `bucket`, in one transaction: a code
   * answered twice at once counts once. Nothing records when the code was used.
   */
  answerForm(input: { code: string; answer: string; bucket: number; now: number }): Promise<FormCodeState>;

  /** A bot user's link to the volunteer they joined as (by the pseudonymous user key); a new one starts afresh. */
  linkUser(userKey: string, volunteer: string): Promise<void>;
  volunteerByUser(userKey: string): Promise<Volunteer | undefined>;
  userLink(userKey: string): Promise<UserLink | undefined>;
  /** Changes what is given of a linked user's door and awaited reply; nothing for a user with no link. */
  updateUserLink(
    userKey: string,
    changes: { door?: string | null; awaiting?: UserLink['awaiting'] },
  ): Promise<void>;

  /**
   * Stores a volunteer's events in one transaction, skipping ids already stored; resolves after the commit.
   * An exit-poll answer is kept as station, 15-minute bucket and answer only, unlinked from the volunteer.
   */
  addEvents(
    volunteer: Volunteer,
    events: readonly StoredEvent[],
    receivedAt: number,
  ): Promise<{ accepted: number; duplicates: number }>;
  stationEvents(election: string, station: string): Promise<StationEvents>;
  /** Every station's taps and shifts, read in bulk for the report (400,000 taps must not be 400,000 rows). */
  countedRows(election: string): Promise<Map<string, CountedRows>>;

  /**
   * Called after a commit that changed a station, in this process and (PostgreSQL) in every other instance on
   * the same database. Returns the unsubscribe.
   */
  /** Replaces the official rows of the stations given, all in one transaction. */
  importOfficial(election: string, rows: readonly OfficialRow[]): Promise<void>;
  official(election: string): Promise<OfficialRow[]>;
  /** Replaces every paper tally of the stations given by these, in one transaction. */
  importTallies(election: string, stations: readonly string[], tallies: readonly TallyRow[]): Promise<void>;
  tallies(election: string): Promise<TallyRow[]>;
  /**
   * Replaces the answers imported from `source` at the stations given by these, in one transaction: the same
   * file twice gives the same figures. The volunteers' own answers are untouched.
   */
  importAnswers(
    election: string,
    source: string,
    stations: readonly string[],
    answers: readonly ImportedAnswer[],
  ): Promise<void>;
  /** Respondents per station and answer: the volunteers' and every import's. */
  answerCounts(election: string): Promise<Record<string, Record<string, number>>>;
  /** Respondents per station, bucket, answer and source (gender and age summed over), for the open data. */
  answerRows(election: string): Promise<AnswerRow[]>;
  /** Every station's queue reports and undos (an undo may take a report back), in the order they happened. */
  queueEvents(election: string): Promise<Map<string, StationEvents['events']>>;

  /**
   * Appends a line to the exclusion log (nothing of the volunteer's data is touched) and tells every instance
   * that the station changed, so that its live figures are worked out again.
   */
  addExclusion(election: string, row: ExclusionRow): Promise<void>;
  /** The exclusion log of an election, or of one of its stations, oldest first, in one read. */
  exclusions(election: string, station?: string): Promise<ExclusionRow[]>;

  onStationChanged(listener: (election: string, station: string) => void): () => void;
}
