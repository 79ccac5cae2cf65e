import type { Lang } from '../../catalogue/schema.js';

// What count says on Telegram: joining by an invite, the counter, the door, the queue report, and its lines of
// the command menu and of /help. Volunteers read it on a phone in the cold, so lines are short and the buttons
// say what they do.

/** Count's commands in the bot's command menu (command-menu.ts), as talk lists its own. */
export const COUNT_MENU_COMMANDS = ['count', 'queue', 'card'] as const;
export type CountMenuCommand = (typeof COUNT_MENU_COMMANDS)[number];

/** What the counter message shows; `station` is null while the station has no count yet. */
export interface CounterView {
  station: string;
  city: string | null;
  election: string;
  door: string;
  shiftOpen: boolean;
  mine: number;
  stationCount: number | null;
}

export interface CountBotTexts {
  joined: (station: string, election: string) => string;
  codeUnknown: string;
  codeUsed: string;
  codeExpired: string;
  notJoined: string;
  counter: (view: CounterView) => string;
  /** A door as the buttons and the counter name it: the main door in the volunteer's language. */
  doorName: (door: string) => string;
  buttons: {
    door: (name: string) => string;
    doorOther: string;
    plusOne: string;
    plusFive: string;
    undo: string;
    queue: string;
    startShift: string;
    endShift: string;
    cancel: string;
    poll: string;
    backToCounter: string;
  };
  /** The exit poll's message above its answers; `answers` is how many this volunteer has entered. */
  poll: (station: string, answers: number) => string;
  /** The pop-up after an answer: its name as the button showed it. */
  answerSaved: (answer: string, answers: number) => string;
  answerGone: string;
  /** The pop-up after a press: short, Telegram cuts it at 200 characters. */
  added: (n: number, mine: number) => string;
  undone: (mine: number) => string;
  nothingToUndo: string;
  shiftStarted: string;
  shiftEnded: string;
  notSaved: string;
  /** A press over the tap limit (rate-limiting.ts): it was not counted, and the volunteer must know. */
  tooFast: string;
  queueAsk: string;
  queueBad: string;
  queueSaved: (people: number, waitMinutes: number) => string;
  queueCancelled: string;
  doorAsk: string;
  doorTypeAsk: string;
  doorBad: string;
  /** Pop-ups after choosing a door, without and with a shift under way (which moves with the volunteer). */
  doorChosen: (door: string) => string;
  shiftMoved: (door: string) => string;
  doorGone: string;
  doorCancelled: string;
  /** /card: the share card's caption for a station and for a whole election, and when there is none. */
  cardStation: string;
  cardElection: (title: string) => string;
  noCard: string;
  cardFailed: string;
  /** Count's lines of the command menu, and its paragraph of /help (help.ts). */
  commands: Record<CountMenuCommand, string>;
  help: string;
}

/** The door every station has; others are named by volunteers and shown as they were typed. */
const MAIN_DOOR = 'main';

const doorAtRu = (door: string) => (door === MAIN_DOOR ? 'у главного входа' : `у входа «${door}»`);
const doorAtEn = (door: string) => (door === MAIN_DOOR ? 'the main door' : `door “${door}”`);

export const COUNT_BOT_TEXTS: Record<Lang, CountBotTexts> = {
  ru: {
    joined: (station, election) =>
      `Готово: вы считаете на участке № ${station} (${election}).\n\n` +
      'Нажимайте «+1» за каждого, кто заходит на участок, и «+5», если вошли сразу пятеро. Ошиблись — «Отменить». ' +
      'Когда встанете у входа, начните смену, а уходя — закончите её. Если входов несколько, выберите свой кнопкой «Вход». ' +
      'Раз в полчаса сообщайте, какая очередь. Если ведёте опрос на выходе, нажмите «Опрос»: ответы тоже вносятся кнопками.\n\n' +
      'Счётчик можно открыть снова командой /count.',
    codeUnknown:
      'Такого приглашения нет. Проверьте, что ссылка скопирована целиком, или попросите у координатора новую.',
    codeUsed:
      'По этому приглашению уже присоединились: каждая ссылка — для одного человека. Попросите у координатора новую.',
    codeExpired: 'Срок этого приглашения истёк. Попросите у координатора новое.',
    notJoined:
      'Вы пока не считаете ни на одном участке. Откройте ссылку-приглашение, которую прислал координатор.',
    counter: (view) =>
      [
        `Участок № ${view.station}${view.city ? ` · ${view.city}` : ''}`,
        view.election,
        '',
        `Вход: ${view.door === MAIN_DOOR ? 'главный' : view.door}`,
        view.shiftOpen ? 'Смена идёт' : 'Смена не начата',
        '',
        `Вы насчитали: ${view.mine}`,
        `Всего на участке: ${view.stationCount ?? 'пока нет данных'}`,
      ].join('\n'),
    doorName: (door) => (door === MAIN_DOOR ? 'главный' : door),
    buttons: {
      door: (name) => `Вход: ${name}`,
      doorOther: 'Другой…',
      plusOne: '+1',
      plusFive: '+5',
      undo: 'Отменить',
      queue: 'Очередь',
      startShift: 'Начать смену',
      endShift: 'Закончить смену',
      cancel: 'Отмена',
      poll: 'Опрос',
      backToCounter: '← К счётчику',
    },
    poll: (station, answers) =>
      [
        `Опрос на выходе · участок № ${station}`,
        '',
        'Спросите, за кого человек проголосовал, и нажмите его ответ: одно нажатие — один человек. ' +
          'Не захотел отвечать — так и отметьте: число отказов тоже часть результата.',
        '',
        'Ответ сохраняется без вашего имени. Отменить его нельзя, поэтому нажимайте внимательно.',
        '',
        `Вы записали ответов: ${answers}`,
      ].join('\n'),
    answerSaved: (answer, answers) => `Записано: ${answer}. Ответов: ${answers}`,
    answerGone: 'Такого ответа больше нет. Откройте опрос ещё раз',
    added: (n, mine) => `+${n}. У вас ${mine}`,
    undone: (mine) => `Отменено. У вас ${mine}`,
    nothingToUndo: 'Отменять нечего',
    shiftStarted: 'Смена началась',
    shiftEnded: 'Смена закончена',
    notSaved: 'Не получилось сохранить. Нажмите ещё раз',
    tooFast: 'Слишком часто: это нажатие не засчитано. Если заходят пятеро, жмите «+5»',
    queueAsk:
      'Сколько человек сейчас в очереди и сколько минут, по-вашему, придётся ждать? Пришлите два числа через пробел, например: 120 45',
    queueBad:
      'Не получилось разобрать. Нужны два целых числа: сколько человек в очереди и сколько минут ждать, например: 120 45',
    queueSaved: (people, waitMinutes) =>
      `Записано: в очереди ${people} чел., ждать около ${waitMinutes} мин. Спасибо!`,
    queueCancelled: 'Хорошо, очередь не записываю.',
    doorAsk:
      'У какого входа вы считаете? Если вашего нет в списке, нажмите «Другой…» и напишите, как он называется.',
    doorTypeAsk: 'Как называется вход? Напишите коротко, например: боковой',
    doorBad:
      'Такое название не подойдёт: нужны буквы, цифры, пробелы или знаки _ . -, не больше 40. Напишите ещё раз, например: боковой',
    doorChosen: (door) => `Теперь вы считаете ${doorAtRu(door)}`,
    shiftMoved: (door) => `Смена продолжается ${doorAtRu(door)}`,
    doorGone: 'Этого входа больше нет в списке. Откройте выбор ещё раз',
    doorCancelled: 'Хорошо, вход прежний.',
    commands: {
      count: 'Счётчик волонтёра на участке',
      queue: 'Сообщить об очереди на участке',
      card: 'Картинка с подсчётом, чтобы отправить близким',
    },
    cardStation:
      'Картинку можно переслать близким. Число — сколько людей насчитали волонтёры у входа, пока считали; это не явка.',
    cardElection: (title) =>
      `${title}: сколько людей насчитали волонтёры у входа участков за рубежом. Картинку можно переслать близким; это не явка.`,
    noCard: 'Пока нет ни одних выборов с участками, для которых можно сделать картинку.',
    cardFailed: 'Не получилось сделать картинку. Попробуйте через минуту.',
    help:
      'Если вы волонтёр и считаете избирателей у участка: /count — счётчик; /queue — сообщить, какая очередь. ' +
      'Присоединиться можно по ссылке-приглашению от координатора. /card — картинка с подсчётом для близких.',
  },
  en: {
    joined: (station, election) =>
      `Done: you are counting at polling station No. ${station} (${election}).\n\n` +
      'Press "+1" for everyone who goes into the station, and "+5" when five go in at once. Made a mistake? "Undo". ' +
      'Start a shift when you take your place at the door and end it when you leave. If the station has several doors, ' +
      'choose yours with the "Door" button. Report the queue every half hour. If you run the exit poll, press ' +
      '"Exit poll": answers are entered with buttons too.\n\n' +
      'Open the counter again at any time with /count.',
    codeUnknown:
      'There is no such invite. Check that the whole link was copied, or ask your coordinator for a new one.',
    codeUsed:
      'Someone has already joined with this invite: each link is for one person. Ask your coordinator for a new one.',
    codeExpired: 'This invite has expired. Ask your coordinator for a new one.',
    notJoined: 'You are not counting at any station yet. Open the invite link your coordinator sent you.',
    counter: (view) =>
      [
        `Polling station No. ${view.station}${view.city ? ` · ${view.city}` : ''}`,
        view.election,
        '',
        `Door: ${view.door}`,
        view.shiftOpen ? 'Shift in progress' : 'Shift not started',
        '',
        `Your count: ${view.mine}`,
        `Station total: ${view.stationCount ?? 'no data yet'}`,
      ].join('\n'),
    doorName: (door) => door,
    buttons: {
      door: (name) => `Door: ${name}`,
      doorOther: 'Other…',
      plusOne: '+1',
      plusFive: '+5',
      undo: 'Undo',
      queue: 'Queue',
      startShift: 'Start shift',
      endShift: 'End shift',
      cancel: 'Cancel',
      poll: 'Exit poll',
      backToCounter: '← Back to counter',
    },
    poll: (station, answers) =>
      [
        `Exit poll · polling station No. ${station}`,
        '',
        'Ask whom the person voted for and press their answer: one press per person. ' +
          'If they decline to answer, record that too: the refusals are part of the result.',
        '',
        'Answers are stored without your name, so they cannot be taken back: press with care.',
        '',
        `Answers you entered: ${answers}`,
      ].join('\n'),
    answerSaved: (answer, answers) => `Saved: ${answer}. Answers: ${answers}`,
    answerGone: 'That answer is no longer on the list. Open the poll again',
    added: (n, mine) => `+${n}. Your count: ${mine}`,
    undone: (mine) => `Undone. Your count: ${mine}`,
    nothingToUndo: 'Nothing to undo',
    shiftStarted: 'Shift started',
    shiftEnded: 'Shift ended',
    notSaved: 'Could not save that. Please press again',
    tooFast: 'Too fast: this press was not counted. When five go in, press "+5"',
    queueAsk:
      'How many people are in the queue now, and how many minutes do you think the wait is? Send two numbers separated by a space, for example: 120 45',
    queueBad:
      'I could not read that. Send two whole numbers: the people in the queue and the wait in minutes, for example: 120 45',
    queueSaved: (people, waitMinutes) =>
      `Saved: ${people} people in the queue, about ${waitMinutes} min wait. Thank you!`,
    queueCancelled: 'All right, no queue report this time.',
    doorAsk: 'Which door are you counting at? If yours is not listed, press "Other…" and type its name.',
    doorTypeAsk: 'What is the door called? Type a short name, for example: side',
    doorBad:
      'That name will not do: use letters, digits, spaces or _ . -, at most 40. Try again, for example: side',
    doorChosen: (door) => `You are counting at ${doorAtEn(door)}`,
    shiftMoved: (door) => `Your shift goes on at ${doorAtEn(door)}`,
    doorGone: 'That door is no longer on the list. Open the choice again',
    doorCancelled: 'All right, the door stays as it was.',
    commands: {
      count: 'Volunteer counter at a polling station',
      queue: 'Report the queue at the station',
      card: 'A picture of the count to send home',
    },
    cardStation:
      'You can forward this picture. The number is the people volunteers counted at the door while they watched; it is not the turnout.',
    cardElection: (title) =>
      `${title}: the people volunteers counted at the doors of stations abroad. You can forward this picture; it is not the turnout.`,
    noCard: 'There is no election with stations to make a picture of yet.',
    cardFailed: 'The picture could not be made. Please try again in a minute.',
    help:
      'If you volunteer to count voters at a polling station: /count — the counter; /queue — report the queue. ' +
      'Join with the invite link from your coordinator. /card — a picture of the count to send home.',
  },
};
