import type { Lang } from '../texts.js';

// The volunteer counter's words, RU and EN. They live beside the counter rather than in the pages' shared words,
// which every page downloads.

const ru = {
  joining: 'Подключаемся к участку…',
  joinRefused:
    'Эта ссылка-приглашение уже использована, устарела или неверна. Попросите координатора прислать новую: каждая ссылка работает один раз.',
  joinOffline: 'Нет связи с сервером. Ссылка сработает, когда появится интернет.',
  joinBusy: 'Слишком много попыток подряд. Подождите минуту и попробуйте снова.',
  tryAgain: 'Попробовать снова',
  noSession:
    'Вы ещё не подключены к участку. Откройте ссылку-приглашение, которую прислал координатор, — счётчик откроется сам.',
  backToCounter: 'Вернуться к своему счётчику',
  insecure:
    'Счётчик работает только по защищённому адресу (https://): иначе браузер не сохранит нажатия. Попросите координатора прислать правильную ссылку.',
  storageError:
    'Браузер не даёт сохранять данные на телефоне (возможно, это приватное окно). Без этого нажатия могут пропасть — откройте ссылку в обычном окне.',
  station: (station: string) => `Участок ${station}`,
  election: (election: string) => `Выборы: ${election}`,
  tap: '+1',
  tapLabel: 'Прошёл ещё один человек',
  mine: 'Вы насчитали',
  stationTotal: 'Всего по участку',
  stationUnknown: 'пока нет данных',
  asOf: (time: string) => `на ${time}`,
  undo: 'Отменить последнее нажатие',
  undone: (count: number) => `Отменено. Ваш счёт: ${count}`,
  door: 'Вход',
  doorHint: 'Если входов несколько, назовите свой: например, «боковой». Пусто — главный вход.',
  doorPlaceholder: 'главный',
  doorLocked: 'Чтобы сменить вход, сначала закончите смену.',
  doorInvalid: 'Название входа — буквы, цифры, пробелы и знаки _ . - (до 40 знаков).',
  doorName: (door: string) => (door === 'main' ? 'главный вход' : `вход «${door}»`),
  shift: 'Смена',
  shiftStart: 'Начать смену',
  shiftEnd: 'Закончить смену',
  shiftOn: (door: string, time: string) => `Смена идёт с ${time}, ${door}.`,
  shiftOff: 'Смена не идёт. Начните её, когда встанете у входа: так видно, какое время вы считали.',
  queue: 'Очередь',
  queuePeople: 'Людей в очереди',
  queueWait: 'Ждать примерно, минут',
  queueSend: 'Сообщить об очереди',
  queueInvalid: 'Нужны целые числа: людей от 0 до 100 000, минут от 0 до 1440.',
  queueLast: (people: number, wait: number, time: string) =>
    `Последнее сообщение в ${time}: ${people} чел., ожидание около ${wait} мин.`,
  online: 'В сети',
  offline: 'Нет сети',
  allSent: 'всё отправлено',
  pending: (count: number) => `ждут отправки: ${count}`,
  sending: 'отправляем…',
  refusedToken:
    'Сервер больше не принимает данные с этого приглашения. Нажатия сохранены в телефоне; напишите координатору.',
  refusedBatch: (reason: string) =>
    `Сервер не принял отправку (${reason}). Нажатия сохранены в телефоне. Проверьте время на телефоне и отправьте снова.`,
  sendAgain: 'Отправить снова',
  saveFailed: 'Не удалось сохранить действие в телефоне. Попробуйте ещё раз.',
  clockOff: (minutes: number) =>
    `Часы телефона расходятся с точным временем на ${minutes} мин. Счётчик ставит точное время сам, но часы лучше поправить.`,
  finish: 'Закончить на этом телефоне',
  finishHint:
    'Когда всё отправлено, счётчик можно стереть с телефона: участок, приглашение и ваши нажатия. На сервере всё останется.',
  finishWait: 'Стереть можно, когда всё отправлено.',
  erase: 'Стереть счётчик с телефона',
  eraseConfirm: 'Точно стереть? Нажмите ещё раз',
  erased: 'Счётчик стёрт с этого телефона. Спасибо за работу!',
  invite: 'Пригласить волонтёра',
  inviteHint: (station: string) =>
    `Ссылка подключит одного человека к участку ${station} как волонтёра. Каждая ссылка работает один раз — делайте по одной на человека.`,
  inviteMake: 'Создать ссылку-приглашение',
  inviteAnother: 'Создать ещё одну',
  inviteMaking: 'Создаём…',
  inviteOffline: 'Приглашения создаются только при связи с сервером. Нажатия и без сети сохраняются.',
  inviteShow:
    'Покажите код волонтёру, чтобы он его отсканировал, или отправьте ссылку лично, не в общий чат.',
  inviteQr: 'QR-код ссылки-приглашения',
  inviteLink: 'Ссылка',
  inviteTelegram: 'То же приглашение в Telegram',
  inviteCopy: 'Скопировать',
  inviteCopied: 'Скопировано',
  inviteShare: 'Отправить…',
  inviteUntil: (date: string) => `Работает один раз, до ${date}.`,
  inviteRefused:
    'Сервер не принял ваш токен координатора. Если вы подключились по приглашению волонтёра, приглашать других вы не можете.',
  inviteBusy: 'Слишком много приглашений подряд. Подождите минуту.',
  inviteFailed: 'Не удалось создать приглашение. Попробуйте ещё раз.',
  inviteNoNetwork: 'Нет связи с сервером. Попробуйте, когда появится интернет.',
  modeCount: 'Счёт',
  modePoll: 'Опрос на выходе',
  modeTabPoll: 'Опрос',
  pollCount: 'Ответов с этого телефона',
  pollHint:
    'Спросите, за кого человек проголосовал, и нажмите его ответ: одно нажатие — один человек. Отказ отвечать тоже отмечайте: доля отказов — часть результата.',
  gender: 'Пол (если хотите)',
  genders: { female: 'Женщина', male: 'Мужчина', other: 'Другое' },
  age: 'Возраст (если хотите)',
  answered: (answer: string) => `Записано: ${answer}`,
  answerWithdrawn: 'Последний ответ отменён.',
  answerSent: 'Этот ответ уже отправлен — отменить его нельзя.',
  pollUndo: 'Отменить последний ответ',
  pollUndoHint:
    'Ответ уходит на сервер через несколько секунд, и до этого его можно отменить. На сервере ответы хранятся без связи с вами, поэтому отправленный ответ отменить уже нельзя.',
  pollNoAnswers:
    'Список ответов ещё не загружен: он появится, как только будет связь с сервером. Считать входящих можно и без него.',
};

const en: typeof ru = {
  joining: 'Joining your polling station…',
  joinRefused:
    'This invite link has already been used, has expired or is not valid. Ask your coordinator for a new one: each link works once.',
  joinOffline: 'Cannot reach the server. The link will work once you are online.',
  joinBusy: 'Too many attempts in a row. Wait a minute and try again.',
  tryAgain: 'Try again',
  noSession:
    'You have not joined a polling station yet. Open the invite link your coordinator sent you and the counter opens by itself.',
  backToCounter: 'Back to your counter',
  insecure:
    'The counter works only at a secure address (https://): elsewhere the browser will not keep your taps. Ask your coordinator for the right link.',
  storageError:
    'This browser does not let the page keep data on the phone (a private window?). Taps could be lost: open the link in a normal window.',
  station: (station: string) => `Polling station ${station}`,
  election: (election: string) => `Election: ${election}`,
  tap: '+1',
  tapLabel: 'One more person went in',
  mine: 'Your count',
  stationTotal: 'Station total',
  stationUnknown: 'no figures yet',
  asOf: (time: string) => `as of ${time}`,
  undo: 'Undo the last tap',
  undone: (count: number) => `Undone. Your count: ${count}`,
  door: 'Door',
  doorHint: 'If the station has several doors, name yours, such as “side”. Empty means the main door.',
  doorPlaceholder: 'main',
  doorLocked: 'End your shift to change the door.',
  doorInvalid: 'A door name is letters, digits, spaces and _ . - (at most 40).',
  doorName: (door: string) => (door === 'main' ? 'main door' : `door “${door}”`),
  shift: 'Shift',
  shiftStart: 'Start shift',
  shiftEnd: 'End shift',
  shiftOn: (door: string, time: string) => `Shift running since ${time}, ${door}.`,
  shiftOff:
    'No shift running. Start one when you take your place at the door: it shows which time you covered.',
  queue: 'Queue',
  queuePeople: 'People in line',
  queueWait: 'Estimated wait, minutes',
  queueSend: 'Report the queue',
  queueInvalid: 'Whole numbers please: 0 to 100,000 people, 0 to 1,440 minutes.',
  queueLast: (people: number, wait: number, time: string) =>
    `Last report at ${time}: ${people} people, about ${wait} min wait.`,
  online: 'Online',
  offline: 'Offline',
  allSent: 'everything sent',
  pending: (count: number) => `${count} waiting to be sent`,
  sending: 'sending…',
  refusedToken:
    'The server no longer accepts data from this invite. Your taps are kept on the phone; contact your coordinator.',
  refusedBatch: (reason: string) =>
    `The server refused the upload (${reason}). Your taps are kept on the phone. Check the phone's clock and send again.`,
  sendAgain: 'Send again',
  saveFailed: 'Could not save the action on the phone. Please try again.',
  clockOff: (minutes: number) =>
    `The phone's clock is ${minutes} min off. The counter stamps the right time itself, but better set the clock right.`,
  finish: 'Finish on this phone',
  finishHint:
    'Once everything is sent, you can erase the counter from this phone: the station, the invite and your taps. The server keeps what it has.',
  finishWait: 'You can erase it once everything is sent.',
  erase: 'Erase the counter from this phone',
  eraseConfirm: 'Sure? Tap again to erase',
  erased: 'The counter is erased from this phone. Thank you for your work!',
  invite: 'Invite a volunteer',
  inviteHint: (station: string) =>
    `The link joins one person to station ${station} as a volunteer. Each link works once: make one per person.`,
  inviteMake: 'Make an invite link',
  inviteAnother: 'Make another',
  inviteMaking: 'Making…',
  inviteOffline:
    'Invites can only be made while the server can be reached. Your taps are kept offline as usual.',
  inviteShow: 'Let the volunteer scan the code, or send them the link directly, not in a group chat.',
  inviteQr: 'QR code of the invite link',
  inviteLink: 'Link',
  inviteTelegram: 'The same invite in Telegram',
  inviteCopy: 'Copy link',
  inviteCopied: 'Copied',
  inviteShare: 'Share…',
  inviteUntil: (date: string) => `Works once, until ${date}.`,
  inviteRefused:
    'The server did not accept your coordinator token. If you joined with a volunteer invite, you cannot invite others.',
  inviteBusy: 'Too many invites in a row. Wait a minute.',
  inviteFailed: 'Could not make the invite. Please try again.',
  inviteNoNetwork: 'Cannot reach the server. Try again once you are online.',
  modeCount: 'Count',
  modePoll: 'Exit poll',
  modeTabPoll: 'Exit poll',
  pollCount: 'Answers from this phone',
  pollHint:
    'Ask whom the person voted for and tap their answer: one tap per person. Record refusals too: the share who decline is part of the result.',
  gender: 'Gender (optional)',
  genders: { female: 'Woman', male: 'Man', other: 'Other' },
  age: 'Age (optional)',
  answered: (answer: string) => `Saved: ${answer}`,
  answerWithdrawn: 'The last answer is taken back.',
  answerSent: 'That answer has already been sent and cannot be taken back.',
  pollUndo: 'Undo the last answer',
  pollUndoHint:
    'An answer goes to the server after a few seconds and can be undone until then. The server keeps answers unlinked from you, so a sent answer cannot be taken back.',
  pollNoAnswers:
    'The list of answers has not loaded yet: it will appear once the server can be reached. Counting people works without it.',
};

export type CountTexts = typeof ru;
export const COUNT_TEXTS: Record<Lang, CountTexts> = { ru, en };
