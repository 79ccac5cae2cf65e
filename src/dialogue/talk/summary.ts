import { gendered } from '../../catalogue/gendered.js';
import type { Lang } from '../../catalogue/schema.js';
import { type TipKey, tipSummary } from '../../coach/tips.js';
import type { PracticeState } from '../state.js';
import type { PracticeOutcome, PracticeSummary } from '../storage.js';
import { type Gender, TALK_TEXTS } from './texts.js';

const BARS = '▁▂▃▄▅▆▇█';

/** Openness 0–100 as a row of bars, one per turn: ▁▂▃▅▇. */
export function sparkline(values: readonly number[]): string {
  return values
    .map((value) => BARS[Math.min(BARS.length - 1, Math.floor((Math.max(0, value) / 100) * BARS.length))])
    .join('');
}

export function practiceSummary(
  practice: PracticeState,
  outcome: PracticeOutcome,
  finishedAt: Date,
): PracticeSummary {
  return {
    finishedAt: finishedAt.toISOString(),
    persona: practice.persona,
    position: practice.position,
    outcome,
    turns: practice.turn,
    ...practice.counts,
    openness: practice.opennessTrail,
  };
}

/** The tips given most often during the practice, ties in the order first given: the habits most worth changing. */
export function topTips(practice: PracticeState, count = 3): TipKey[] {
  const given = new Set(practice.tips.map(([tip]) => tip));
  return (
    [...practice.tips]
      // "Add an open question" and "open up your question" are one habit: said once, as "add".
      .filter(([tip]) => tip !== 'next:open' || !given.has('next:question'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([tip]) => tip)
  );
}

/** Motivational interviewing's yardstick: reflections to questions 1:1 is fair, 2:1 good. */
function balance(reflections: number, questions: number): keyof (typeof TALK_TEXTS)['ru']['balanceVerdict'] {
  if (reflections === 0 && questions === 0) return 'none';
  if (reflections >= 2 * questions) return 'good';
  if (reflections >= questions) return 'fair';
  return 'low';
}

/** The relative as the summary names them. */
export interface Named {
  name: string;
  gender: Gender;
}

export function summaryText(
  practice: PracticeState,
  outcome: PracticeOutcome,
  lang: Lang,
  who: Named,
): string {
  const texts = TALK_TEXTS[lang];
  const { counts, opennessTrail } = practice;
  const tips = topTips(practice);
  return [
    texts.summaryHeading[outcome](who.name, who.gender),
    '',
    texts.summaryTurns(practice.turn),
    texts.summaryVerdicts(counts.empathic, counts.neutral, counts.toxic),
    `${texts.summaryBalance(counts.reflections, counts.questions, who.gender)} — ${texts.balanceVerdict[balance(counts.reflections, counts.questions)]}`,
    texts.summaryOpenness(sparkline(opennessTrail), opennessTrail[0] ?? 0, opennessTrail.at(-1) ?? 0),
    ...(tips.length > 0
      ? [
          '',
          texts.summaryTips,
          ...tips.map((tip) => `• ${gendered(tipSummary(tip, lang), { relative: who.gender })}`),
        ]
      : []),
  ].join('\n');
}

/** Earlier practice, numbers only, and whether warm replies are becoming more common. */
export function progressText(
  summaries: readonly PracticeSummary[],
  lang: Lang,
  personaName: (id: string) => string,
): string {
  const texts = TALK_TEXTS[lang];
  if (summaries.length === 0) return texts.progressNone;
  const share = (summary: PracticeSummary) =>
    summary.turns === 0 ? 0 : Math.round((summary.empathic / summary.turns) * 100);
  const rows = summaries.map((summary) =>
    texts.progressLine(
      summary.finishedAt,
      personaName(summary.persona),
      summary.turns,
      summary.empathic,
      sparkline(summary.openness),
    ),
  );
  const lines = [texts.progressHeading(summaries.length), ...rows];
  if (summaries.length >= 2) {
    const half = Math.floor(summaries.length / 2);
    const average = (list: readonly PracticeSummary[]) =>
      list.reduce((sum, s) => sum + share(s), 0) / list.length;
    const change = average(summaries.slice(half)) - average(summaries.slice(0, half));
    lines.push(
      '',
      change > 5 ? texts.progressTrend.up : change < -5 ? texts.progressTrend.down : texts.progressTrend.flat,
    );
  }
  return lines.join('\n');
}
