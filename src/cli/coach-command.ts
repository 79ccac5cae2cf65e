import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { MARKER_LABELS } from '../coach/tips.js';
import { detectLanguage } from '../matcher/language.js';
import { createMatcher } from '../matcher/matcher.js';
import { clean } from '../matcher/normalize.js';
import { type Command, parse, parseLang, printJson, UsageError } from './command.js';
import { mapJsonLines } from './jsonl.js';

const VERDICT_LABELS = {
  ru: { toxic: 'токсично', neutral: 'нейтрально', empathic: 'эмпатично' },
  en: { toxic: 'toxic', neutral: 'neutral', empathic: 'empathic' },
} as const;

export const coachCommand: Command = {
  name: 'coach',
  usage: 'coach TEXT [--context TEXT] [--lang ru|en] [--json] | coach --jsonl',
  summary: 'judge a reply to a relative: verdict, moves, tips and a rewrite',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      context: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
    });
    const lang = values.lang === undefined ? undefined : parseLang(values.lang);
    const catalogue = loadCatalogue();
    const coach = createCoach(catalogue, createMatcher(catalogue));
    if (values.jsonl) {
      await mapJsonLines((line) => {
        const context = typeof line.context === 'string' ? line.context : undefined;
        return coach.judge(line.text, { context, lang });
      });
      return 0;
    }
    const text = positionals.join(' ');
    if (clean(text) === '') throw new UsageError('the reply is empty: usage: sobesednik coach TEXT');
    const judgement = coach.judge(text, { context: values.context, lang });
    if (values.json) {
      printJson(judgement);
      return 0;
    }
    const shown = lang ?? detectLanguage(clean(text)).lang;
    const labels = MARKER_LABELS[shown];
    const lines = [
      `${VERDICT_LABELS[shown][judgement.verdict]}  (toxicity ${judgement.toxicity}, empathy ${judgement.empathy})`,
      ...judgement.markers.map((marker) => `  • ${labels[marker.kind]}: «${marker.text}»`),
      '',
      ...judgement.tips.map((tip) => `→ ${tip}`),
      // No better version when the reply already reflects and asks: the tips alone.
      ...(judgement.rewrite
        ? ['', `${shown === 'ru' ? 'Можно сказать так' : 'You could say'}: ${judgement.rewrite}`]
        : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
