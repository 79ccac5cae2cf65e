import { z } from 'zod';

// The contract is count-spec.md ("Elections"): ids, kinds and the closing answers are fixed there.
export const ELECTION_KINDS = ['presidential', 'duma', 'referendum'] as const;
/** Every election's answers end with these three, in this order, after the candidates or parties. */
export const CLOSING_ANSWERS = ['invalid', 'removed', 'declined'] as const;

/**
 * The elections the catalogue must ship (count-spec.md). pres-2024's candidate ids are fixed because the
 * Vote Abroad exit-poll import maps its candidate codes onto them.
 */
export const CONTRACT_ELECTIONS: Readonly<
  Record<string, { kind: ElectionKind; candidates?: readonly string[] }>
> = {
  'pres-2024': { kind: 'presidential', candidates: ['davankov', 'kharitonov', 'putin', 'slutsky'] },
  'duma-2026': { kind: 'duma' },
};

/** `HH:MM`, 00:00 to 23:59; being fixed-width, two such times compare correctly as strings. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** "is required" for a missing field, `expected …` for a wrong value; zod's own words for an unknown key. */
function expected(what: string) {
  return {
    error: (issue: { code?: string; input?: unknown }) => {
      if (issue.code === 'unrecognized_keys') return undefined;
      return issue.input === undefined ? 'is required' : `expected ${what}`;
    },
  };
}

const text = z.string(expected('a text')).trim().min(1, { error: 'expected a text' });
const id = z.string(expected('a kebab-case id')).regex(ID, { error: 'expected a kebab-case id' });
const clockTime = z.string(expected('HH:MM')).regex(CLOCK_TIME, { error: 'expected HH:MM' });
// The `yaml` package reads an unquoted 2024-03-15 as a string (YAML 1.2), so a date is text here.
const calendarDate = z.iso.date(expected('YYYY-MM-DD'));

// Relations between fields (order, uniqueness) are checked only once each field is well-formed, so one
// mistake gives one problem.
const whenWellFormed = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

const bilingualTitle = z.strictObject({ ru: text, en: text }, expected('{ ru, en }'));

const answer = z.strictObject({ id, ru: text, en: text }, expected('{ id, ru, en }'));

const aYear = expected('a year from 1900 to 2100');
const source = z.strictObject(
  {
    publisher: text,
    title: text,
    year: z.number(aYear).int(aYear).min(1900, aYear).max(2100, aYear),
    url: z.url({ protocol: /^https$/, ...expected('an https URL') }),
  },
  expected('{ publisher, title, year, url }'),
);

const days = z
  .array(calendarDate, expected('a list of dates'))
  .min(1, { error: 'expected at least one day' })
  .refine((list) => list.every((day, i) => i === 0 || (list[i - 1] as string) < day), {
    error: 'expected the days in order, each once',
    ...whenWellFormed,
  });

const hours = z
  .strictObject({ opens: clockTime, closes: clockTime }, expected('{ opens, closes }'))
  .refine(({ opens, closes }) => opens < closes, {
    error: 'expected closes after opens',
    path: ['closes'],
    ...whenWellFormed,
  });

const answers = z
  .array(answer, expected('a list of answers'))
  .min(CLOSING_ANSWERS.length + 1, {
    error: `expected at least one answer before ${CLOSING_ANSWERS.join(', ')}`,
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `${item.id} is used twice` });
      seen.add(item.id);
    });
    const closing = list.slice(-CLOSING_ANSWERS.length).map((item) => item.id);
    if (closing.join() !== CLOSING_ANSWERS.join()) {
      ctx.addIssue({
        code: 'custom',
        message: `expected the last three to be ${CLOSING_ANSWERS.join(', ')}`,
      });
    }
  }, whenWellFormed);

// Not strict at the top: the guide shares these files and may add fields of its own.
export const electionSchema = z.object(
  {
    id,
    kind: z.enum(ELECTION_KINDS, expected(ELECTION_KINDS.join(' | '))),
    title: bilingualTitle,
    days,
    hours,
    answers,
    sources: z.array(source, expected('a list of sources')).min(1, { error: 'expected at least one source' }),
  },
  expected('an election'),
);

export type Election = z.infer<typeof electionSchema>;
export type ElectionKind = (typeof ELECTION_KINDS)[number];
/** `field` is the dotted path, such as `days.1`; `(root)` for the file as a whole. */
export interface ElectionProblem {
  field: string;
  message: string;
}

/** Checks a parsed YAML value (the caller reads and parses the file). */
export function parseElection(
  value: unknown,
): { ok: true; election: Election } | { ok: false; problems: ElectionProblem[] } {
  const result = electionSchema.safeParse(value);
  if (result.success) return { ok: true, election: result.data };
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  return { ok: false, problems };
}
