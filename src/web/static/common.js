// Shared by the pages: the interface texts in both languages, the language switch, DOM helpers that only
// ever insert text as text (textContent, never innerHTML), and a small JSON client for the API.

const STORAGE_KEY = 'sobesednik-lang';

export const TEXTS = {
  ru: {
    brand: 'Собеседник',
    skip: 'К основному содержанию',
    navLabel: 'Разделы',
    navPractice: 'Тренажёр',
    navStats: 'Статистика',
    langLabel: 'Язык',
    title: 'Собеседник — тренажёр разговора с близкими',
    statsTitle: 'Собеседник — статистика',
    adminTitle: 'Собеседник — редакторам',
    tabsLabel: 'Режимы',
    tabPractice: 'Тренировка',
    tabAdvice: 'Совет',
    tabTopics: 'Темы',
    practiceHeading: 'Тренировка с виртуальным родственником',
    practiceLead:
      'Выберите собеседника или тему и отвечайте, как ответили бы в жизни. После каждой реплики — разбор и вариант получше.',
    topicPracticeLabel: '…или тема для тренировки',
    topicPracticeStart: 'Начать с этой темой',
    opennessLabel: 'Открытость собеседника',
    replyLabel: 'Ваш ответ',
    replyPlaceholder: 'Напишите, что бы вы сказали…',
    send: 'Отправить',
    notPractising: 'Сначала выберите собеседника или тему.',
    langDeferred: 'Собеседник договорит на прежнем языке; новый язык — со следующей тренировки.',
    adviceHeading: 'Совет: что ответить',
    adviceLabel: 'Что сказал ваш близкий?',
    advicePlaceholder: 'Например: «да всё равно нарисуют сколько надо»',
    adviceHint: 'Своими словами или как запомнили. Я узнаю позицию и подскажу тёплый ответ в три шага.',
    adviceEndsPractice: 'Совет закончит текущую тренировку.',
    adviceSubmit: 'Получить совет',
    topicsHeading: 'Темы',
    topicsLead: 'Самые частые позиции: что за ними стоит, как ответить, факты с источниками и чего избегать.',
    examples: 'Как это звучит',
    needs: 'Что за этим стоит',
    answers: 'Как ответить',
    relate: 'Поймите чувство',
    unite: 'Назовите общее',
    ask: 'Спросите',
    facts: 'Факты и источники',
    pitfalls: 'Чего избегать',
    avoid: 'Не стоит',
    why: 'Почему',
    practiseTopic: 'Потренироваться на этой теме',
    you: 'Вы',
    verdict: { empathic: 'Тепло', neutral: 'Нейтрально', toxic: 'Это ранит' },
    moves: 'Приёмы',
    tips: 'Попробуйте',
    rewrite: 'Можно сказать так',
    useRewrite: 'Взять этот вариант',
    summary: 'Итог тренировки',
    loading: 'Загрузка…',
    networkError: 'Нет связи с сервером. Попробуйте ещё раз.',
    privacy:
      'Мы не храним ваши сообщения и не знаем, кто вы: разговор привязан к случайному коду в этом окне браузера.',
    forget: 'Удалить всё обо мне',
    forgotten: 'Готово: всё удалено. Начинаем с чистого листа.',
    statsHeading: 'Что встречается чаще',
    statsLead: 'Только обезличенные счётчики по дням: никаких сообщений и никаких связей с людьми.',
    daysLabel: 'Период',
    days: (n) => `${n} дн.`,
    positionsChart: 'Позиции по дням',
    positionsChartDesc: (from, to) => `Сколько раз встречались самые частые позиции с ${from} по ${to}`,
    outcomesChart: 'Итоги тренировок по собеседникам',
    outcome: { opened: 'раскрылся', closed: 'закрылся', stopped: 'остановлено', limit: 'ходы кончились' },
    position: 'Позиция',
    total: 'Всего',
    persona: 'Собеседник',
    noData: 'Пока нет данных за этот период.',
    tableView: 'Таблица',
    adminHeading: 'Редакторам',
    tokenLabel: 'Токен администратора',
    loadPhrasings: 'Показать присланные фразы',
    reload: 'Перечитать каталог',
    phrasingsHeading: 'Неузнанные фразы (с согласия, без связи с людьми)',
    size: 'Сколько',
    example: 'Пример',
    variants: 'Варианты',
    period: 'Даты',
  },
  en: {
    brand: 'Sobesednik',
    skip: 'Skip to the main content',
    navLabel: 'Sections',
    navPractice: 'Trainer',
    navStats: 'Statistics',
    langLabel: 'Language',
    title: 'Sobesednik — practise talking with your relatives',
    statsTitle: 'Sobesednik — statistics',
    adminTitle: 'Sobesednik — for editors',
    tabsLabel: 'Modes',
    tabPractice: 'Practice',
    tabAdvice: 'Advice',
    tabTopics: 'Topics',
    practiceHeading: 'Practise with a simulated relative',
    practiceLead:
      'Choose someone to talk with, or a topic, and answer as you would in real life. After each reply you get feedback and a better version.',
    topicPracticeLabel: '…or a topic to practise',
    topicPracticeStart: 'Start with this topic',
    opennessLabel: "The relative's openness",
    replyLabel: 'Your reply',
    replyPlaceholder: 'Write what you would say…',
    send: 'Send',
    notPractising: 'Choose someone to talk with, or a topic, first.',
    langDeferred: 'The relative finishes in the old language; the new one starts with the next practice.',
    adviceHeading: 'Advice: what to answer',
    adviceLabel: 'What did your relative say?',
    advicePlaceholder: 'For example: "they will draw whatever numbers they need anyway"',
    adviceHint:
      'In your own words or as you remember it. I recognise the position and suggest a warm three-step reply.',
    adviceEndsPractice: 'Asking for advice ends the current practice.',
    adviceSubmit: 'Get advice',
    topicsHeading: 'Topics',
    topicsLead:
      'The most common positions: what lies behind them, how to answer, sourced facts and what to avoid.',
    examples: 'How it sounds',
    needs: 'What lies behind it',
    answers: 'How to answer',
    relate: 'Relate to the feeling',
    unite: 'Name what unites you',
    ask: 'Ask',
    facts: 'Facts and sources',
    pitfalls: 'What to avoid',
    avoid: 'Avoid',
    why: 'Why',
    practiseTopic: 'Practise this topic',
    you: 'You',
    verdict: { empathic: 'Warm', neutral: 'Neutral', toxic: 'This hurts' },
    moves: 'Moves',
    tips: 'Try',
    rewrite: 'You could say',
    useRewrite: 'Use this wording',
    summary: 'Practice summary',
    loading: 'Loading…',
    networkError: 'Cannot reach the server. Please try again.',
    privacy:
      'We do not store your messages and do not know who you are: the conversation is tied to a random code in this browser window.',
    forget: 'Delete everything about me',
    forgotten: 'Done: everything is deleted. Starting afresh.',
    statsHeading: 'What comes up most',
    statsLead: 'Anonymous daily counts only: no messages and no link to any person.',
    daysLabel: 'Period',
    days: (n) => `${n} days`,
    positionsChart: 'Positions per day',
    positionsChartDesc: (from, to) => `How often the most common positions were met from ${from} to ${to}`,
    outcomesChart: 'Practice outcomes per relative',
    outcome: { opened: 'opened up', closed: 'closed off', stopped: 'stopped', limit: 'out of turns' },
    position: 'Position',
    total: 'Total',
    persona: 'Relative',
    noData: 'No data for this period yet.',
    tableView: 'Table',
    adminHeading: 'For editors',
    tokenLabel: 'Admin token',
    loadPhrasings: 'Show shared phrasings',
    reload: 'Reload the catalogue',
    phrasingsHeading: 'Unrecognised phrasings (consented, with no link to anyone)',
    size: 'Count',
    example: 'Example',
    variants: 'Variants',
    period: 'Dates',
  },
};

/** The language of the interface: the one chosen before, else the browser's if it is Russian or English. */
export function initialLang() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'ru' || stored === 'en') return stored;
  return (navigator.language || 'ru').toLowerCase().startsWith('en') ? 'en' : 'ru';
}

let current = initialLang();
const listeners = [];

export function lang() {
  return current;
}

export function t(key) {
  return TEXTS[current][key];
}

/** Fills every [data-i18n] element's text and [data-i18n-*] attribute in the current language. */
export function applyTexts(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-aria]'))
    node.setAttribute('aria-label', t(node.dataset.i18nAria));
  for (const node of root.querySelectorAll('[data-i18n-placeholder]'))
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  const title = document.querySelector('title[data-i18n-title]');
  if (title) title.textContent = t(title.dataset.i18nTitle);
  for (const button of document.querySelectorAll('[data-lang]'))
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
}

export function onLangChange(listener) {
  listeners.push(listener);
}

/** The RU/EN buttons: remembered in localStorage (a preference, not personal data). */
export function setupLangSwitch() {
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => {
      const next = button.dataset.lang;
      if (next === current) return;
      current = next;
      localStorage.setItem(STORAGE_KEY, next);
      applyTexts();
      for (const listener of listeners) listener(next);
    });
  }
  applyTexts();
}

/**
 * An element with attributes and children; strings become text nodes, so anything a user or the server wrote
 * is shown as characters, never parsed as markup.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A link only for http(s) URLs: a catalogue mistake must not become a javascript: link. */
export function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:')
      return el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank' }, text);
  } catch {
    // Not a URL: shown as text below.
  }
  return el('span', {}, text);
}

/** Openness 0–100 as a small line chart. */
export function sparkline(values, { width = 120, height = 28, label = '' } = {}) {
  const chart = svg('svg', {
    class: 'sparkline',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
  });
  if (values.length === 0) return chart;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const points = values.map((value, i) => [
    2 + i * step,
    height - 2 - (Math.max(0, Math.min(100, value)) / 100) * (height - 4),
  ]);
  chart.append(svg('polyline', { points: points.map((p) => p.join(',')).join(' '), class: 'spark-line' }));
  const last = points[points.length - 1];
  chart.append(svg('circle', { cx: last[0], cy: last[1], r: 2.5, class: 'spark-dot' }));
  return chart;
}

/** JSON over fetch, same origin only; resolves to {status, data} and never throws on an HTTP error status. */
export async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  return { status: response.status, data };
}
