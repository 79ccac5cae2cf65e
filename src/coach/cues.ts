// Words that may carry hostility but do not on their own: a person's mind or wits ("мозг", "brain", "читать
// умеешь"), mock praise ("умный", "genius", "expert"), irony ("ну да", "ага", "sure", "lol"), belittling verbs
// ("ноешь", "вякать", "whine", "crawl back"), and frames that put a label on someone ("ну ты и …", "you've turned
// into …"), and blame that generalises ("ты вечно", "you always"). The learned layer hears a whole sentence, and a sentence-wide guess is often wrong ("Because you don't
// care.", "please stop messaging me", "береги себя, пожалуйста" were all heard as toxic): it may call a sentence
// toxic only when one of these words is in it, so that its verdict always rests on something said.

const RU_CUES = [
  String.raw`мозг\p{L}*|голов\p{L}*|башк\p{L}*|извилин\p{L}*|интеллект\p{L}*`,
  String.raw`умн(?:ый|ая|ое|ые|ик\p{L}*|ица|енький|енькая)|гени\p{L}*|эксперт\p{L}*|знаток\p{L}*|фантазер\p{L}*|сказочник\p{L}*|мыслител\p{L}*`,
  'конечно|ага|ну да|ну-ну|ну ну|ну ты и|ты и|вообще|или как|что ли|чтоли',
  String.raw`(?:читать|думать|соображать|писать|считать) (?:\p{L}+ )?умеешь|умеете`,
  String.raw`ныть\p{L}*|нытье\p{L}*|ноешь|ноют|нытик\p{L}*|вякать|вяка\p{L}*|визж\p{L}*|вылез\p{L}*|кудахч\p{L}*|тявка\p{L}*`,
  String.raw`бред\p{L}*|позор\p{L}*|жалк\p{L}*|смешн\p{L}*|смешон|ору|ржу|лол|цирк\p{L}*|клоун\p{L}*|тупо\p{L}*`,
  // A verdict on the person: "ты стала такая…", "вы просто…".
  String.raw`(?:ты|вы) (?:\p{L}+ )?(?:стал|стала|стали|такой|такая|такие|прям|прямо|просто|совсем|как)`,
  // Blame by generalising (NVC: "always", "never" turn a moment into a verdict on the person).
  'всегда|никогда|вечно|опять|снова|постоянно|только и|как всегда|как обычно',
  String.raw`ходяч\p{L}*|превратил\p{L}*|рупор\p{L}*|телевизор\p{L}*|телек\p{L}*|зомбоящик\p{L}*|пропаганд\p{L}*`,
];

const EN_CUES = [
  'brains?|brainless|mind|iq|wits?|head|skull',
  'genius|expert|smart|einstein|sherlock|professor|fantasist',
  'sure|yeah|wow|lol|lmao|rofl|oh please|as if|even',
  '(?:can|do) (?:you|u) (?:even )?(?:read|think|count)',
  'whine|whining|whiny|crawl|crawling|rock|cave|pea|tool|joke|clown|circus|pathetic|trash|garbage',
  "you're|you are|youre|you've become|you have become|you sound|you act|you talk|you think you",
  'always|never|again|every time|constantly|all you|only ever|as usual|typical',
  'walking|turned into|mouthpiece|state tv|propaganda',
];

const CUE = new RegExp(
  `(?<![\\p{L}])(?:${[...RU_CUES, ...EN_CUES].join('|')})(?![\\p{L}])|[🙄😂🤣🤡😏💀]`,
  'u',
);

// Politeness and care: a sentence with one of these is a request or comfort, whatever the model hears in it
// ("уйди, пожалуйста, с моей страницы", "не вини себя", "you're doing an amazing job, don't let anyone tell you
// otherwise" were heard as toxic with 0.9 and more).
const WARM = new RegExp(
  `(?<![\\p{L}])(?:${[
    String.raw`пожалуйста|спасибо|извини\p{L}*|прости\p{L}*|жаль|жалко|сочувств\p{L}*|соболезн\p{L}*|береги\p{L}*|обнима\p{L}*|люблю|горжусь|молодец|умниц\p{L}*`,
    String.raw`не вини\p{L}*|не виноват\p{L}*|не твоя вина|не ваша вина|держись|держитесь`,
    // Help offered and company kept: «я переведу», «побуду рядом», "I'm booking a flight", "I'm on your side".
    'переведу|помогу|приеду|заеду|привезу|пришлю|побуду|посижу|я рядом|буду рядом|я с тобой|на связи|это нормально',
    "(?:i'll|i will|let me|i can|i'm gonna|i'm going to|i'm) (?:\\p{L}+ )?(?:send|help|come over|call you|book|bring|drive|pay|be there|stay with|sit with)|i'm here|here for you|on your side|(?:completely|totally|perfectly|so) normal|don't let (?:it|them|that|him|her) get to you",
    'please|pls|plz|thanks?|thank you|sorry|apologi[sz]e|condolences|proud|amazing|love|hugs?|take care',
    "(?:not|never) your fault|don't blame yourself|be kind to yourself|be gentle with yourself",
  ].join('|')})(?![\\p{L}])|[❤🤗🫂]`,
  'u',
);

/** Whether a folded sentence holds a word that may carry hostility (see above). */
export function hasHostileCue(reading: string): boolean {
  return CUE.test(reading);
}

/** Whether a folded sentence is polite or caring in so many words (see above). */
export function hasWarmCue(reading: string): boolean {
  return WARM.test(reading);
}
