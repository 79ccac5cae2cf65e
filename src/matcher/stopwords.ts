// Words too common to say anything about a position. Negations ("не", "not") are kept on purpose: they carry
// meaning in "не так однозначно" and "nothing changes".

const list = (text: string) => new Set(text.trim().split(/\s+/));

export const STOPWORDS = list(`
  а без бы был была были было быть в во вот вы вам вас да для до его ее ей ему если есть еще ж же за и из или
  им их к как ко когда кто ли мне меня мы на нам нас о об он она они оно от по при с со так там тебе тебя то
  тоже ты у уж уже что чтобы чем это этого этот эти эта я ну вообще просто ведь вон тут говорит говорят
  сказал сказала мама папа мать отец
  a an the and or but if of to in on at for with by from as is are was were be been am it it's its this that
  these those i me my you your he she his her we our they them their so just well do does did have has had
  will would can could there here what about says said keeps saying mum mom dad oh like really then than
`);

/**
 * Frequent English words that are not Russian in Latin letters: they tell English from transliteration. Words
 * that are both ("a", "i", "no", "to", "on", "do", "so", "u") are left out: they decide nothing.
 */
export const ENGLISH_MARKERS = list(`
  the and is are was were you your it it's that this they we of in for with what not don't all have be will can
  he she our us there just about at an if i'm he's she's they're we're you're can't won't didn't doesn't isn't
  been would should could their them his her him who which when where why how because
`);
