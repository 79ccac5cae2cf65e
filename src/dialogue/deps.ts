import type { Catalogue } from '../catalogue/load.js';
import type { Persona } from '../catalogue/schema.js';
import type { Coach } from '../coach/coach.js';
import type { QuestionMatcher } from '../guide/questions.js';
import type { Matcher } from '../matcher/matcher.js';

/** What every part of the engine reads: the catalogue, the matcher, the coach and the settings. */
export interface Deps {
  catalogue: Catalogue;
  matcher: Matcher;
  /** The guide's matcher of practical questions about voting. */
  questions: QuestionMatcher;
  coach: Coach;
  /** A practice ends after this many replies. */
  maxTurns: number;
  /** Idle users are forgotten after this many days; /privacy says so. */
  retentionDays: number;
  personasHolding(position: string): Persona[];
}
