import { words } from '../../matcher/normalize.js';

// Which of the simulated relatives the user spoke of ("мама опять…", "my uncle says…"), so that "practise this"
// under an advice card starts with that relative rather than a random one. Kin words only: no names, no guess.

const KIN: readonly [persona: string, word: RegExp][] = [
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
  ['friend', /^(?:друг|друга|другу|другом|друге|подруг[аиеуой]|friend|buddy)$/],
  ['colleague', /^(?:коллег[аиеуой]|начальник|начальница|colleague|coworker|boss)$/],
];

/** The persona whose kin word comes first in the text, if any. */
export function relativeIn(text: string): string | undefined {
  for (const word of words(text.toLowerCase())) {
    const found = KIN.find(([, pattern]) => pattern.test(word));
    if (found) return found[0];
  }
  return undefined;
}
