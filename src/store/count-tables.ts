import { type Generated, type Kysely, sql } from 'kysely';
import type { MigrationStep, StorePart } from './part.js';

// Count's tables. Instants are epoch milliseconds (bigint: PostgreSQL hands them back as text, the repository
// turns them into numbers). Volunteers are a random label; codes and tokens are kept only as SHA-256 hashes.

/** Elections a coordinator added with `count election add` (the shipped ones live in content/). */
export interface CountElectionsTable {
  id: string;
  /** The election as JSON, checked again when read. */
  body: string;
  added_at: string;
}

export interface CountStationsTable {
  election: string;
  station: string;
  country: string;
  city: string;
  address: string | null;
  timezone: string;
  lat: number | null;
  lon: number | null;
  /** JSON array of YYYY-MM-DD. */
  days: string;
  opens: string;
  closes: string;
}

export interface CountInvitesTable {
  code_hash: string;
  election: string;
  station: string;
  role: string;
  expires_at: number | string;
  used: number;
}

export interface CountVolunteersTable {
  volunteer: string;
  token_hash: string;
  election: string;
  station: string;
  role: string;
  joined_at: number | string;
}

/** A bot user's link to the volunteer they joined as, by the pseudonymous user key: /forget deletes it. */
export interface CountUserLinksTable {
  user_key: string;
  volunteer: string;
  linked_at: string;
  /** The door the user chose to count at; null: the main one. */
  door: string | null;
  /** The reply the bot waits for ('queue', 'door'), until `awaiting_until` (epoch ms); null: none. */
  awaiting: string | null;
  awaiting_until: number | string | null;
}

/** Every event a volunteer sent, by its client-made id; an exit-poll answer's own row is in count_answers. */
export interface CountEventsTable {
  id: string;
  election: string;
  station: string;
  volunteer: string;
  kind: string;
  at: number | string;
  door: string | null;
  people: number | null;
  wait_minutes: number | null;
  target: string | null;
  /** 1: kept but not counted (outside the hours, faster than a person taps). */
  flagged: number;
  received_at: number | string;
}

/**
 * Exit-poll answers as counts per station, 15-minute bucket, answer, gender and age: no volunteer, no event id,
 * and no row order that could be matched against the events' (count-spec.md, privacy rules).
 */
export interface CountAnswersTable {
  election: string;
  station: string;
  bucket: number | string;
  answer: string;
  /** '' when not given. */
  gender: string;
  /** -1 when not given. */
  age: number;
  respondents: number;
}

/** 0005: a station's official result; `votes` is JSON `{answer: votes}`. */
export interface CountOfficialTable {
  election: string;
  station: string;
  ballots: number;
  votes: string;
}

/** 0005: paper tallies; `volunteer` is a hash of the label on the paper, never the label. */
export interface CountTalliesTable {
  election: string;
  station: string;
  door: string;
  volunteer: string;
  from_at: number | string;
  to_at: number | string;
  count: number;
}

/** 0005: exit-poll answers imported from another source (Vote Abroad), kept apart so a re-import replaces them. */
export interface CountImportedAnswersTable extends CountAnswersTable {
  source: string;
}

/**
 * 0006: single-use codes for voters' own exit-poll forms, as hashes. `used` is a flag and nothing more: when a
 * code was used is not kept, so no answer can be put back together with the moment its phone sent it.
 */
export interface CountFormCodesTable {
  code_hash: string;
  election: string;
  station: string;
  expires_at: number | string;
  used: number;
}

/**
 * 0007: the log of volunteers excluded from a station's figures and included again. Rows are only added; the
 * latest per volunteer is their state. `by`: 'admin', 'admin (cli)' or 'coordinator:' and their volunteer id.
 */
export interface CountExclusionsTable {
  id: Generated<number>;
  election: string;
  station: string;
  volunteer: string;
  excluded: number;
  by: string;
  at: number | string;
}

export interface CountTables {
  count_elections: CountElectionsTable;
  count_stations: CountStationsTable;
  count_invites: CountInvitesTable;
  count_volunteers: CountVolunteersTable;
  count_user_links: CountUserLinksTable;
  count_events: CountEventsTable;
  count_answers: CountAnswersTable;
  count_official: CountOfficialTable;
  count_tallies: CountTalliesTable;
  count_imported_answers: CountImportedAnswersTable;
  count_form_codes: CountFormCodesTable;
  count_exclusions: CountExclusionsTable;
}

export const countPart: StorePart<CountTables> = {
  tables: [
    'count_elections',
    'count_stations',
    'count_invites',
    'count_volunteers',
    'count_user_links',
    'count_events',
    'count_answers',
    'count_official',
    'count_tallies',
    'count_imported_answers',
    'count_form_codes',
    'count_exclusions',
  ],
  // Forgetting a bot user removes their link; what they counted stays, since it was never theirs alone.
  userRows: [{ table: 'count_user_links', agesBy: 'linked_at' }],
};

/** 0003-count. */
export const createCountTables: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('count_elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('count_stations')
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('opens', 'text', (c) => c.notNull())
    .addColumn('closes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('count_stations_pk', ['election', 'station'])
    .execute();
  await db.schema
    .createTable('count_invites')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('count_volunteers')
    .addColumn('volunteer', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('count_user_links')
    .addColumn('user_key', 'text', (c) => c.primaryKey())
    .addColumn('volunteer', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('count_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('volunteer', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('door', 'text')
    .addColumn('people', 'integer')
    .addColumn('wait_minutes', 'integer')
    .addColumn('target', 'text')
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('count_events_station')
    .on('count_events')
    .columns(['election', 'station'])
    .execute();
  await db.schema
    .createTable('count_answers')
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age', 'integer', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('count_answers_pk', ['election', 'station', 'bucket', 'answer', 'gender', 'age'])
    .execute();
};

/**
 * 0004-count-bot: the bot's door choice and the reply it waits for, kept with the user's link rather than in one
 * process's memory, so that a restart or another instance behind the webhook goes on where the user left off.
 */
export const keepBotUserState: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema.alterTable('count_user_links').addColumn('door', 'text').execute();
  await db.schema.alterTable('count_user_links').addColumn('awaiting', 'text').execute();
  await db.schema.alterTable('count_user_links').addColumn('awaiting_until', 'bigint').execute();
};

/** 0005-count-results: official results, paper tallies and imported exit-poll answers (issue 19). */
export const createCountResultTables: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('count_official')
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('ballots', 'integer', (c) => c.notNull())
    .addColumn('votes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('count_official_pk', ['election', 'station'])
    .execute();
  await db.schema
    .createTable('count_tallies')
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('door', 'text', (c) => c.notNull())
    .addColumn('volunteer', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    .addColumn('to_at', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('count_tallies_station')
    .on('count_tallies')
    .columns(['election', 'station'])
    .execute();
  await db.schema
    .createTable('count_imported_answers')
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age', 'integer', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('count_imported_answers_pk', [
      'election',
      'station',
      'source',
      'bucket',
      'answer',
      'gender',
      'age',
    ])
    .execute();
};

/** 0006-count-forms: voters' self-filled exit-poll forms (issue 19); their answers go to count_answers. */
export const createFormCodesTable: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('count_form_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .execute();
};

/**
 * 0008-count-report-index: the report reads every counted tap of an election. The first index holds exactly those
 * (entries not flagged) in station, volunteer and door order, so the read never touches the table itself; the
 * second finds the few shifts and undos among them without reading the taps.
 */
export const indexCountedEntries: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .createIndex('count_events_counted')
    .on('count_events')
    .columns(['election', 'station', 'volunteer', 'door', 'at'])
    .where(sql<boolean>`kind = 'entry' and flagged = 0`)
    .execute();
  await db.schema.createIndex('count_events_kind').on('count_events').columns(['election', 'kind']).execute();
};

/** 0007-count-review: the exclusion log (issue 19, Review); an id in insertion order tells rows of one instant apart. */
export const createCountExclusionsTable: MigrationStep = async (db: Kysely<unknown>, dialect) => {
  await db.schema
    .createTable('count_exclusions')
    // SQLite's integer primary key is the rowid, given in increasing order (rows are never deleted).
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('volunteer', 'text', (c) => c.notNull())
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('count_exclusions_station')
    .on('count_exclusions')
    .columns(['election', 'station'])
    .execute();
};
