import type { Lang } from '../catalogue/schema.js';
import type { Marker } from './detect.js';
import { type EmpathicKind, isToxic, type MarkerKind, TOXIC_KINDS, type ToxicKind } from './markers.js';

export const MARKER_LABELS: Record<Lang, Record<MarkerKind, string>> = {
  ru: {
    'emotional-reaction': 'сочувствие',
    'simple-reflection': 'простое отражение',
    'complex-reflection': 'отражение чувства или опыта',
    exploration: 'интерес к опыту собеседника',
    'open-question': 'открытый вопрос',
    affirmation: 'признание сильных сторон',
    'confidence-scale': 'шкала уверенности',
    'change-mind': '«что могло бы изменить мнение»',
    'i-statement': 'я-высказывание',
    request: 'просьба',
    'own-story': 'своя история',
    'shared-values': 'общие ценности',
    gratitude: 'благодарность',
    'acknowledge-view': 'право на своё мнение',
    insult: 'оскорбление',
    labelling: 'ярлык',
    sarcasm: 'сарказм',
    contempt: 'презрение',
    threat: 'угроза или ультиматум',
    'group-blame': 'обвинение целой группы',
    lecture: 'лекция',
    'rhetorical-question': 'риторический вопрос',
    'link-dump': 'ссылки вместо разговора',
    profanity: 'мат',
    demand: 'требование',
  },
  en: {
    'emotional-reaction': 'emotional reaction',
    'simple-reflection': 'simple reflection',
    'complex-reflection': 'reflection of feeling or experience',
    exploration: 'exploring their experience',
    'open-question': 'open question',
    affirmation: 'affirmation',
    'confidence-scale': 'confidence scale',
    'change-mind': '"what would change your mind"',
    'i-statement': 'I-statement',
    request: 'request',
    'own-story': 'your own story',
    'shared-values': 'shared values',
    gratitude: 'gratitude',
    'acknowledge-view': 'their right to a view',
    insult: 'insult',
    labelling: 'label',
    sarcasm: 'sarcasm',
    contempt: 'contempt',
    threat: 'threat or ultimatum',
    'group-blame': 'blaming a whole group',
    lecture: 'lecture',
    'rhetorical-question': 'rhetorical question',
    'link-dump': 'links instead of talk',
    profanity: 'swearing',
    demand: 'demand',
  },
};

const FIX: Record<Lang, Record<ToxicKind, string>> = {
  ru: {
    insult:
      'Уберите оскорбление («{text}»): после него человек защищается, а не слушает. Скажите лучше, что чувствуете вы.',
    labelling: 'Ярлык («{text}») ставит диагноз вместо разговора. Спросите, откуда у человека такой взгляд.',
    sarcasm: 'Сарказм слышится как насмешка. Скажите прямо, что вас тревожит.',
    contempt:
      'Презрение («{text}») рвёт связь. Вспомните, за что вы цените этого человека, и скажите об этом.',
    threat: 'Ультиматум закрывает разговор. Скажите лучше, как вам дороги эти отношения.',
    'group-blame': 'Не обобщайте («{text}»): говорите об этом человеке и этом разговоре.',
    lecture:
      'Лекция и груда фактов мнений не меняют. Сначала спросите, что думает собеседник, а факт предложите один и с разрешения.',
    'rhetorical-question': '«{text}» — упрёк в форме вопроса. Задайте настоящий: «Что тебя в этом убеждает?»',
    'link-dump':
      'Ссылки без разговора не читают. Расскажите своими словами, что вас задело, и спросите, что думает близкий.',
    profanity: 'Без мата: он поднимает градус, и спор пойдёт о тоне, а не о сути.',
    demand:
      'Требование («{text}») вызывает сопротивление. Попробуйте просьбу: «Можно я расскажу, как вижу это я?»',
  },
  en: {
    insult:
      'Drop the insult ("{text}"): it makes people defend themselves instead of listening. Say how you feel instead.',
    labelling: 'A label ("{text}") diagnoses instead of talking. Ask where {his|her|their} view comes from.',
    sarcasm: 'Sarcasm reads as mockery. Say plainly what worries you.',
    contempt: 'Contempt ("{text}") breaks the connection. Think of what you value in this person and say it.',
    threat: 'An ultimatum ends the talk. Say how much the relationship means to you instead.',
    'group-blame': 'Do not generalise ("{text}"): talk about this person and this conversation.',
    lecture:
      'A lecture and a pile of facts change no minds. Ask what {he thinks|she thinks|they think} first; offer one fact, and ask permission before you do.',
    'rhetorical-question':
      '"{text}" is a reproach dressed as a question. Ask a real one: "What convinces you of that?"',
    'link-dump':
      'Links without a conversation go unread. Say in your own words what struck you, and ask what {he thinks|she thinks|they think}.',
    profanity: 'Leave out the swearing: it raises the temperature and the talk turns to tone, not substance.',
    demand: 'A demand ("{text}") breeds resistance. Try a request: "Can I tell you how I see it?"',
  },
};

/**
 * The FIX tips above that quote the reply, worded without the quote: the practice summary recalls a habit over
 * several replies, and the state it is rendered from keeps no word the user typed.
 */
const FIX_UNQUOTED: Record<
  Lang,
  Record<'insult' | 'labelling' | 'contempt' | 'group-blame' | 'rhetorical-question' | 'demand', string>
> = {
  ru: {
    insult:
      'Уберите оскорбления: после них человек защищается, а не слушает. Скажите лучше, что чувствуете вы.',
    labelling: 'Ярлыки ставят диагноз вместо разговора. Спросите, откуда у человека такой взгляд.',
    contempt: 'Презрение рвёт связь. Вспомните, за что вы цените этого человека, и скажите об этом.',
    'group-blame': 'Не обобщайте: говорите об этом человеке и этом разговоре.',
    'rhetorical-question':
      'Риторический вопрос — это упрёк в форме вопроса. Задайте настоящий: «Что тебя в этом убеждает?»',
    demand: 'Требования вызывают сопротивление. Попробуйте просьбу: «Можно я расскажу, как вижу это я?»',
  },
  en: {
    insult:
      'Drop the insults: they make people defend themselves instead of listening. Say how you feel instead.',
    labelling: 'Labels diagnose instead of talking. Ask where {his|her|their} view comes from.',
    contempt: 'Contempt breaks the connection. Think of what you value in this person and say it.',
    'group-blame': 'Do not generalise: talk about this person and this conversation.',
    'rhetorical-question':
      'A rhetorical question is a reproach dressed as a question. Ask a real one: "What convinces you of that?"',
    demand: 'Demands breed resistance. Try a request: "Can I tell you how I see it?"',
  },
};

const NEXT_MOVES = ['reflection', 'question', 'open', 'balance', 'connect', 'scale'] as const;
type NextMove = (typeof NEXT_MOVES)[number];

const NEXT: Record<Lang, Record<NextMove, string>> = {
  ru: {
    reflection:
      'Отразите чувство, которое слышите: «Похоже, тебе тревожно, что…» — так человек чувствует, что его слышат.',
    question:
      'Добавьте открытый вопрос, на который не ответишь «да» или «нет»: «Что для тебя в этом самое важное?»',
    open: 'Ваш вопрос можно задать шире, чтобы на него не ответить «да» или «нет»: «Ты в это веришь?» → «Что тебя в этом убеждает?»',
    balance: 'Вопрос за вопросом похож на допрос: перед следующим перескажите своими словами, что услышали.',
    connect: 'Назовите, что вас объединяет («Мы оба хотим, чтобы…»), или расскажите свою историю.',
    scale:
      'Спросите про уверенность: «Насколько ты в этом {уверен|уверена}, от 0 до 10?» — и потом: «Почему не меньше?»',
  },
  en: {
    reflection:
      'Reflect the feeling you hear: "It sounds like you worry that…", so your relative feels heard.',
    question: 'Add an open question that cannot be answered yes or no: "What matters most to you in this?"',
    open: 'Your question can be opened up so it cannot be answered yes or no: "Do you believe that?" → "What convinces you of that?"',
    balance:
      'Question after question feels like an interrogation: before the next one, say back in your words what you heard.',
    connect: 'Name what you share ("We both want…"), or tell a story of your own.',
    scale: 'Ask about certainty: "How sure are you, from 0 to 10?" and then: "Why not lower?"',
  },
};

/**
 * A tip's stable name, whatever its wording: the kind of move a FIX tip is about, or "next:" and the move a NEXT
 * tip suggests. The practice counts tips by it, so that its state keeps no quoted words.
 */
export const TIP_KEYS = [
  ...TOXIC_KINDS,
  ...NEXT_MOVES.map((move) => `next:${move}` as const),
  'tone:swearing' as const,
];
export type TipKey = (typeof TIP_KEYS)[number];

export interface Tip {
  key: TipKey;
  /** What the user is shown: a FIX tip quotes the words it is about. */
  text: string;
}

/** Swearing used to say how much one feels, aimed at nobody: not an attack, but not everyone hears it so. */
const SWEARING: Record<Lang, string> = {
  ru: 'Мат смягчает не всех: кому-то он режет слух, даже когда вы сочувствуете. Те же слова без него дойдут вернее.',
  en: 'Not everyone hears swearing as warmth: to some it grates even when you mean kindness. The same words without it land more surely.',
};

const REFLECTIONS: EmpathicKind[] = ['simple-reflection', 'complex-reflection', 'emotional-reaction'];
const QUESTIONS: EmpathicKind[] = ['open-question', 'exploration', 'confidence-scale', 'change-mind'];
const CONNECTIONS: EmpathicKind[] = ['shared-values', 'own-story', 'affirmation', 'acknowledge-view'];

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** At most three concrete tips, in the user's language: what to drop first, then what to try next. */
/**
 * `asked`: the reply has a question mark, so a missing open question is a question to open up, not one to add;
 * `openWord`: the question already starts as an open one does ("What was the hardest part?") though the coach did
 * not count it, so neither tip would fit. A single question with no reflection needs a reflection, and only
 * several make an interrogation.
 */
export function tipsFor(
  markers: Marker[],
  lang: Lang,
  tone: { swearing?: boolean; asked?: boolean; openWord?: boolean } = {},
): Tip[] {
  const kinds = new Set(markers.map((marker) => marker.kind));
  const tips: Tip[] = [];
  if (tone.swearing) tips.push({ key: 'tone:swearing', text: SWEARING[lang] });
  for (const marker of markers) {
    if (isToxic(marker.kind) && tips.length < 2) {
      tips.push({ key: marker.kind, text: FIX[lang][marker.kind].replace('{text}', shorten(marker.text)) });
    }
  }
  const next = (move: NextMove): Tip => ({ key: `next:${move}`, text: NEXT[lang][move] });
  const hasReflection = REFLECTIONS.some((kind) => kinds.has(kind));
  const hasQuestion = QUESTIONS.some((kind) => kinds.has(kind));
  const questions = markers.filter((marker) => QUESTIONS.includes(marker.kind as EmpathicKind)).length;
  if (!hasReflection) tips.push(next(questions >= 2 ? 'balance' : 'reflection'));
  if (!hasQuestion && !tone.openWord) tips.push(next(tone.asked ? 'open' : 'question'));
  if (hasReflection && hasQuestion && !CONNECTIONS.some((kind) => kinds.has(kind)))
    tips.push(next('connect'));
  if (hasReflection && hasQuestion && !kinds.has('confidence-scale')) tips.push(next('scale'));
  return tips.slice(0, 3);
}

/** A tip as the practice summary names it: the same advice, quoting no reply. */
export function tipSummary(key: TipKey, lang: Lang): string {
  if (key === 'tone:swearing') return SWEARING[lang];
  if (key.startsWith('next:')) return NEXT[lang][key.slice('next:'.length) as NextMove];
  const unquoted: Partial<Record<string, string>> = FIX_UNQUOTED[lang];
  return unquoted[key] ?? FIX[lang][key as ToxicKind];
}
