import type { Lang } from '../catalogue/schema.js';

// Telegram tells the language of the user's app. Russian is the default: for Russian and for the
// languages of neighbours who mostly read Russian too, and when the app does not say. Others get English.
const RUSSIAN_READERS = /^(ru|uk|be|kk)(-|_|$)/i;

export function langOf(languageCode: string | undefined): Lang {
  if (languageCode === undefined || languageCode === '') return 'ru';
  return RUSSIAN_READERS.test(languageCode) ? 'ru' : 'en';
}
