// Russian speaks of a person in their grammatical gender: «ты прав» to a father, «ты права» to a mother, and
// «я хотел» or «я хотела» of the user. Catalogue lines mark such words with both forms, male first:
//   {прав|права}   — the relative, whom the user answers;
//   [хотел|хотела] — the user.
// A gender that is not known gets the short neutral form people write, «прав(а)», or both words, «его/её».

export type Gender = 'female' | 'male';

export interface Genders {
  relative?: Gender | undefined;
  user?: Gender | undefined;
}

const RELATIVE = /\{([^{}|[\]]*)\|([^{}|[\]]*)\}/g;
const USER = /\[([^{}|[\]]*)\|([^{}|[\]]*)\]/g;

/** Both forms at once: the male form with the female ending in brackets when it only adds letters. */
function neutral(male: string, female: string): string {
  return female.startsWith(male) && female.length > male.length
    ? `${male}(${female.slice(male.length)})`
    : `${male}/${female}`;
}

function pick(gender: Gender | undefined) {
  return (_: string, male: string, female: string) =>
    gender === 'male' ? male : gender === 'female' ? female : neutral(male, female);
}

/** The line with every marked word in the gender of whom it speaks of. */
export function gendered(text: string, genders: Genders = {}): string {
  return text.replace(RELATIVE, pick(genders.relative)).replace(USER, pick(genders.user));
}

/** What is wrong with a line's marks, for `content check`: a brace or bracket that opens no pair of forms. */
export function markProblem(text: string): string | undefined {
  const rest = text.replace(RELATIVE, '').replace(USER, '');
  if (/[{}[\]]/.test(rest))
    return 'has a gender mark that is not {male|female} (the relative) or [male|female] (the user)';
  return undefined;
}
