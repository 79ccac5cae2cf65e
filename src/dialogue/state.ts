import { z } from 'zod';
import { LANGS } from '../catalogue/schema.js';
import { TIP_KEYS } from '../coach/tips.js';

// The dialogue state is plain data: the store keeps it as JSON between messages, and a state written by an older
// version is checked against this schema when read back (and reset with a notice if it no longer fits).
// It keeps no text, only keys into the catalogue and the coach's tips: no word the user typed (a tip may quote
// one), and nothing long, since it is read and written on every message.

/** Raised when the shape changes: a state of another version is reset with a notice, never misread. */
export const STATE_VERSION = 3;

/** Where the user is: what typed text means there (see the parts' `modes`). */
export const MODES = ['menu', 'advise', 'browse', 'practice', 'progress', 'guide', 'guide-find'] as const;

const openness = z.number().min(0).max(100);

const counts = z.object({
  empathic: z.number().int(),
  neutral: z.number().int(),
  toxic: z.number().int(),
  questions: z.number().int(),
  reflections: z.number().int(),
});

/** The relative's side of a practice: what a reply changes. */
const practiceTurnSchema = z.object({
  persona: z.string(),
  position: z.string(),
  openness,
  turn: z.number().int().min(0),
  /** Persona lines already said in this practice (keys like "line:tv-says:open:2"), so none repeats. */
  used: z.array(z.string()),
  /** The key of the persona's last line (see `saidLine`): the coach's context, shown again after "try again". */
  lastLine: z.string(),
  /** Openness before the first reply and after each one: the summary's sparkline. */
  opennessTrail: z.array(openness),
});

/**
 * What one reply changed, so that "try again" can take it back exactly. Only the changes are kept (the state
 * is read and written on every message, so its size is the bot's cost): the values the reply replaced, whether
 * it said a new line, and which tips it counted.
 */
const undoSchema = z.object({
  position: z.string(),
  openness,
  lastLine: z.string(),
  counts,
  /** Whether the reply added a key to `used`. */
  usedAdded: z.boolean(),
  /** Indices into `tips` that the reply counted, and how many tips it appended. */
  tipIndices: z.array(z.number().int().min(0)),
  newTips: z.number().int().min(0),
  rng: z.number().int(),
});

const practiceSchema = practiceTurnSchema.extend({
  counts,
  /** Each tip given, by key, and for how many replies: the summary names the most frequent. */
  tips: z.array(z.tuple([z.enum(TIP_KEYS), z.number().int().min(1)])),
  /** Buttons carry this number, so a button from an earlier practice is recognised as stale. */
  serial: z.number().int(),
  maxTurns: z.number().int().min(1),
  /** One entry per reply so far; "try again" takes back the last. */
  history: z.array(undoSchema),
});

export const dialogueStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  lang: z.enum(LANGS),
  mode: z.enum(MODES),
  /** The seeded random generator's state: the same seed and the same messages give the same conversation. */
  rng: z.number().int(),
  practiceSerial: z.number().int().min(0),
  practice: practiceSchema.optional(),
  /** How the user speaks of themselves in Russian («я поняла» / «я понял»), if they said (/settings). */
  userGender: z.enum(['female', 'male']).optional(),
  /**
   * The guide's place: the wizard's answers so far (short codes from its buttons, never typed text) and the
   * station last shown, which /remind subscribes to.
   */
  guide: z
    .object({
      wizard: z.record(z.string().max(16), z.string().max(80)).optional(),
      election: z.string().max(80).optional(),
      station: z.string().max(40).optional(),
    })
    .optional(),
  /**
   * An unrecognised phrasing waiting for the user's consent. It is the one piece of user text in the state and
   * is never persisted: `persistable` drops it, and the caller holds it in memory for a short while.
   */
  pendingPhrasing: z.string().optional(),
});

export type DialogueState = z.infer<typeof dialogueStateSchema>;
export type PracticeState = z.infer<typeof practiceSchema>;
export type PracticeTurn = z.infer<typeof practiceTurnSchema>;
export type Undo = z.infer<typeof undoSchema>;

export function initialState(lang: DialogueState['lang'], seed: number): DialogueState {
  return { version: STATE_VERSION, lang, mode: 'menu', rng: seed >>> 0, practiceSerial: 0 };
}

/** The state as it may be stored: without the phrasing that awaits consent. */
export function persistable(state: DialogueState): DialogueState {
  const { pendingPhrasing: _dropped, ...rest } = state;
  return rest;
}

/**
 * Reads a stored state back from its JSON; undefined when it no longer fits (an older version) or is not JSON
 * (a damaged row), so the caller can reset.
 */
export function parseState(text: string): DialogueState | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = dialogueStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}
