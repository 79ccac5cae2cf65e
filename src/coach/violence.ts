// Wishes and threats of violence, as rule lines for the threat kind (see patterns.ts). "Я бы в морду дала", "руки бы
// оторвать", "someone should shoot them" are not an emotional reaction however they are meant: they call for hurting
// someone. Each line ties a verb of harm to what makes it a wish or a threat — a target (him, them, тебя), a part of
// the body, "бы", "should", "надо" — so that "убить время", "I'd kill for a coffee" and "we'll beat them on Sunday"
// stay clean.

const raw = String.raw;

/** A face or a head, as one hits it (в морду, по роже, в табло). */
const RU_FACE = raw`(?:морд\p{L}*|рож\p{L}*|рыл\p{L}*|табло|щам|бубен|торец|хар\p{L}*|челюст\p{L}*|зуб\p{L}*|ебал\p{L}*|ебло|пятак)`;
/** To hit someone there: "дать", "врезать", "набить", "получишь". */
const RU_HIT = raw`(?:дал|дала|дали|дать|дам|даст|дадут|врезать|врежу|вмазать|вмажу|въебать|въебу|заехать|заеду|набить|набью|начистить|начищу|прописать|пропишу|зарядить|заряжу|получишь|получите|схлопочешь|разбить|разобью|расквасить|расквашу)`;
/** Parts of the body one wishes torn off. */
const RU_LIMB = raw`(?:руки|ноги|голову|башку|бошку|шею|яйца|кадык|язык|глаза|зубы|кишки|уши|хребет)`;
const RU_TEAR = raw`(?:вырву|вырвать|вырвал\p{L}*|выбью|выбить|выколю|выколоть|пересчитаю|повыбиваю|выпущу|выпустить|отрывать|отрывают|отрубать|выдергивать|повыдирать|выдрать|ломать|пообрывать|оборвать|оторвать|оторву|поотрывать|повыдергивать|повыдергать|выдернуть|выдерну|отрубить|отрублю|переломать|переломаю|сломать|сломаю|открутить|откручу|свернуть|сверну)`;

export const RU_VIOLENCE = [
  raw`${RU_HIT} (?:\p{L}+ ){0,3}(?:в|по) ${RU_FACE}`,
  raw`(?:в|по) ${RU_FACE} (?:\p{L}+ ){0,2}${RU_HIT}`,
  raw`${RU_FACE} (?:\p{L}+ )?(?:набить|начистить|разбить|расквасить|набью|начищу|разобью)`,
  raw`${RU_LIMB} (?:\p{L}+ ){0,2}${RU_TEAR}`,
  raw`${RU_TEAR} (?:\p{L}+ ){0,2}${RU_LIMB}`,
  // Death wished on someone: the imperative and the future, not "телефон сдох".
  raw`сдохни(?:те)? | сдохнут | сдохнешь | сдохнете | подохни(?:те)? | подохнут | подохнешь | чтоб (?:ты|вы|они|он|она) (?:\p{L}+ )?(?:сдох\p{L}*|подох\p{L}*|сгнил\p{L}*)`,
  raw`(?:пусть|пускай|чтоб|чтобы|надо|нужно|бы) (?:\p{L}+ ){0,3}(?:сдохн\p{L}*|подохн\p{L}*|сгни\p{L}*|сдохли|подохли)`,
  // Killing and executions said of people: strong enough alone, or with "надо", "бы", "таких", "всех".
  raw`урою | урыть | пристрелю | зарежу | удавлю | порешу | (?:закопаю|прибью|грохну|придушу) (?:тебя|вас|его|ее|их|гада|гадов|суку|сук)`,
  raw`перестрелять | расстрелять | перевешать | передушить | на кол | в газов\p{L}* камер\p{L}* | (?:поставить|ставить|всех|их|таких|этих) (?:\p{L}+ )?к стенке | к стенке (?:их|всех|таких|этих|поставить|ставить)`,
  raw`(?:надо|нужно|бы|пора|следует|таких|этих|всех) (?:\p{L}+ ){0,2}(?:убить|убивать|повесить|вешать|сжечь|расстрелять|пристрелить|утопить|закопать|кастрировать) | (?:убить|повесить|расстрелять|пристрелить) мало`,
  raw`убью (?:тебя|вас|его|ее|их|всех|сук\p{L}*|гад\p{L}*)`,
  // A threat to come and settle it, or "you think you're immortal?".
  raw`(?:приеду|выйдем|выйди|встретимся|найду|найдем) (?:\p{L}+ ){0,2}(?:разбер\p{L}*|поговорим по-?мужски)`,
  raw`(?:ты|вы) (?:что |чо |че |шо )?(?:бессмертн\p{L}*|берега попутал\p{L}*|страх потерял\p{L}*|нюх потерял\p{L}*)`,
  // Death wished on oneself at someone's bidding: "убей себя об стену", "выпились".
  raw`убей(?:те)? себя | убейся | убейтесь | самоубейся | выпились | выпилитесь`,
  raw`(?:убил|убила|прибил|прибила|придушил|придушила|пристрелил|пристрелила|урыл|удавил) бы | (?:в лицо|в морду|в рожу|в харю) (?:\p{L}+ )?плюн\p{L}* | плюн\p{L}* (?:\p{L}+ )?(?:в лицо|в морду|в рожу|в харю)`,
  raw`(?:раздавить|давить|травить|передавить|перебить|истребить|уничтожить|перетравить) (?:\p{L}+ ){0,3}(?:как )?(?:клоп\p{L}*|тарака\p{L}*|крыс\p{L}*|вшей|собак\p{L}*|скот\p{L}*)`,
  // A call to drive people out: "гнать их всех", "выгнать бы всех".
  raw`(?:гнать|выгнать|вышвырнуть|выкинуть|депортировать) (?:\p{L}+ )?(?:их|всех|этих|таких) (?:\p{L}+ )?(?:отсюда|поганой метлой|пинками|ссаными тряпками|из страны|вон) | гнать (?:их|этих|таких) всех`,
  raw`ссан\p{L}* тряпк\p{L}* | поганой метлой | (?:гнать|выгнать|погнать|гоните|выгоните|вышвырнуть) (?:\p{L}+ ){0,3}(?:пинками|взашей|в шею)`,
  raw`вычислю (?:тебя|вас) | (?:тебя|вас) вычислю`,
  // Threats without a named harm and curses: «смотри, доиграешься», «гори в аду».
  raw`доиграешься|допрыгаешься|доболтаешься|досидишься|нарвешься|напросишься|дождешься у меня|ты у меня (?:\p{L}+ )?(?:получишь|попляшешь|дождешься|запоешь|узнаешь) | гори(?:те)? в аду | (?:сдохни|сдохните|подохни)(?![\p{L}])`,
  // People to be thrown away: "на свалку их", "таких на помойку".
  raw`(?:на свалку|на помойку) (?:\p{L}+ )?(?:их|вас|таких|всех|пора) | (?:их|вас|таких|всех) (?:\p{L}+ ){0,2}на (?:свалку|помойку)(?: истории)?(?! (?:выносить|вынести|отнести|отвезти|мусор))`,
  // Curses: "чтоб тебя машина сбила", "чтоб ты сгорел", "чтоб вам пусто было".
  raw`чтоб(?:ы)? (?:тебя|вас|его|ее|их) (?:\p{L}+ ){0,2}(?:сбил\p{L}*|разорвал\p{L}*|разорвало|переехал\p{L}*|черти \p{L}+|парализовал\p{L}*|разнесло|придавил\p{L}*|покарал\p{L}*|скрючило|перекосило)`,
  raw`чтоб(?:ы)? (?:ты|вы|он|она|они) (?:\p{L}+ )?(?:сгорел\p{L}*|сгорели|подавил\p{L}*|захлебнул\p{L}*|провалил\p{L}*|околел\p{L}*|сдох\p{L}*|сгнил\p{L}*|сдохли|подохли)`,
  raw`чтоб(?:ы)? (?:тебе|вам|ему|ей|им) (?:\p{L}+ )?(?:пусто было|ни дна ни покрышки|провалиться|руки отсохли)`,
  raw`(?:ноги|руки|кости|ребра|челюсть|шею|хребет) (?:тебе|вам|ему|ей|им) (?:\p{L}+ )?(?:переломаю|сломаю|оторву|вырву|поломаю|повыдергиваю)`,
].join('\n');

/** To hurt someone: the verbs of harm. */
const EN_HARM = raw`(?:shoot|shot|hang|hanged|hung|kill|killed|murder|murdered|lynch|lynched|punch|punched|slap|slapped|stab|stabbed|strangle|strangled|burn|gas|execute|nuke|exterminate|castrate|torture)`;
/** What one wishes done to someone: "should be shot". */
const EN_HARMED = raw`(?:shot|hanged|killed|murdered|lynched|gassed|executed|exterminated|castrated|tortured|strung up|burned alive|burnt alive)`;
/** Whom it is done to. */
const EN_TARGET = raw`(?:them|him|her|you|u|ya|em|'em|these|those|all of them|every (?:last )?one|the lot|people like)`;

export const EN_VIOLENCE = [
  raw`jump off a (?:bridge|cliff|roof|building) | (?:left|leave (?:them|him|her|you)) to rot | (?:shipped|sent) off and (?:left|shot|killed)`,
  raw`(?:smash|bash|kick|punch|cave|knock) (?:your|his|her|their|ur) (?:face|head|teeth|skull)s? in | (?:go )?choke on (?:it|this|that|your|a)(?![\p{L}])`,
  raw`(?:shoot|hang|kill|murder|lynch|punch|slap|stab|strangle|burn|gas|execute|nuke|exterminate|castrate|torture|choke|smack)\s${EN_TARGET}(?![\p{L}])(?!\s+(?:a|an|up|on|out|over|down|back|off|some|my|your|the)(?![\p{L}]))`,
  raw`(?:should|ought to|deserves? to|needs? to|must|oughta) (?:all )?be ${EN_HARMED}`,
  raw`(?:someone|somebody|they|we|you|i|people) (?:should|need to|needs to|ought to|gotta|must|oughta|will|'ll|would|'d|wanna|want to|gonna) (?:just )?${EN_HARM} ${EN_TARGET}`,
  raw`(?:punch|smack|kick|hit|slap|smash|deck|sock) (?:\p{L}+ )?(?:in the|in his|in her|in your|in their|in ur) (?:face|teeth|mouth|head|jaw|nose)`,
  raw`kill (?:yourself|urself|yourselves|ur self|your self) | kys | go die | drop dead(?! (?:gorgeous|beautiful|funny|serious|tired)) | die in a (?:fire|ditch|hole)`,
  raw`(?:hope|wish) (?:you|u|they|he|she|ya) (?:\p{L}+ )?(?:die|dies|choke|chokes|rot|rots|burn|burns|get cancer|gets cancer|drown|drowns|get shot|gets shot|get hit by)`,
  raw`(?:hope|wish|may) (?:you|u|ya|they|he|she) (?:\p{L}+ )?(?:gets?|got) (?:what's coming|what (?:you|they|he|she) deserves?)(?! (?:and more|after all)) | karma(?:'s| is| will)? (?:gonna |going to )?(?:get|bite|catch|find)s? (?:you|u|ya)`,
  raw`(?:put|bury|burying|putting) (?:you|u|ya|them|him|her) (?:\p{L}+ )?(?:in the ground|six feet under|in a (?:grave|ditch|box|body bag)|under the (?:ground|dirt))`,
  raw`(?:i'll|i will|gonna|i'm gonna|im gonna|we'll|we will) (?:\p{L}+ ){0,2}make (?:you|u|ya) (?:regret|pay|bleed|suffer|disappear)`,
  raw`line (?:them|em|'em) up | wipe (?:them|em|'em|those|these) (?:\p{L}+ )?out | (?:i'll|i will|gonna|i'm gonna|im gonna) (?:find|hunt) (?:you|u|ya)`,
  // Threats without a named harm: "say that to my face and see what happens", "watch your back", "knock your teeth out".
  raw`say (?:that|it|this) to my face | (?:and|then|just) see what happens | watch (?:your|ur|yer) back | you(?:'ll| will) see what happens | (?:knock|punch|kick|smash|bash) (?:your|ur|his|her|their) (?:\p{L}+ )?(?:teeth|lights|head|face) (?:out|in|off)`,
  raw`beat the (?:shit|crap|hell|life) out of (?:you|u|ya|him|her|them) | kick (?:your|his|her|their|ur) ass | (?:i'll|i will|gonna|i'm gonna|im gonna|i'd|i would) (?:\p{L}+ )?(?:punch|slap|kill|strangle|smack|choke) (?:you|u|ya|him|her|them)`,
].join('\n');
