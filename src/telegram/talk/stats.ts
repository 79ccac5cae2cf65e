import type { Catalogue } from '../../catalogue/load.js';
import type { Lang } from '../../catalogue/schema.js';
import type { PositionStat } from '../../store/talk-repository.js';
import { TALK_BOT_TEXTS } from './texts.js';

export const STATS_DAYS = 30;
const SHOWN = 10;

/** /stats: the most common positions from the anonymous daily counters, titled in the reader's language. */
export function statsText(
  positions: readonly PositionStat[],
  days: number,
  lang: Lang,
  catalogue: Catalogue,
): string {
  const texts = TALK_BOT_TEXTS[lang];
  if (positions.length === 0) return texts.statsNone;
  const lines = [...positions]
    .sort((a, b) => b.total - a.total || a.position.localeCompare(b.position))
    .slice(0, SHOWN)
    .map((stat, index) =>
      texts.statsLine(
        index + 1,
        catalogue.position(stat.position)?.[lang].title ?? stat.position,
        stat.total,
      ),
    );
  return [texts.statsHeading(days), '', ...lines, '', texts.statsNote].join('\n');
}
