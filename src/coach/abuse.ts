// Words that call a person or a group names, built from roots and the affixes that make them words rather than
// listed form by form: a list of forms always misses the next one ("нищеброды", "нищебродка", "нищебродский"), and a
// bare stem catches clean words ("хач" starts "хачапури", "хохл" starts "хохлома", "чмо" starts "чмокнуть"). Each line
// is a rule line for the insult kind (see patterns.ts: a space stands for any gap, \p{L}* for endings).
//
// Three kinds of word: names for a person that are an insult wherever they stand (мразь, vermin); dehumanising names
// for a group (быдло, скот, хохлы, sheep, animals) — toxic because they make people into things or beasts; and
// milder names (клоун, алкаш, loser) that hurt only when said to someone: "ты клоун", "иди лесом, клоун", "get lost,
// loser" — not "клоун в цирке".

const raw = String.raw;

/** Russian noun endings (both genders, singular and plural), for a root that names a person. */
const RU_END = raw`(?:а|ы|и|е|у|ой|ою|ам|ами|ах|ов|ей|ом|ь|ю|ям|ями|ях)?`;

/** Russian roots of insults, each with the suffixes it makes words with; every form takes RU_END. */
const RU_PERSON_ROOTS = [
  raw`нищеброд(?:к|ск\p{L}*|ств)?`,
  raw`нищук`,
  raw`чмо(?:шник|шниц)?`,
  raw`чмыр`,
  raw`шавк`,
  raw`гнид`,
  raw`паскуд(?:ник|ниц|ин)?`,
  raw`твар(?:юг|юк|ищ)`,
  raw`сволот`,
  raw`падлюк|падлюч\p{L}*`,
  raw`свинот|свинюк`,
  raw`петушар|петушил`,
  raw`шлюх|шлюш(?:к|онк)|шалав|потаскух|подстилк(?=\p{L}* (?:кремлев|путинск|американ|госдеп|продажн))`,
  raw`ватан(?:ин|к)?|ватнин|ватноголов\p{L}*`,
  raw`кацап(?:н|чик|ин|ск\p{L}*)?|москал(?:ик|ик)?|рашк(?=\p{L}* (?:-|—)?\s?(?:параш|говн))`,
  raw`быдлятин|быдлан`,
  raw`дебич|дебилушк|дебилк`,
  raw`бараниш|баранищ|козлищ|ослин(?=\p{L}* (?:упрям|тупо))`,
  raw`уродин|урод(?:ец|ин|ищ)`,
  raw`мерзот(?:ин)?`,
  raw`истеричк`,
  raw`дегенератин|даунят|даунич`,
  raw`мраз(?:от|отин|ин)?`,
  raw`урод(?:ин|ец|иц|к)?`,
  raw`ублюд(?:ок|к|ищ)`,
  raw`выродк|выродок`,
  raw`отброс|отребь`,
  raw`дегенерат(?:к|ск\p{L}*)?`,
  raw`дебилоид|дебил`,
  raw`говнюк|говнюч|говноед`,
  raw`гад(?:ин|еныш|юк|юк|ючк)`,
  raw`шкур(?:а|ы) продажн\p{L}*|продажн\p{L}* шкур`,
  raw`нелюд(?:ь|и|ей|ям|ями)|недочеловек|недолюд`,
  raw`биомусор`,
  raw`школот`,
  raw`жирух|жирдя\p{L}*|жиробас`,
  raw`душнил`,
  raw`козлин|тупиц|тупорыл\p{L}*|кретинищ|карг|кошелк(?=\p{L}* (?:стар|драна))`,
  raw`мамкин\p{L}* (?:эксперт|аналитик|стратег|бизнесмен|воин|герой|тролль)`,
  raw`ебобо`,
  raw`д(?:и|э)бил|идеот|остолоп|олух|недоум(?:ок|к)|верун|кринж(?=\p{L}* ходяч)|скуф(?:ин|идон)?`,
  // Names for a lackey or a lowlife: "холуй", "прихвостень", "ушлёпок", "отморозок".
  raw`ушлеп(?:ок|к)|позорни(?:к|ц)|недонос(?:ок|к)|обмыл(?:ок|к)|чепушил|чушпан|холу(?:й|я|ю|ем|и|ев|ям|ями|ях)|прихвост(?:ень|н)|лизоблюд|жополиз|подхалим|отморо(?:зок|зк)|подпевал|пустобрех`,
  // Diminutives and augmentatives of names for people ("либерашка", "даунёнок", "дебилушка", "идиотище").
  raw`(?:даун|дебил|идиот|кретин|урод|дегенерат|имбецил|чмо|укроп|либер|либераст|кацап|хохл|пиндос|нищеброд|придур|мудак|лох|ватн|ватан|шизик|нытик)(?:енок|енк|ят|ушк|юшк|ишк|ашк|яшк|ищ|оид)`,
];

/** Dehumanising names for groups: peoples, politics, classes. Roots bounded so that "хачапури", "хохлома" stay clean. */
const RU_GROUP_ROOTS = [
  raw`быдл(?:о|а|у|ом|ота|отн\p{L}*|ян\p{L}*)`,
  raw`скот(?:ы|ов|ам|ами|ах|ина|ины|ине|ину|иной|инка)`,
  raw`хохл(?:ы|ов|ам|ами|ах|а|у|ом|ушк\p{L}*|ят\p{L}*|яндия)|хохол`,
  raw`хач(?:и|ей|ам|ами|ах|ик|ики|иков|ья)?`,
  raw`чурк(?:а|и|е|у|ой|ам|ами|ах)|чурок|чурбан(?:ы|ов)`,
  raw`жид(?:ы|ов|ам|ами|овск\p{L}*|овн\p{L}*)`,
  raw`пиндос\p{L}*|пендос\p{L}*|пиндостан\p{L}*|укроп(?:ы|ов|ам|ами|ах)|укропчик\p{L}*|либерах\p{L}*|либераст\p{L}*|либерот\p{L}*|дерьмократ\p{L}*`,
  raw`черножоп\p{L}*|понаехавш\p{L}*`,
  // Political names used to demean (the plural and the diminutives are the slur; "колорадский жук", "укроп" the herb,
  // "ватник" the quilted jacket are the literal senses: see LITERAL in detect.ts).
  raw`колорад(?:ы|ов|ам|ами|ах|ин\p{L}*|ик\p{L}*)|рашист\p{L}*|орчат\p{L}*|укропит\p{L}*|укропск\p{L}*|хохлят\p{L}*|хохлобандер\p{L}*|бандерлог\p{L}*|ватн(?:ики|иков|икам|иками|иках|ота|оты)`,
  // Collective names made with -ня (кацапня, либерастня, пиндосня, алкашня).
  raw`(?:кацап|либераст|либер|пиндос|пендос|рашист|хохл|укроп|алкаш|нищеброд|ватан|чурк|москал|гоп|школот|быдл)(?:н|отн|ятн)(?:я|и|ю|ей)`,
  raw`вата (?:полезл\p{L}*|набежал\p{L}*|повылез\p{L}*|понабежал\p{L}*|в комментах|пригорел\p{L}*)`,
];

/**
 * Beasts and vermin, in any case and number: a name for a person when said to them ("ты свинья", "ну и козлы же вы",
 * "ослица упрямая", "крысы, а не люди"), the animal elsewhere ("козы паслись у реки").
 */
const RU_BEAST = raw`(?:(?:козл|козел|коз|баран|овц|овец|осл|осел|ослиц|ишак|олен|дятл|дятел|петух|крыс|гадин|скотин|баклан|коров|кобыл|жаб|индюк|хорьк|хорек|шакал|гиен|упыр|таракан|клоп|глист|червяк|мокриц|обезьян|макак|мартышк|горилл|хряк|боров|бегемот|тюлен|кабан|верблюд|мерин|куриц|гусын|свинтус|стервятник|падальщик)${RU_END}|свинья|свиньи|свиней|свиньям|свиньями|червь|черви|тварь|твари|гад|гады|гадов)`;

/** Names that insult when said to someone: after ты/вы, or as a form of address at either end of the sentence. */
const RU_ADDRESSED = raw`(?:лицемер\p{L}*|жалк(?:ий|ая|ие|ое)|пес|псина|псины|шестерк\p{L}*|пустобрех\p{L}*|психбольн\p{L}*|подстилк\p{L}*|клоун\p{L}*|алкаш\p{L}*|алкот\p{L}*|колхозни(?:к|ца|ки|ков)|деревенщин\p{L}*|лошар\p{L}*|лошок|шут|петух|козел|козлы|олень|чучело|дно|животное|животные|свиньи|свинья|тормоз|пустышк\p{L}*|ничтожеств\p{L}*|неудачни\p{L}*|лузер\p{L}*|хамл\p{L}*|хам|хамк\p{L}*|тролл\p{L}*|сопляк|соплячк\p{L}*|пиявк\p{L}*|паразит\p{L}*|крыс\p{L}*|баран|бараны|овца|овцы|осел|ослы|ишак|свиньи|свин|гадюк\p{L}*|гад|гады|аутист\p{L}*|даун|дауны|конч|кончен\p{L}*|конченн\p{L}*|умник|умники|грамоте\p{L}*|всезнайк\p{L}*|экспертиш\p{L}*|истеричк\p{L}*|скотина|скоты|тварь|овощ|овощи|петушок|дятел|дятлы|бездарь|бестолочь|пустозвон|балабол\p{L}*|пиздабол\p{L}*|душнил\p{L}*|тупица|дура|дурак|идиот|идиотка|дебил|дебилка|нытик\p{L}*|размазн\p{L}*|тряпк\p{L}*|чурбан|пень|полено|чудовищ\p{L}*|гопот\p{L}*|гопник\p{L}*|гопниц\p{L}*|хабалк\p{L}*|хабал\p{L}*|клуш\p{L}*|снежинк\p{L}*|нострадамус\p{L}*|клоунесс\p{L}*|позорищ\p{L}*|чудищ\p{L}*|страшилищ\p{L}*|нуб\p{L}*|скуф\p{L}*|укроп|предател\p{L}*|болван\p{L}*|балбес\p{L}*|бестолоч\p{L}*|амеб\p{L}*|лох|лохи|лошара|быдло|${RU_BEAST})`;

/** Stems of adjectives that only ever condemn (мерзкий, гнусный, никчёмный), in any gender and case. */
const RU_PEJORATIVE = raw`кринжов|мерзк|гнусн|подл(?:ый|ая|ые|ого|ому|ую|ым|ых)|убог|никчемн|бездарн|лжив|гадк|ничтожн|омерзительн|отвратительн|вонюч|паршив|поган|продажн|конченн?`;

/** Words that may stand between "ты" and the name: "ты просто клоун", "вы же натуральные свиньи". */
const RU_INTENSIFIER = raw`(?:и |же |просто |реально |вообще |настоящ\p{L}* |натуральн\p{L}* |жалк\p{L}* |обычн\p{L}* |конченн?\p{L}* |стар\p{L}* |тупо\p{L}* )*`;

export const RU_ABUSE = [
  `(?:${RU_PERSON_ROOTS.join('|')})${RU_END}`,
  `(?:${RU_GROUP_ROOTS.join('|')})`,
  raw`(?:ты|вы|автор|оп|чел) ${RU_INTENSIFIER}${RU_ADDRESSED}`,
  raw`^${RU_ADDRESSED},`,
  // A name between commas after a call ("эй, гопота, потише") or closing "вот ведь …".
  raw`${RU_ADDRESSED}(?<=^(?:эй|слышь|ну|ой|ах|слушай|алло|але)\p{L}*, \p{L}+),`,
  raw`вот (?:ведь |же )?(?:\p{L}+ )?${RU_ADDRESSED}[.!?)]*$`,
  raw`жертв\p{L}* (?:егэ|аборта|инцеста|евгеники|эволюции)`,
  raw`(?:больн\p{L}*|ненормальн\p{L}*|двинут\p{L}*|стукнут\p{L}*|ударенн?\p{L}*|контужен\p{L}*|поехавш\p{L}*) (?:на (?:всю )?(?:голову|башку|бошку)|пыльным мешком)`,
  raw`${RU_ADDRESSED}(?<=, \p{L}+)[.!?)]*$`,
  raw`(?:какой|какая|какие) (?:же )?(?:ты|вы) ${RU_ADDRESSED}`,
  // A pejorative adjective said of someone ("ты мерзкий лицемер", "вы гнусные люди") or before a word for a person.
  raw`(?:ты|вы|он|она|они) (?:\p{L}+ )?(?:${RU_PEJORATIVE})\p{L}*`,
  raw`(?:${RU_PEJORATIVE})\p{L}* (?:\p{L}+ )?(?:\p{L}+(?:ец|ник|ница|тель|ист|истка|ер|ун|як|ак|ьщик))(?![\p{L}])`,
  // Compound adjectives that mock a body or a mind: криво|косо|тупо|узко|толсто + рук|рыл|глаз|лоб|мозг (криворукий,
  // тупорылый, узколобый), and без- + рук|мозг (безрукий).
  raw`(?:туп|крив|кос|луп|пуч|толст|жир|слеп|узк|дуб|лоп|висл|гнил|вонюч|тупорог|безмозгл)о(?:рыл|рог|глаз|морд|жоп|пуз|ух|зуб|головн)\p{L}*`,
  raw`(?:криво|косо|тупо|узко|толсто|твердо|дубо)(?:рук|рыл|глаз|лоб|мозг|головн|жоп)\p{L}* | безрук(?:ий|ая|ие|ого|им|их)`,
  // A form of address with its adjective after it, closing a sentence ("…, чучело огородное").
  raw`${RU_ADDRESSED} \p{L}+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)(?<=, \p{L}+ \p{L}+)[.!?)]*$`,
  // A name for a group, said of them: «все эти уехавшие — предатели и крысы», «они просто клоуны».
  raw`(?:все эти|эти|они|все они) (?:\p{L}+ ){0,2}?(?:это |просто |же )?${RU_ADDRESSED}(?![\p{L}])`,
  // A face or a mind likened to a beast's: «рожа как у хряка», «мозгов как у курицы».
  raw`(?:рожа|харя|рыло|морда|физиономия|лицо|ряха) (?:\p{L}+ )?как у (?:\p{L}+ )?(?:хряк|свинь|свин|обезьян|бульдог|жаб|крыс|коров|барана|осла|курицы|бегемот|мопс)\p{L}*`,
  raw`(?:совсем|вообще|ваще|ты|вы) (?:\p{L}+ )?без (?:мозгов|мазгов|мозга|башки|царя в голове)`,
  // A face called a snout: "ну и рожа", "твоё хлебало".
  raw`(?:ну и|какая|твоя|тво[её]|у тебя|мерзк\p{L}*|наглая|пьяная|жирная|тупая) (?:\p{L}+ )?(?:рожа|харя|рыло|хлебало|ебало|морда)(?![\p{L}])`,
  raw`диванн\p{L}* (?:эксперт|воин|аналитик|стратег|генерал|войск|патриот|скуф|герой|полководц)\p{L}*`,
  raw`жирн(?:ый|ая|ые|ого|ую) (?:тролл\p{L}*|свин\p{L}*|коров\p{L}*|боров\p{L}*|урод\p{L}*|скотин\p{L}*)`,
  // "скот, а не люди": a name for people set against "people".
  raw`(?:скот|скоты|животные|звери|твари|нелюди|стадо|свиньи|бараны|овцы|уроды|быдло|мрази),? (?:\p{L}+ )?а не (?:люди|человек)`,
  // The name first, then "ты": "олень ты северный", "свинья ты, а не друг", "дурак ты".
  raw`${RU_ADDRESSED} (?:же )?(?:ты|вы)(?![\p{L}])(?<=^(?:ну и |ну |да |эх |вот )?\p{L}+ (?:же )?\p{L}+)`,
  // A whole sentence of a name and its adjective, either way round: "ослица упрямая", "тупая овца!".
  raw`${RU_ADDRESSED}\s\p{L}+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)(?<=^\p{L}+\s\p{L}+)[.!?)]*$`,
  raw`${RU_ADDRESSED}(?<=^\p{L}+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)\s\p{L}+)[.!?)]*$`,
  // Ironic titles: "великий стратег", "гений мысли", "эксперт диванный нашелся", "спасибо, кэп".
  raw`велик\p{L}* (?:стратег|полководец|мыслител\p{L}*|аналитик|знаток|эксперт|специалист|философ|гуру|комбинатор|политолог|экономист)\p{L}*`,
  raw`(?:стратег|эксперт|знаток|аналитик|умник|умница|специалист|философ|мыслитель|политолог|экономист|гений|герой|борец|воин)\p{L}* (?:\p{L}+ )?(?:нашел\p{L}*|нашл\p{L}*|выискал\p{L}*|объявил\p{L}*|проснул\p{L}*|подтянул\p{L}*|пожаловал\p{L}*|нарисовал\p{L}*|приполз\p{L}*|набежал\p{L}*|вылез\p{L}*)`,
  raw`(?:гени\p{L}*|светоч\p{L}*|титан\p{L}*|корифе\p{L}*) (?:мысли|разума|интеллекта|логики|аналитики)`,
  raw`(?:спасибо|спс|ну спасибо),? кэп\p{L}*`,
  raw`(?:тебя|вас) (?:\p{L}+ )?(?:забыли|не) спросили | (?:тебя|вас) забыли спросить | (?:кто|а кто) (?:тебя|вас) (?:\p{L}+ ){0,2}(?:спрашивал\p{L}*|звал\p{L}*|пустил\p{L}*)`,
  raw`(?:ну-ну|ну ну|ага|угу),? (?:\p{L}+ )?(?:эксперт|знаток|умник|стратег|аналитик|гений|специалист)\p{L}*`,
  // A mind measured as an animal's or a thing's: "мозгов как у курицы", "одна извилина", "тебя в детстве роняли".
  raw`мозг\p{L}* (?:\p{L}+ )?как у (?:курицы|рыбки|таракана|воробья|хлебушка|амебы|инфузории|табуретки|улитки|хомячка|барана|пробки)`,
  raw`(?:одна|две|полторы) извилин\p{L}* | (?:ни|без) (?:\p{L}+ )?(?:мозг\p{L}*|извилин\p{L}*) (?:в голове|вообще)`,
  raw`(?:тебя|вас|его|ее) (?:\p{L}+ ){0,3}(?:роняли|уронили|головой об)`,
  // People as vermin or a disease: "плодятся как тараканы", "раковая опухоль страны".
  raw`(?:плодятся|размножаются|расплодились|кишат|наплодились) (?:\p{L}+ )?как (?:тарака\p{L}*|крыс\p{L}*|кролик\p{L}*|вши|клоп\p{L}*|мух\p{L}*) | раков\p{L}* опухол\p{L}* (?:\p{L}+ )?(?:страны|общества|планеты|человечества|россии|на теле)`,
].join('\n');

/** English names that dehumanise: said of anyone, they make people vermin or things. */
const EN_DEHUMANISING = raw`(?:vermin|subhumans?|sub-humans?|untermensch\p{L}*|cockroaches|parasites|savages|degenerates|lowlifes?|scumbags?|troglodytes?|neanderthals?|inbreds?|libtards?|trumptards?|snowflakes?|human (?:garbage|trash|filth|waste)|waste of (?:oxygen|space|air|skin|a life))`;
/** Names for people that are an insult when a group or a person is called so ("these animals", "you pigs"). */
const EN_BEASTS = raw`(?:animals|rats|pigs|apes|monkeys|sheep|cattle|trash|filth|garbage|losers|clowns|hicks|rednecks|morons|idiots|imbeciles|degenerates)`;
/** Milder names that insult when said to someone: "get lost, loser", "you're a tool". */
const EN_ADDRESSED = raw`(?:loser|clown|tool|joke|disgrace|embarrassment|troglodyte|snowflake|dumbass|jackass|moron|idiot|muppet|creep|weirdo|simp|incel|nobody|npc|cuck|karen|bootlicker|boot licker|parasite|leech|grifter|fraud|bum|scrub|lowlife|scumbag|degenerate|neanderthal|sheep|halfwit|dimwit|nitwit|imbecile|buffoon|dork|dweeb|twit|numpty|plonker|pillock|wanker|tosser|failure|waste|clown shoe|hack|shill|bot|cultist|normie|beta|soyboy|soy boy|manchild|crybaby|drama queen|pick me|trash|garbage|dogwater|dropkick|sellout|sell-out|traitor|bimbo|drongo|galah|knobhead|bellend|nonce|gobshite|eejit|chav|pleb|peasant|simpleton|troll|shill)`;
/** The same names as a form of address at the end of a sentence ("get lost, loser"). */
const EN_VOCATIVE = raw`(?:loser|clown|troglodyte|snowflake|dumbass|jackass|moron|idiot|muppet|creep|weirdo|karen|boomer|zoomer|genius|einstein|sherlock|npc|simp|incel|cuck|bootlicker|bozo|doofus|libtard|snowflake|sheeple|smartass|smart guy|big brain|mastermind|captain obvious|crybaby|cry baby|pussy|dipshit|fuckwit|twat|halfwit|dimwit|nitwit|bozo|doofus)`;

export const EN_ABUSE = [
  raw`(?:you|you're|youre|ur|u r|you are) (?:such )?(?:a |an )?(?:disgusting|vile|nasty|worthless|useless|spineless|lying|miserable|repulsive|despicable|contemptible|sorry excuse)(?![\p{L}])`,
  raw`basement dwellers? | neckbeards? | mouth-?breathers? | knuckle-?draggers? | (?:sack|bag) of (?:shit|crap|garbage|trash|rocks)`,
  raw`(?:lying|stupid|fat|silly|ugly|old|dumb|miserable|nasty|pathetic|sad|little|filthy) (?:old |little |fat )?(?:cow|pig|bitch|sow|hag|rat|snake|bastard|twat|witch|slob|worm|weasel|toad)s?(?![\p{L}])`,
  EN_DEHUMANISING,
  raw`(?:these|those|they're|theyre|they are|bunch of|pack of|herd of|filthy|dirty|fucking) (?:\p{L}+ ){0,2}${EN_BEASTS}`,
  raw`(?:you|ya) (?:filthy |dirty |fucking |stupid |dumb |bloody )?${EN_BEASTS}`,
  raw`^sheep[.!]`,
  // A name as the first word of an order or a jeer: "calm down karen", "ok boomer", "sure, genius", "cry more, snowflake".
  raw`(?:ok|okay|calm down|relax|chill|sit down|shut up|cry more|sure|yeah sure|right|cope|seethe|bye|nice try|good one|well done|great job|nice going|nice job|good job|nice work|great work|way to go|bravo|congrats|thanks|wow|imagine) (?:\p{L}+ )?(?:karen|boomer|zoomer|snowflake|genius|einstein|sherlock|npc|simp|incel|cuck|clown|bozo|libtard|bootlicker|smartass|big brain|mastermind|captain obvious)(?![\p{L}])`,
  raw`(?:such|much|bit|kind|sort) of an? (?:\p{L}+ )?(?:simp|clown|npc|cuck|karen|loser|tool|moron|bootlicker|sheep|joke|cultist|grifter|shill)(?![\p{L}])(?<!bit of a \p{L}+|bit of an \p{L}+)`,
  raw`who (?:even )?(?:let|allowed) (?:you|u) (?:on|near|into|onto|to use) | who (?:even )?(?:asked|invited) (?:you|u)(?! (?:to|for|about|if|whether))`,
  raw`such an? (?:\p{L}+ )?(?:simp|clown|npc|cuck|karen|loser|tool|moron|idiot|bootlicker|joke|creep|weirdo|incel|bozo|dork|cultist|shill|crybaby)(?![\p{L}])`,
  raw`(?:sound|sounds|act|acts|acting|talk|talks|look|looks) like (?:an? |some |such an? )?(?:npc|bot|sheep|cultist|shill|bootlicker|simp|cuck|karen|clown|toddler|child|moron|idiot|loser|incel)(?![\p{L}])`,
  raw`imagine (?:being|having) (?:\p{L}+ ){0,4}(?:simp|clown|npc|cuck|loser|moron|idiot|bootlicker|sheep|incel|delusional|dense|braindead|pathetic|brainwashed|stupid|dumb|cringe)`,
  raw`(?:garbage|trash|terrible|awful|waste of a|poor excuse for a|sorry excuse for a|disgusting|vile) (?:human|person|human being|man|woman|people)(?![\p{L}])`,
  raw`what an? (?:\p{L}+ )?(?:clown|joke|loser|moron|idiot|tool|muppet|bozo|dumbass|npc|simp|cuck|creep|weirdo|crybaby|halfwit|dimwit|nitwit|buffoon|fraud|grifter)(?! (?:show|car|costume|fish|shoe|nose|makeup))`,
  raw`(?:sweetie|honey|hun|sweetheart|darling|kiddo|champ|buddy|pal|sweetcheeks|little one),? (?:just )?(?:no|bless|that's not how|that isn't how|this isn't|read a book|learn to|go back to|nobody|that's cute|it's cute|let the|leave (?:it|this|politics|that) to|you wouldn't understand|stick to)(?![\p{L}])`,
  raw`let the (?:adults|grown-?ups|big boys|men|experts) (?:talk|speak|handle|discuss|do the thinking) | did (?:your )?(?:mommy|mummy|mom|mum|mama|daddy|teacher|nanny) (?:\p{L}+ )?(?:help|write|let|dress|type)\p{L}*`,
  raw`(?:you|ya|u) (?:absolute|utter|complete|total|massive|colossal|fucking|bloody) \p{L}+(?<!legend|star|gem|angel|sweetheart|hero|king|queen|champ|champion|saint|genius|beauty|babe|darling|treasure|unit|lad|madman|beast|boss|icon|delight|sweetie|honey|love|sweetie|mensch|rockstar|superstar|wizard|machine|goat)[.!?)]*$`,
  raw`(?:go |run |going )?(?:cry|crying|run|running|whine|whining|tell) (?:\p{L}+ )?to (?:your|ur) (?:mommy|mummy|mom|mum|mama|momma|daddy|mother)(?![\p{L}])`,
  raw`(?:sad|pathetic|miserable|tiny|small|petty|bitter|angry|insecure|fragile) little (?:man|boy|girl|woman|person|troll|worm|creature|manchild|gremlin|goblin)(?![\p{L}])`,
  raw`(?:absolute|utter|complete|total|massive|fucking) (?:bellend|knobhead|knob|wanker|tosser|twat|muppet|weapon|melt|plank|pillock|numpty|walnut|gremlin|goblin|donut|doughnut|spoon|bozo|clown|buffoon|dipshit|dickhead|cretin|troglodyte)(?![\p{L}])`,
  raw`(?:smooth|pea|lizard|peanut|smol)(?:-| )?brain(?:ed|s)? | (?:small|tiny)-?brain(?:ed|s)? | (?:two|one) brain cells?(?<!my (?:last |only |remaining )?(?:two|one) brain cells?) | room temperature iq | (?:gremlin|goblin|troglodyte|bellend|knobhead)s?(?<=(?:you|ya|u) (?:\p{L}+ )?\p{L}+)`,
  raw`(?:parasite|leech|cancer|plague|stain|blight|waste) on (?:society|humanity|the planet|this earth|the world|this sub|this site)`,
  // Names that are insults wherever they stand: "trailer trash", "typical bimbo comment", "paid kremlin shill",
  // "loser energy", "simp for a dictator"; and a name after an order ("sit down you dropkick", "get rekt scrub").
  raw`(?:trailer|white|euro) trash | bimbos? | dropkicks? | shills? | incels? | simps? for | (?:loser|clown|incel|karen|boomer|npc|beta|simp|cringe|smooth ?brain|pick ?me) energy | gobshites? | eejits?`,
  raw`(?:sit down|shut up|get lost|go away|piss off|bugger off|sod off|get out|grow up|calm down|bye|cope|seethe|uninstall|get rekt|rekt|gg ez|ez) ,?(?:you |ya |u )?(?:\p{L}+ )?${EN_ADDRESSED}(?![\p{L}])`,
  raw`traitors? to (?:your|ur|his|her|their|the|our) (?:own )?(?:family|country|people|motherland|homeland|nation|kind|blood) | ^sell-?outs?[.!,]`,
  raw`(?:you|u|ya|he|she|they) (?:have|has|got|'ve got|'s got|ve got) (?:the )?(?:memory|attention span|brains?|iq|intelligence|wits?|personality|emotional range|reading comprehension|critical thinking|charm|logic|manners|spine) of an? (?!elephant)\p{L}+ | face like an? (?:\p{L}+ )?(?:arse|ass|bum|bulldog|smacked|slapped|dropped|melted|busted|bag|pug|horse|potato|toad)`,
  raw`sheeple | bootlick\p{L}* | boot-?lickers? | cuckold\p{L}* | cucks | npcs | simps | incels | karens | libtards? | conservatards? | rethuglicans? | demonrats? | magats? | trumpanzees? | feminazis? | soyboys? | braindead`,
  raw`(?:you're|youre|you are|ur|u r|he's|hes|she's|shes|he is|she is|guy is|dude is) (?:just |such |really |honestly |literally |actual |actually |straight |genuinely )*(?:a |an )?(?:complete |total |absolute |utter |fucking |real |massive |huge )*${EN_ADDRESSED}`,
  raw`(?:you|u|ya) (?:absolute|complete|total|utter|fucking|stupid|dumb|little) (?:\p{L}+ )?${EN_ADDRESSED}`,
  raw`${EN_VOCATIVE}(?<=, \p{L}+)[.!?)]*$`,
  // Loose spellings of "stupid" and its kin, and "this stupid" / "that dumb".
  raw`(?:you|you're|youre|ur|u|u r|are you|r u) (?:so |this |that |really |rly |soo+ |such )+(?:stupid|dumb|dum|stoopid|stupit|dense|thick|retarded|retarted|braindead|brain-dead|ignorant|pathetic)`,
  raw`(?:stoopid|stupit|retarted|idoit|braindead)`,
  raw`(?:bunch|pack|group|herd) of (?:\p{L}+ ){0,3}(?:losers|idiots|morons|clowns|cowards|hypocrites|bootlickers|degenerates|sheep|hicks|rednecks|trash)`,
  // Compound names, which English coins freely: "-tard" (libtard, fucktard; not mustard, custard, leotard),
  // "-head", "-face", "-brain", "-bag", "-wad", "-stain" after a word that makes them names rather than a bulkhead,
  // a headhunter or a brainiac. They have no literal sense, so they hurt wherever they stand.
  raw`\p{L}{2,}(?<!mus|bas|das|cus|leo|bus|cos|pe|re)tard(?:s|ed|o|os)?`,
  raw`(?:dick|shit|knob|meat|air|bone|dumb|fat|pin|butt|dunder|block|mutton|cabbage|crack|dope|fuck|ass|arse|dip|bell|dog|pea|puddin|pudding|numb|thick|twat|cum|poop|turd|jizz)-?(?:head|heads|face|faces|end|ends|skull|skulls)`,
  raw`(?:slime|sleaze|scum|dirt|douche|scuzz?)-?balls?`,
  raw`tankies? | brainlets? | midwits? | smooth-?brains?`,
  raw`(?:bird|lame|feather|shit|mush|walnut|fart|rat|lizard|mouse|worm|sheep)-?brain(?:ed|s)?`,
  raw`(?:douche|scum|dirt|sleaze|slime|shit|scuzz?|wind|fuck|dick|jizz|shit|cum|piss|skid)-?(?:bags?|wads?|stains?|nozzles?|waffles?|weasels?|goblins?|trumpets?|rags?)`,
  raw`fuckwits? | wankers? | tossers? | twats? | plonkers? | knobs?(?<=(?:you|ya|u|what a|such a|absolute|utter|complete|total) \p{L}+)`,
  // A mind measured as nothing: "zero brain cells", "too stupid to argue with", "the level of stupidity".
  raw`(?:zero|no|0|one|two|a single|not a single|not one|three|few) (?:\p{L}+ )?brain ?cells?(?<!my (?:last |only |remaining )?(?:two|one|three|few) (?:\p{L}+ )?brain ?cells?) | too (?:stupid|dumb|thick|dense|ignorant|brainwashed|far gone|dim|slow) to (?:\p{L}+ ){0,2}(?:argue|talk|reason|understand|grasp|get|see|read|think|follow|have)`,
  raw`(?:levels?|amount|degree|depths?) of (?:stupidity|idiocy|imbecility|brainwashing|dumbness|cope|cringe) | (?:your|ur) (?:\p{L}+ )?(?:stupidity|idiocy|imbecility|ignorance)`,
  // A person or a group as a disease or vermin: "a cancer on this country", "breed like rats", "you are mentally ill".
  raw`(?:parasite|leech|cancer|plague|stain|blight|waste|tumou?r|disease|virus|scourge|infestation|boil) (?:on|of|upon) (?:society|humanity|mankind|the planet|this earth|the earth|the world|this sub|this site|this country|the country|our country|the nation|this nation|europe|russia|the internet)`,
  raw`breed(?:s|ing)? like (?:rats|rabbits|cockroaches|flies|vermin|animals|roaches|mice) | (?:infested|overrun|crawling) with (?:\p{L}+ )?(?:vermin|rats|cockroaches|parasites|these people|their kind|them)`,
  raw`(?:you|u|ya) (?:\p{L}+ )?(?:people |lot |guys )?(?:are|is|r) (?:a |the )?(?:cancer|disease|plague|virus|infestation|tumou?r|vermin|parasites?)(?! (?:survivors?|patients?|research|risk|treatment|ward|outbreak))`,
  raw`(?:you're|you are|youre|ur|u r|you|you're just|you're clearly|you are clearly|you're obviously) (?:\p{L}+ )?(?:mentally (?:ill|retarded|deficient|disturbed|deranged|unstable)|psychos?|psychotic|schizos?|a psycho|a schizo|a lunatic|certifiable)`,
].join('\n');
