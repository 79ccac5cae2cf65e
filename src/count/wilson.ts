// The exit poll's figures with honest uncertainty: the Wilson score interval, which stays inside [0, 1] and
// behaves at 0 and n, where the normal approximation does not.

export const Z95 = 1.96;

/** The Wilson score interval of `count` successes in `n`; null when n is 0. */
export function wilson(count: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = count / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface AnswerFigures {
  count: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

export interface ExitPoll {
  respondents: number;
  declined: number;
  answers: Record<string, AnswerFigures>;
}

/**
 * The spec's `exitPoll` for one station: `answers` are the election's answer ids in order (declined among
 * them), `counts` the respondents per answer; an answer the election does not have is refused.
 */
export function exitPollFigures(
  answers: readonly string[],
  counts: Readonly<Record<string, number>>,
): ExitPoll {
  for (const answer of Object.keys(counts))
    if (!answers.includes(answer)) throw new RangeError(`not an answer of the election: ${answer}`);
  const count = (answer: string) => counts[answer] ?? 0;
  const respondents = answers.reduce((sum, answer) => sum + count(answer), 0);
  const declined = count('declined');
  const figures: Record<string, AnswerFigures> = {};
  for (const answer of answers) {
    const k = count(answer);
    // `high` is what the poll supports if every respondent who declined chose this answer.
    const upper = answer === 'declined' ? k : k + declined;
    figures[answer] = {
      count: k,
      share: respondents > 0 ? k / respondents : null,
      low: wilson(k, respondents)?.low ?? null,
      high: wilson(upper, respondents)?.high ?? null,
    };
  }
  return { respondents, declined, answers: figures };
}
