import type { Config } from '../../app/config.js';
import type { Election } from '../../catalogue/election.js';
import { type CountStorage, VOLUNTEER_ROLES, type VolunteerRole } from '../../count/storage.js';
import { printJson, UsageError } from '../command.js';
import { requireElection } from './elections.js';

// `count invite --election ID --station N [--role volunteer|coordinator] [--n K] [--json]`: single-use codes
// (stored hashed; shown here once), each with a web link and a Telegram deep link.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Enough for a station's whole team in one go; more is more likely a typo than a plan. */
export const MAX_INVITES = 200;

/**
 * When the codes stop working: at the end of the day after the election's last day wherever that day ends last
 * (UTC−12), so that a volunteer abroad can still join for late tallies; but never sooner than a week from now,
 * so that codes made after an election (paper tallies entered later, a rehearsal) are usable at all.
 */
export function inviteExpiry(election: Election, now: number): number {
  const lastDay = election.days.at(-1) ?? new Date(now).toISOString().slice(0, 10);
  const dayAfterEndsEverywhere = Date.parse(`${lastDay}T00:00:00Z`) + 2 * DAY_MS + 12 * HOUR_MS;
  return Math.max(dayAfterEndsEverywhere, now + 7 * DAY_MS);
}

export interface InviteLinks {
  code: string;
  web: string;
  /** null until TELEGRAM_BOT_USERNAME names the bot. */
  telegram: string | null;
}

/** The web page's address as people reach it: PUBLIC_URL, else this machine's HOST:PORT. */
export function publicBase(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${config.PORT}`;
}

export function inviteLinks(
  code: string,
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT' | 'TELEGRAM_BOT_USERNAME'>,
): InviteLinks {
  // The code goes after '#': a fragment is never sent to a server, so it stays out of every access log.
  const web = `${publicBase(config)}/count/join#${code}`;
  const bot = config.TELEGRAM_BOT_USERNAME;
  return { code, web, telegram: bot ? `https://t.me/${bot}?start=c_${code}` : null };
}

export function parseRole(value: string | undefined): VolunteerRole {
  if (value === undefined) return 'volunteer';
  if ((VOLUNTEER_ROLES as readonly string[]).includes(value)) return value as VolunteerRole;
  throw new UsageError(`--role must be one of ${VOLUNTEER_ROLES.join(', ')}, not '${value}'`);
}

export function parseInviteCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_INVITES)
    throw new UsageError(`--n must be a whole number from 1 to ${MAX_INVITES}, not '${value}'`);
  return n;
}

export async function invite(
  storage: CountStorage,
  config: Config,
  options: { election?: string; station?: string; role?: string; n?: string; json: boolean },
  now = Date.now(),
): Promise<number> {
  const role = parseRole(options.role);
  const n = parseInviteCount(options.n);
  const election = await requireElection(storage, options.election);
  if (!options.station) throw new UsageError('which station? give --station N');
  const stations = await storage.stations(election.id);
  if (!stations.some((s) => s.station === options.station))
    throw new UsageError(
      `${election.id} has no station '${options.station}' (see: sobesednik count stations --election ${election.id})`,
    );
  const expiresAt = inviteExpiry(election, now);
  const codes = await storage.createInvites({
    election: election.id,
    station: options.station,
    role,
    expiresAt,
    n,
  });
  const links = codes.map((code) => inviteLinks(code, config));
  if (options.json) {
    printJson({ codes: links });
    return 0;
  }
  const expires = new Date(expiresAt).toISOString().slice(0, 16).replace('T', ' ');
  const who = role === 'coordinator' ? 'coordinator' : 'volunteer';
  const lines = [
    `${codes.length} single-use ${who} code${codes.length === 1 ? '' : 's'} for station ${options.station} of ${election.id}, valid until ${expires} UTC:`,
    '',
  ];
  for (const link of links) {
    lines.push(link.code, `  web:      ${link.web}`);
    if (link.telegram) lines.push(`  telegram: ${link.telegram}`);
  }
  lines.push(
    '',
    'Each code works once. They are not stored in the clear: keep this list until it is handed out.',
  );
  if (!config.PUBLIC_URL)
    lines.push('PUBLIC_URL is not set: the web links point to this machine, which phones may not reach.');
  if (!config.TELEGRAM_BOT_USERNAME)
    lines.push('Telegram links need TELEGRAM_BOT_USERNAME (the bot’s @username without the @).');
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
