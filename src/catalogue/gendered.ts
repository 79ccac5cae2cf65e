// Russian speaks of a person in their grammatical gender: «ты прав» to a father, «ты права» to a mother, and
// «я хотел» or «я хотела» of the user. Catalogue lines mark such words with both forms, male first:
//   {прав|права}   — the relative, whom the user answers;
//   [хотел|хотела] — the user.
// A gender that is not known gets the short neutral form people write, «прав(а)», or both words, «его/её».
// A relative's mark may give a third, neutral form, used when the gender is not known: English speaks of the
// relative as "he", "she" or "they", and the verb may change with it: {he has|she has|they have}.

export type Gender = 'female' | 'male';

export interface Genders {
  relative?: Gender | undefined;
  user?: Gender | undefined;
}

const RELATIVE = /\{([^{}|[\]]*)\|([^{}|[\]]*)(?:\|([^{}|[\]]*))?\}/g;
const USER = /\[([^{}|[\]]*)\|([^{}|[\]]*)\]/g;

/** Both forms at once: the male form with the female ending in brackets when it only adds letters. */
function neutral(male: string, female: string): string {
  return female.startsWith(male) && female.length > male.length
    ? `${male}(${female.slice(male.length)})`
    : `${male}/${female}`;
}

/** The form for a gender; when it is not known, the neutral form if the mark gives one, else both forms. */
function pick(gender: Gender | undefined, male: string, female: string, unknown?: string): string {
  return gender === 'male' ? male : gender === 'female' ? female : (unknown ?? neutral(male, female));
}

/** The line with every marked word in the gender of whom it speaks of. */
export function gendered(text: string, genders: Genders = {}): string {
  return text
    .replace(RELATIVE, (_, male: string, female: string, unknown: string | undefined) =>
      pick(genders.relative, male, female, unknown),
    )
    .replace(USER, (_, male: string, female: string) => pick(genders.user, male, female));
}

/** What is wrong with a line's marks, for `content check`: a brace or bracket that opens no pair of forms. */
export function markProblem(text: string): string | undefined {
  const rest = text.replace(RELATIVE, '').replace(USER, '');
  if (/[{}[\]]/.test(rest))
    return 'has a gender mark that is not {male|female} or {male|female|neutral} (the relative), or [male|female] (the user)';
  return undefined;
}
