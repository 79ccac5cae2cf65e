import { type Lang, TEXTS, type Texts } from './texts.js';

// The language of the pages: the RU/EN switch, remembered in localStorage (a preference, not personal data),
// and the static words of the HTML filled in from [data-i18n*] attributes.

const STORAGE_KEY = 'sobesednik-lang';

/** The language chosen before, else the browser's if it is Russian or English. */
function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'ru' || stored === 'en') return stored;
  return (navigator.language || 'ru').toLowerCase().startsWith('en') ? 'en' : 'ru';
}

let current = initialLang();
const listeners: ((lang: Lang) => void)[] = [];

export function lang(): Lang {
  return current;
}

export function t<K extends keyof Texts>(key: K): Texts[K] {
  return TEXTS[current][key];
}

/** A word named in the HTML; an unknown or non-text key shows as itself, so a typo is visible. */
function word(key: string | undefined): string {
  const value = key === undefined ? undefined : TEXTS[current][key as keyof Texts];
  return typeof value === 'string' ? value : (key ?? '');
}

/** Fills every [data-i18n] element's text and [data-i18n-*] attribute in the current language. */
function applyTexts(): void {
  document.documentElement.lang = current;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = word(node.dataset.i18n);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-aria]'))
    node.setAttribute('aria-label', word(node.dataset.i18nAria));
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))
    node.setAttribute('placeholder', word(node.dataset.i18nPlaceholder));
  const title = document.querySelector<HTMLElement>('title[data-i18n-title]');
  if (title) title.textContent = word(title.dataset.i18nTitle);
  for (const button of document.querySelectorAll<HTMLElement>('[data-lang]'))
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
}

export function onLangChange(listener: (lang: Lang) => void): void {
  listeners.push(listener);
}

/** Switches the language as the RU/EN buttons do: remembered, the page's words refilled, listeners told. */
export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  applyTexts();
  for (const listener of listeners) listener(next);
}

export function setupLangSwitch(): void {
  for (const button of document.querySelectorAll<HTMLElement>('[data-lang]')) {
    button.addEventListener('click', () => {
      const next = button.dataset.lang;
      if (next === 'ru' || next === 'en') setLang(next);
    });
  }
  applyTexts();
}
