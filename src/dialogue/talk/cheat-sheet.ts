import type { Lang, Position } from '../../catalogue/schema.js';
import { TALK_TEXTS } from './texts.js';

/**
 * One message to take into a hard call: the chosen three-step answer, the first fact with its source, two
 * pitfalls. Plain text, so that it can be copied, printed, forwarded or pinned as it is.
 */
export function cheatSheet(
  position: Position,
  answer: number,
  lang: Lang,
  say: (line: string) => string,
): string {
  const texts = TALK_TEXTS[lang];
  const answers = position[lang].answers;
  const chosen = answers[((answer % answers.length) + answers.length) % answers.length] ?? answers[0];
  const fact = position.counterarguments[0];
  const lines = [texts.sheet.heading(position[lang].title), ''];
  if (chosen)
    lines.push(
      `${texts.steps.relate}: ${say(chosen.relate)}`,
      `${texts.steps.unite}: ${say(chosen.unite)}`,
      `${texts.steps.ask}: ${say(chosen.ask)}`,
    );
  if (fact)
    lines.push(
      '',
      texts.sheet.fact,
      `${fact.claim[lang]} (${fact.source.publisher}, ${texts.quote(fact.source.title)}, ${fact.source.year}: ${fact.source.url})`,
    );
  lines.push(
    '',
    texts.sheet.avoid,
    ...position[lang].pitfalls.slice(0, 2).map(({ avoid, why }) => `• ${say(avoid)}\n  ${say(why)}`),
  );
  lines.push('', texts.sheet.closing);
  return lines.join('\n');
}
