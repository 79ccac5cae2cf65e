import { fold } from '../matcher/normalize.js';

// Two things a person may write instead of a relative's words or a practice reply: that they themselves are
// hurting («у меня трясутся руки», "I can't sleep"), or that they do not know what to answer. Neither is a
// position to match nor a reply to grade. The patterns are first-person on purpose: «мама плачет» is a relative's
// state and goes to the matcher as usual.

const DISTRESS: readonly RegExp[] = [
  // Russian
  /трясут(ся|ься) руки|руки трясут|меня (всю |всего )?трясёт|меня (всю |всего )?трясет|меня колотит/,
  /(я |уже |совсем |ночами |по ночам |вообще )не сплю|не могу (за)?спать|не могу уснуть|бессонниц/,
  /не могу больше|больше не могу|нет (больше )?сил|сил (больше |уже )?нет|сил не осталось/,
  /(я |все время |всё время |постоянно |опять |потом )(плачу|рыдаю|реву)|плачу (каждый|по ночам|весь|всю)|слёзы душат|слезы душат/,
  /паническ\p{L}* атак|панику? накрывает|накрывает паник/u,
  /руки опускаются|опускаются руки/,
  /я на грани|на грани срыва|схожу с ума|(я |совсем )выгорел|я в отчаянии|мне (очень |так |совсем )?(плохо|страшно|тошно|тяжело)( |$|[.,!])/,
  /не хочу жить|жить не хочется|покончить с собой/,
  // English
  /i (can't|cannot|can not|don't|do not|haven't been able to) (sleep|fall asleep)|i haven't slept|insomnia/,
  /i'm shaking|i am shaking|my hands (are|keep) shaking|i (keep|am|'m) trembling/,
  /i'm (so |completely |totally )?(exhausted|burnt out|burned out|drained|falling apart)|i am (so |completely )?(exhausted|burnt out|burned out|drained)/,
  /panic attack/,
  /i (can't|cannot|can not) (do|take|handle|bear) (this|it) any ?more|i (can't|cannot) go on/,
  /i (keep|can't stop|cannot stop|am|'m) (crying|sobbing)|i cry every/,
  /i'm (at|on) (my wits' end|the edge|breaking point)|i feel hopeless|i want to die|kill myself/,
];

const NO_ANSWER: readonly RegExp[] = [
  /не знаю,? (что|чего|как) (ей |ему |им |тут |на это |мне )?(ответить|сказать|отвечать|говорить)/,
  /(что|чего) (же |мне |тут |ей |ему )*(ответить|отвечать|сказать)\??$/,
  /понятия не имею,? (что|как) (ответить|сказать)|без понятия,? (что|как) ответить|подскажи(те)?,? что ответить/,
  /^(не знаю|хз|подскажи(те)?|помоги(те)?)[.!?…]*$/,
  /i (don't|do not|dunno) know what to (say|answer|reply)|no idea what to (say|answer)|dunno what to say/,
  /what (do|should|can) i (say|answer|reply)|help me (answer|reply)|^(i don't know|no idea|help|hint)[.!?…]*$/,
];

function test(patterns: readonly RegExp[], text: string): boolean {
  const folded = fold(text).replace(/[’`]/g, "'");
  return patterns.some((pattern) => pattern.test(folded));
}

/** Whether the user says that they themselves are hurting: shaking, not sleeping, crying, at the end of their tether. */
export function isDistress(text: string): boolean {
  return test(DISTRESS, text);
}

/** Whether a practice reply is really "I don't know what to answer": a request for a hint, not a reply. */
export function isNoAnswer(text: string): boolean {
  return test(NO_ANSWER, text.trim());
}
