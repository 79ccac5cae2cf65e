import type { Gender } from '../../catalogue/gendered.js';
import { words } from '../../matcher/normalize.js';
import type { Deps } from '../deps.js';

// Whom the user spoke of ("мама опять…", "my uncle says…"): one of the simulated relatives, so that "practise this"
// under an advice card starts with them, or at least a man or a woman, so that the answer speaks to them in the
// right grammatical gender. Kin words only: no names, no guess. Only this key rides on buttons, never the text.

/** A persona's id, or `he` / `she` for a relative no persona stands for. */
export type RelativeKey = string;

const KIN: readonly [key: RelativeKey, word: RegExp][] = [
  [
    'mother',
    /^(?:мам(?:а|ы|е|у|ой|очка|очки|очке|уля|ули)?|мать|матери|матерью|mum|mom|mummy|mommy|mother|mama)$/,
  ],
  [
    'grandmother',
    /^(?:бабушк[аиеуой]|бабул[яиеюей]|бабуленьк[аи]|grandma|granny|gran|nan|nana|grandmother)$/,
  ],
  ['uncle', /^(?:дяд[яиеюей]|дядьк[аиеуой]|uncle)$/],
  ['brother', /^(?:брат|брата|брату|братом|брате|братишк[аиеуой]|братан|brother|bro)$/],
  ['friend', /^(?:друг|друга|другу|другом|друге|friend|buddy)$/],
  ['colleague', /^(?:коллег[аиеуой]|colleague|coworker)$/],
  [
    'he',
    /^(?:пап[аыеуой]?|папочк[аи]|отец|отца|отцу|батя|бати|дед|деда|деду|дедушк[аиеуой]|муж|мужа|сын|сына|тесть|свекор|начальник|dad|daddy|father|grandpa|granddad|husband|son)$/,
  ],
  [
    'she',
    /^(?:тет[яиеюей]|тетушк[аи]|сестр[аыеуой]|жен[аыеуой]|доч[ьи]|дочк[аиеуой]|свекров[ьи]|теща|тещи|подруг[аиеуой]|начальница|aunt|auntie|sister|wife|daughter|girlfriend)$/,
  ],
];

/** The relative of the first kin word in the text, if any. */
export function relativeIn(text: string): RelativeKey | undefined {
  for (const word of words(text)) {
    const found = KIN.find(([, pattern]) => pattern.test(word));
    if (found) return found[0];
  }
  return undefined;
}

/** The grammatical gender of a relative so named, when known. */
export function genderOf(deps: Deps, relative: RelativeKey | undefined): Gender | undefined {
  if (relative === 'he') return 'male';
  if (relative === 'she') return 'female';
  return relative === undefined ? undefined : deps.catalogue.persona(relative)?.gender;
}
