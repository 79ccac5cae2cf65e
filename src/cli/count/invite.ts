import type { Config } from '../../app/config.js';
import type { Counting } from '../../count/counting.js';
import { inviteLinks } from '../../count/invites.js';
import { VOLUNTEER_ROLES, type VolunteerRole } from '../../count/storage.js';
import { printJson, UsageError } from '../command.js';
import { requireElection, unknownElection } from './elections.js';

// `count invite --election ID --station N [--role volunteer|coordinator] [--n K] [--json]`: single-use codes
// (stored hashed; shown here once), each with a web link and a Telegram deep link. How long they last is
// counting's rule (count/invites.ts), the same for the API's invites.

/** Enough for a station's whole team in one go; more is more likely a typo than a plan. */
export const MAX_INVITES = 200;

/** The web page's address as people reach it: PUBLIC_URL, else this machine's HOST:PORT. */
export function publicBase(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${config.PORT}`;
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
  counting: Counting,
  config: Config,
  options: { election?: string; station?: string; role?: string; n?: string; json: boolean },
): Promise<number> {
  const role = parseRole(options.role);
  const n = parseInviteCount(options.n);
  const election = await requireElection(counting, options.election);
  const station = options.station;
  if (!station) throw new UsageError('which station? give --station N');
  const made = await counting.invite({ election: election.id, station, role, n });
  if (!made.ok) {
    if (made.reason === 'no-election') throw unknownElection(election.id);
    throw new UsageError(
      `${election.id} has no station '${station}' (see: sobesednik count stations --election ${election.id})`,
    );
  }
  const where = { base: publicBase(config), bot: config.TELEGRAM_BOT_USERNAME };
  const links = made.codes.map((code) => inviteLinks(code, where));
  if (options.json) {
    printJson({ codes: links });
    return 0;
  }
  const expires = new Date(made.expiresAt).toISOString().slice(0, 16).replace('T', ' ');
  const plural = links.length === 1 ? '' : 's';
  const lines = [
    `${links.length} single-use ${role} code${plural} for station ${station} of ${election.id}, valid until ${expires} UTC:`,
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
