import type { Lang } from '../catalogue/schema.js';

// The wizard's questions and the checklist's lines. Each line only restates what its guide topic says with
// sources (content/guide/topics/); the topic is linked beside it, so a person can check.

interface WizardTexts {
  questions: Record<'citizen' | 'country' | 'city' | 'passport' | 'valid' | 'applied', string>;
  options: Record<
    'yes' | 'no' | 'unsure' | 'otherCountry' | 'otherCity' | 'foreign' | 'internal' | 'none' | 'expired',
    string
  >;
  headings: Record<'ready' | 'check' | 'cannot', string>;
  citizen: string;
  citizenUnsure: string;
  notCitizen: string;
  stations(election: string, lines: readonly string[]): string;
  noStation(election: string): string;
  stationLine(number: string, place: string, days: string, hours: string): string;
  passportValid: string;
  passportExpired: string;
  passportUnsure: string;
  internalOnly: string;
  noPassport: string;
  applied: string;
  appliedUnsure: string;
  notApplied: string;
  days: string;
  online: string;
  safety: string;
}

export const WIZARD_TEXTS: Record<Lang, WizardTexts> = {
  ru: {
    questions: {
      citizen: 'Вы гражданин России, и к дню голосования вам уже исполнится 18?',
      country: 'В какой стране вы будете в дни голосования? Выберите её или напишите город.',
      city: 'В каком городе? Выберите или напишите его.',
      passport: 'Какой российский паспорт у вас есть?',
      valid: 'Загранпаспорт будет действителен в день голосования?',
      applied:
        'Вы подавали заявление, чтобы голосовать по месту нахождения (через Госуслуги, МФЦ или избирком)?',
    },
    options: {
      yes: 'Да',
      no: 'Нет',
      unsure: 'Не знаю',
      otherCountry: 'Другая страна',
      otherCity: 'Другой город',
      foreign: 'Загранпаспорт',
      internal: 'Только внутренний',
      none: 'Никакого: потерян или нет',
      expired: 'Нет, просрочен',
    },
    headings: {
      ready: 'Голосовать вы можете. Вот куда идти и что взять',
      check: 'Голосовать, скорее всего, можно, но сначала кое-что проверьте',
      cannot: 'Пока проголосовать не получится. Вот почему и что можно сделать',
    },
    citizen:
      'Голосовать за границей могут граждане России от 18 лет. ВНЖ, второе гражданство и отсутствие консульского учёта этому не мешают.',
    citizenUnsure:
      'Голосовать могут граждане России, которым в день голосования уже исполнилось 18. Если сомневаетесь, что вы гражданин, спросите в консульстве.',
    notCitizen: 'Голосовать на выборах в России могут только её граждане, которым исполнилось 18 лет.',
    stations: (election, lines) =>
      `Участки на выборах «${election}»:\n${lines.map((line) => `• ${line}`).join('\n')}\nК следующим выборам адреса, дни и часы могут поменяться: сверьте их с объявлением посольства или консульства.`,
    noStation: (election) =>
      `В нашем списке участков на выборах «${election}» вашего места нет. Участки за границей обычно открывают в посольствах и консульствах: найдите объявление посольства или консульства России в стране, где вы будете.`,
    stationLine: (number, place, days, hours) =>
      `№ ${number} — ${place}; ${days}, ${hours} по местному времени`,
    passportValid:
      'С документами всё в порядке: возьмите действующий загранпаспорт. Консульский учёт не нужен.',
    passportExpired:
      'По источникам, которые мы нашли, с просроченным загранпаспортом проголосовать нельзя. Если успеваете, оформите новый заранее.',
    passportUnsure: 'Проверьте срок загранпаспорта: он должен действовать в день голосования.',
    internalOnly:
      'Здесь источники расходятся: посольство в Таджикистане в 2024 году по внутреннему паспорту не пускало, а одна памятка советовала взять его, если загранпаспорт просрочен. На один внутренний паспорт не рассчитывайте — спросите заранее в своём консульстве.',
    noPassport:
      'Без паспорта проголосовать не получится. Если паспорт потерян, консульство может выдать свидетельство на возвращение в Россию: в 2024 году посольство в Таджикистане пускало с ним на участок, но везде ли так, мы не проверили.',
    applied:
      'Заявление привязывает вас к участку, который вы в нём выбрали: голосовать нужно там. Если вы выбрали не то место, где будете, загляните в тему про заявление заранее.',
    appliedUnsure:
      'Если вы подавали заявление «по месту нахождения», оно привязывает вас к выбранному участку. Не помните — загляните в тему про заявление заранее.',
    notApplied: 'Записываться заранее не нужно: вас внесут в список прямо на участке по паспорту.',
    days: 'Приходите в дни и часы работы своего участка (время местное) и проверьте их ещё раз накануне.',
    online: 'Онлайн-голосование (ДЭГ) из-за границы в 2024 году не работало: голосовать нужно лично.',
    safety:
      'Если вам есть что терять, идите без символики, не спорьте в очереди и заранее сохраните телефон юриста.',
  },
  en: {
    questions: {
      citizen: 'Are you a Russian citizen who will be 18 or older on voting day?',
      country: 'Which country will you be in on the voting days? Pick it, or type your city.',
      city: 'Which city? Pick it or type it.',
      passport: 'Which Russian passport do you have?',
      valid: 'Will your foreign passport be valid on voting day?',
      applied:
        'Did you apply to vote where you are (on Gosuslugi, at a public service centre or an election commission)?',
    },
    options: {
      yes: 'Yes',
      no: 'No',
      unsure: "I'm not sure",
      otherCountry: 'Another country',
      otherCity: 'Another city',
      foreign: 'Foreign passport',
      internal: 'Internal passport only',
      none: 'None: lost, or never had one',
      expired: 'No, it has expired',
    },
    headings: {
      ready: 'You can vote. Here is where to go and what to bring',
      check: 'You can most likely vote, but check a few things first',
      cannot: "For now you can't vote. Here is why, and what you can do",
    },
    citizen:
      'Russian citizens aged 18 and over can vote abroad. A residence permit, a second citizenship or having no consular registration does not stand in the way.',
    citizenUnsure:
      'Russian citizens who are 18 or older on voting day can vote. If you are unsure whether you are a citizen, ask at the consulate.',
    notCitizen: 'Only Russian citizens aged 18 and over can vote in Russian elections.',
    stations: (election, lines) =>
      `Stations in the ${election}:\n${lines.map((line) => `• ${line}`).join('\n')}\nAddresses, days and hours may change for the next election: check them against the embassy's or consulate's notice.`,
    noStation: (election) =>
      `Our list of stations in the ${election} has nothing where you will be. Stations abroad are usually in embassies and consulates: look for the notice of the Russian embassy or consulate in the country you will be in.`,
    stationLine: (number, place, days, hours) => `No. ${number} — ${place}; ${days}, ${hours} local time`,
    passportValid:
      'Your documents are fine: bring your valid foreign passport. You need no consular registration.',
    passportExpired:
      'By the sources we found, you cannot vote with an expired foreign passport. If there is time, get a new one early.',
    passportUnsure: 'Check when your foreign passport expires: it must be valid on voting day.',
    internalOnly:
      'The sources disagree here: in 2024 the embassy in Tajikistan turned the internal passport away, while one notice advised bringing it if your foreign passport had expired. Do not rely on the internal passport alone: ask your consulate early.',
    noPassport:
      "You can't vote without a passport. If yours is lost, the consulate can issue a certificate of return to Russia: in 2024 the embassy in Tajikistan let voters in with it, but we have not checked that every station does.",
    applied:
      'Your application ties you to the station you picked in it: vote there. If you picked somewhere other than where you will be, see the topic on applying ahead.',
    appliedUnsure:
      "If you applied to vote where you are, it ties you to the station you picked. If you don't remember, see the topic on applying ahead.",
    notApplied:
      'You need not sign up beforehand: you will be added to the list at the station with your passport.',
    days: "Come on your station's days and within its hours (local time), and check them again the day before.",
    online: 'Online voting (DEG) did not work from abroad in 2024: you have to vote in person.',
    safety:
      "If you have something to lose, go without symbols, don't argue in the queue, and save a lawyer's number beforehand.",
  },
};
