import type { Lang } from '../texts.js';

// The words of a voter's self-filled exit-poll form, RU and EN, addressed to the voter rather than to a
// volunteer. Beside the page rather than in the pages' shared words, which every page downloads.

const ru = {
  loading: 'Открываем анкету…',
  station: (station: string, city: string) => (city ? `Участок ${station}, ${city}` : `Участок ${station}`),
  question: 'Как вы проголосовали?',
  anonymous:
    'Анонимно: мы не знаем, кто вы. Не сохраняются ни телефон, ни его адрес в сети, ни точное время — только участок, ответ и четверть часа, когда он пришёл.',
  oneTap: 'Одно нажатие — и ответ отправлен. Код на карточке работает один раз.',
  /** The election's own words name these three for a volunteer; a voter answers in the first person. */
  voterAnswers: {
    invalid: 'Сделал(а) бюллетень недействительным',
    removed: 'Унёс(ла) бюллетень с собой',
    declined: 'Не хочу отвечать',
  } as Record<string, string>,
  sending: 'Отправляем…',
  thanks: 'Спасибо! Ваш ответ учтён.',
  thanksDetail:
    'Он сохранён без имени, телефона и точного времени. Код с карточки больше не сработает, поэтому ни один ответ не будет посчитан дважды. Карточку можно выбросить.',
  used: 'По этому коду уже ответили.',
  usedDetail:
    'Если это были вы — спасибо, ваш ответ учтён. Каждый код работает один раз, поэтому второй ответ не принимается.',
  unknown: 'Такого кода нет.',
  unknownDetail:
    'Возможно, ссылка открылась не целиком или в коде опечатка. Наберите код с карточки — заглавные буквы и дефисы не важны.',
  expired: 'Срок этого кода истёк: опрос на этих выборах закончен.',
  noCode:
    'Наведите камеру телефона на QR-код карточки, которую вам дали у участка, или наберите код, напечатанный под ним.',
  codeLabel: 'Код с карточки',
  codeOpen: 'Открыть анкету',
  offline: 'Нет связи с сервером. Ответ не отправлен — попробуйте ещё раз, когда появится интернет.',
  busy: 'Слишком много попыток подряд. Подождите минуту и попробуйте снова.',
  refused: (reason: string) => `Сервер не принял ответ: ${reason}`,
  tryAgain: 'Попробовать снова',
};

const en: typeof ru = {
  loading: 'Opening the form…',
  station: (station: string, city: string) => (city ? `Station ${station}, ${city}` : `Station ${station}`),
  question: 'How did you vote?',
  anonymous:
    'Anonymous: we do not know who you are. Neither your phone, nor its network address, nor the exact time is kept — only the station, the answer and the quarter of an hour it came in.',
  oneTap: 'One tap sends your answer. The code on your card works once.',
  voterAnswers: {
    invalid: 'I spoiled my ballot',
    removed: 'I took my ballot away',
    declined: 'I’d rather not say',
  },
  sending: 'Sending…',
  thanks: 'Thank you! Your answer has been counted.',
  thanksDetail:
    'It is kept with no name, no phone and no exact time. The code on your card will not work again, so no answer is counted twice. You can throw the card away.',
  used: 'This form has already been answered.',
  usedDetail:
    'If that was you, thank you: your answer is counted. Each code works once, so a second answer is not taken.',
  unknown: 'There is no such code.',
  unknownDetail:
    'The link may not have opened in full, or the code has a typo. Type the code from your card — capitals and dashes do not matter.',
  expired: 'This code has expired: the poll for this election is over.',
  noCode:
    'Point your phone’s camera at the QR code on the card you were given at the polling station, or type the code printed under it.',
  codeLabel: 'Code from the card',
  codeOpen: 'Open the form',
  offline: 'The server cannot be reached. Your answer was not sent — try again once you are online.',
  busy: 'Too many attempts in a row. Wait a minute and try again.',
  refused: (reason: string) => `The server did not accept the answer: ${reason}`,
  tryAgain: 'Try again',
};

export type FormTexts = typeof ru;
export const FORM_TEXTS: Record<Lang, FormTexts> = { ru, en };
