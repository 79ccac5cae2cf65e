import { EN_ABUSE } from './abuse.js';
import { patterns, type Rules } from './patterns.js';
import { EN_VIOLENCE } from './violence.js';

// English. Text is folded to lower case before matching.
const raw = String.raw;

export const EN_RULES: Rules = {
  insult: [
    ...patterns(raw`
    idiot\p{L}* | moron\p{L}* | imbecile\p{L}* | retard(?:s|ed|ation)? | dumbass | dimwit\p{L}* | halfwit\p{L}* | nitwit\p{L}*
    brainless | sheeple | vatnik\p{L}* | orcs? | bootlicker\p{L}* | putinists? | scum | brain-?dead | pea(?:-| )?brain\p{L}* | who raised (?:you|u|ya)
    (?:you|you're|youre|ur|u r|u are|you are|are you|so|such an?|bunch of|you old|you poor) (?:so |just |completely |totally |really |truly |absolutely |honestly |such |an? |the most |one |bunch of |pack of )*(?:stupid|dumb|fools?|foolish|crazy|insane|senile|ignorant|dense|deluded|delusional|pathetic|clowns?|sheep|zombies?|slaves?|lunatics?|nutcase|simpleton|losers?|cowards?|morons?|idiots?|hypocrites?|traitors?|jerks?|scum)
    (?:what|such) an? (?:\p{L}+ )?(?:pathetic|loser|jerk|hypocrite|disgrace) | (?:pathetic|brainwashed) (?:\p{L}+ )?(?:losers?|cowards?|morons?|idiots?|sheep|people|excuse)
    (?:you|ya) (?:\p{L}+ )?(?:sheep|losers|cowards|morons|idiots|clowns|hypocrites) | dumb as (?:a |hell|rocks|a rock|bricks) | piece of (?:work|trash|garbage)
    stupid (?:old )?(?:woman|man|people|cow|sheep)
    dumbest | stupidest | dumber | (?:too old|too stubborn) to (?:learn|understand|change) | good little (?:citizen|soldier|patriot) | zombies? | serfs? | cowards? | cowardly | spineless | (?:so |too |you're |you are )naive
    gullible | clueless | (?:so|that|too|how|such a|you're|you are|be|being) (?:\p{L}+ )?(?:naive|gullible)
    (?:couch|armchair|keyboard|sofa) (?:warriors?|generals?|patriots?|experts?|heroes?)
    (?:lost|losing) (?:your|his|her|their) (?:mind|marbles|minds)|off (?:your|his|her) rocker|unhinged|deranged|bonkers|nutjob\p{L}*
    muppet | numpty | nincompoop | dunce | pillock | plonker | cuckoo | pig-?headed | thick as | lost the plot | (?:only|what) an? (?:fool|idiot|dope)
    (?:you|you're|you are) (?:\p{L}+ ){0,2}(?:such )?an? (?:\p{L}+ )?(?:dinosaur|child|baby|dope|fool|clown)
    puppet | (?:silly|poor|naive) little (?:thing|girl|boy|man|lady)
  `),
    // Names built from roots and affixes, and dehumanising names for groups (abuse.ts).
    ...patterns(EN_ABUSE),
  ],
  labelling: patterns(raw`
    brain-?washed | brainwashing | propaganda (?:victim|zombie|parrot|robot)
    (?:you(?:'ve| have)? been|you're being|you are being|they) (?:fed|programmed|brainwashed|duped|conned)
    (?:you're|you are|you) (?:just )?(?:repeating|parroting|regurgitating|spouting) (?:\p{L}+ )?(?:propaganda|kremlin|lies|talking points)
    drank the kool-?aid | (?:you're|you are) in a cult | cult member | kremlin (?:bot|troll|puppet|mouthpiece) | zombie box
    (?:your|the) (?:brain|mind) (?:is|has been) (?:just |totally |completely )?(?:washed|rotted|poisoned|mush)
    (?:cooked|fried|rotted|rotten|melted|scrambled|poisoned|pickled) (?:\p{L}+ )?(?:brains?|minds?)|brain ?rot|brains? (?:is |are )?(?:mush|fried|cooked|rotted)
    stockholm syndrome | textbook (?:\p{L}+ )?(?:syndrome|case|propaganda|brainwashing) | (?:what|how) (?:the )?propaganda (?:does|did|works) (?:to|on)
    (?:tv|telly|zombie box|kremlin|solovyov|channel one|propaganda) (?:is |has been )?(?:talking|speaking|thinking) (?:through|for) you
    (?:they(?:'re| are)|they've been|they have been) (?:just )?(?:using|manipulating|playing|fooling) you | you(?:'re| are) being (?:used|manipulated|played|fooled)
    (?:kremlin|tv|channel one|propaganda) (?:script|talking points|playbook|methodichka) | word for word | you (?:only )?see what (?:\p{L}+ ){1,3}(?:shows|tells|wants)
    you (?:don't|do not) see anything
    (?:rewired|reprogrammed|zombified|conditioned) | mouthpiece | (?:that's|this is) not you talking | swallowed (?:the|their|every) | hook,? line and sinker
    victim of (?:state )?(?:media|propaganda|tv|the tv) | eaten your brain | (?:tv|telly|propaganda|they) (?:has|have)? ?(?:eaten|fried|rotted|melted) (?:your )?brain
    (?:you )?sound(?:s)? like (?:\p{L}+ ){0,3}(?:propagandists?|bots?|parrots?|trolls?) | got you (?:\p{L}+ )?(?:programmed|brainwashed|fooled|hooked)
  `),
  sarcasm: patterns(raw`
    oh sure | yeah right | yeah,? because | yeah,? sure | sure,? because | oh,? of course | of course,? because | right,? because
    because (?:the )?(?:tv|television|state tv|the kremlin|putin|channel one) (?:never|would never|doesn't) (?:lies?|lie)
    (?:tv|the kremlin|putin|channel one) (?:never|would never) lies? | good for you | wow,? genius | genius move | bravo
    keep believing | keep watching | nice try | how convenient | thanks,? captain obvious | what a surprise | shocking
    (?:oh )?wow,? (?:just )?wow | sure,? grandma | sure,? mom | sure thing,? mom | /s | riiight | suuure
    (?:liberators|heroes|saviours|saviors) (?:indeed|sure)
    ^sure,? (?:go|keep|let's|because|why not|whatever) | ^oh well | wow,? what an?(?! (?:view|day|game|goal|sunset|place|trip|night|show|performance|beautiful|lovely|gorgeous|great|amazing|wonderful|relief|year|song|voice|baby|dog|cat|meal|dinner)) | worked (?:out )?(?:so )?great | keep pretending | must be nice | a whole \d+ | time to celebrate
    if the \p{L}+ says so | (?:and )?i'm the queen | congrats on(?! (?:\d+|your|being|getting|finishing|graduating|passing|the (?:new|baby|wedding))) | whatever (?:the )?(?:tv|they|channel one|putin) | lol ok | ok (?:grandpa|grandma|boomer) | classic\. | how's that going | 👏 | 😂 | 🤣 | 😏 | 🙄 | 🤡 | 🎉
    very original | (?:a |such a |what a )?great track record | (?:it's )?(?:sweet|cute|adorable) (?:that|how) you (?:still )?(?:think|believe)
    you(?:'re| are) always right | whatever the party says | comrade (?:dad|mom|mum|uncle|grandpa|grandma) | (?:earth|world) is flat | control the weather
    lol | lmao | lmfao | rofl | 💀 | 🙃 | 🤦\S*
    ^(?:oh|ah),? (?:absolutely|totally|sure|definitely|yes|wow|right|great|please|how)(?![\p{L}]) | (?:you've|you have) (?:totally |completely |really |now )?(?:convinced|persuaded) me
    uh-?huh | mhm+[.!] | ri{3,}ght | su{3,}re | ye{3,}s
    (?:i've got|i have|i've) a bridge | bridge (?:in brooklyn )?to sell | next you'll (?:tell|say|claim) | what(?:'s| is) next,
    still waiting | any day now | any minute now
    very (?:deep|philosophical|christian|mature|original|convincing|brave|patriotic|clever|smart|impressive|wise|sophisticated|scientific)(?: of you)? | super (?:mature|smart|clever|convincing)
    great taste | cool (?:values|story) | nice logic | great logic | what a (?:career|logic|patriot|hero|shock|joke|coincidence|twist|genius)
    tell that to (?:the|those|all|his|her|their|every|a) | (?:poor|little) (?:putin|russia|kremlin|oligarchs?)|poor little
    (?:ah|oh),? the (?:classic|good old|old|usual) | classic (?:\S+ ){0,6}cope | nothing says \S+
    (?:genius|einstein|sherlock)(?<=, \p{L}+)[.!)]*$ | thanks,? sherlock
    i'm the worst | like a good (?:girl|boy|little) | shall i\?
    ^(?:wow|oh),? (?:fascinating|impressive|brilliant|amazing|incredible|great)[.!]
    let me know when (?:\p{L}+ ){0,3}(?:freezes|collapses|falls|dies|starves|ends)
    enjoy your(?= ['"‘“«])
    ^oh,? (?:brilliant|wonderful|great|fantastic|lovely|marvellous|perfect|yes|yeah|no,? not) | ^(?:brilliant|marvellous|wonderful|fantastic|lovely|perfect),? (?:simply|just|truly|really) (?:brilliant|marvellous|wonderful|fantastic|lovely|perfect)
    how (?:lovely|nice|sweet) that you | love (?:that for you|how every) | great plan | foolproof | breaking news | news flash
    (?:and )?pigs (?:might )?fly | (?:and )?i'm the (?:king|queen|pope) | so brave of you | such deep | deep analysis | thanks for the (?:\p{L}+ )?lesson | (?:professor|captain obvious)(?<=, [\p{L}\s]+)[.!)]*$
    you got me | (?:i'm )?sure (?:the kremlin|putin|they) (?:has|have) your best
    (?:cool|great|nice|fantastic|wonderful|brilliant|super|perfect),? so (?:now|we're|you're|the) | is gospel | (?:amazing|great|brilliant|impeccable|flawless|solid|airtight) logic
    congratulations,? you(?:'ve| have) | totally (?:normal|fine|reasonable) to | tell me another one | pull the other one | i'm sure(?<=, i'm sure)[.!]*$ | (?:very )?valuable opinion
  `),
  contempt: patterns(raw`
    shut (?:your|ur|yer) (?:trap|gob|pie ?hole|cakehole|mouth|face) | listen here,? you
    get a life | (?:go|pls|please|just|maybe|bro|dude|need to|needs to|should|gotta) touch (?:some )?grass | ^touch (?:some )?grass
    (?:nobody|no one|noone) asked[.!?)]*$ | who asked[.!?)]*$ | (?:l|ratio) \+ (?:l|ratio|cope|nobody|you fell off) | ratio(?:'d)?[.!]*$ | take the l | cope(?: and|,) seethe | (?:seethe|mald|cope|cry|whine|sob|rage) (?:harder|more)(?! (?:than|because|when|about|over|often)) | keep (?:crying|whining|seething|coping|malding|sobbing) | ^(?:lmao |lol |lmfao |just )?(?:cope|seethe|mald)[.!]*$ | seethe(?: and|,)? (?:cope|mald) | mald(?:ing)? | stay pressed
    (?:your|ur|his|her|their) (?:opinion|take|comment|post|argument|logic|brain|article) (?:is|=) (?:\p{L}+ )?(?:trash|garbage|shit|crap|worthless|stupid|dumb|idiotic)
    crawl back (?:under|into|to) | go back to (?:your|the) (?:cave|hole|basement|swamp|rock) | cry (?:more|harder|me a river) | cope harder | stay mad
    shame on you | (?:i'm |i am )?ashamed of you | pathetic | ridiculous | nonsense | garbage | rubbish | absurd
    (?:i )?pity you | (?:i )?feel sorry for you | wake up(?! (?:call|calls|tomorrow|in the morning|early|late|rested|refreshed|feeling|at \d|every|each|next|and things|to (?:a|better|good|some))) | open your eyes | use your (?:brain|head) | think for once
    ^(?:just |oh )?grow up | grow up[.!]*$ | laughable | embarrassing | (?:you )?disgust me | disgusting | (?:it's )?pointless (?:talking|arguing) (?:to|with) you
    you (?:don't|do not) (?:know|understand) anything | you (?:know|understand) nothing | get a grip | come on,? really
    what a (?:joke|load of) | like some people | no wonder(?! (?:that|it|this) (?:makes|made) you)(?! (?:you(?:'re| are)|you feel|you felt|you were|you've been|ur) (?:so |really |completely |totally |always )?(?:exhausted|tired|drained|upset|sad|scared|angry|hurt|struggling|overwhelmed|anxious|worn|burn|done|lost|confused|frustrated|heartbroken|numb|on edge|fighting|hurting|grieving|shaken)) | (?:thoughts|mind|brain) of your own | think for yourself
    (?:think|thinking) (?:way |far )?too little | (?:your|that) (?:little )?(?:bubble|world|cocoon|swamp)
    (?:you )?sound(?:s)? like a (?:bot|parrot|robot|broken record|tv|talking head) | never (?:really )?(?:been )?your strong suit
    can't believe i'm related to you | (?:the )?propaganda (?:is )?work\p{L}* | got you (?:good|hooked) | you watch too much (?:tv|television)
    (?:that's|this is) your (?:whole|real|only) problem | (?:enjoy|have fun in) your (?:little )?(?:bubble|world|echo chamber) | go (?:die|get killed) for
    (?:have |has )?no (?:clue|idea) what (?:you're|you are) talking about | clueless
    think before you (?:type|speak|talk|post|open)
    bless (?:your|ur) (?:little )?heart,? (?:\p{L}+ ){0,2}(?:tried|try|trying|think|thought|believe|sweetie|honey)
    (?:are|r) (?:you|u) (?:even|actually|seriously) (?:literate|sane|serious|capable|human|able to (?:read|think)|this (?:dense|dumb|stupid|slow)) | can (?:you|u) (?:even )?(?:not )?read\? | did (?:you|u) (?:even|actually) read
    stay in (?:your|ur) (?:lane|place) | know (?:your|ur) place
    wow,? (?:just )?what a take | (?:hot|galaxy brain|big brain|smooth brain|room temperature iq) take | did (?:you|u) think (?:that|this) up (?:all )?by yourself
    delete (?:your|ur) (?:account|profile|twitter|channel) | you played yourself | (?:nobody|no one) (?:likes|loves|wants) you | (?:your|ur|yo) (?:mom|mum|mother|momma|mama) (?:should have|shoulda|should've|is a|is so|was a|must be)
    get over (?:it|yourself)(?! (?:at your own|in (?:time|your own))) | (?:toughen|man) up | suck it up | stop (?:whining|crying|complaining|being (?:so )?dramatic|playing the victim) | (?:nobody|no one) (?:cares|gives a (?:shit|damn|fuck)) (?:about )?(?:you|your|ur|what you) | ^(?:\p{L}+ )?(?:nobody|no one) cares[.!]*$ | first world problems | people have real problems
    if you (?:weren't|wasn't|were not|were less|had been less) (?:\p{L}+ ){0,3}(?:they|he|she|people) (?:wouldn't|would not|would never) have (?:left|cheated|gone|hit|yelled) | you brought (?:it|this|that) on yourself | (?:it's|it is|that's) (?:all )?your own fault
    
    (?:not |never )(?:really )?capable of (?:understanding|thinking|seeing|grasping)|(?:can't|cannot) (?:even )?(?:grasp|comprehend)
    explain(?:ing)? (?:it |this |things )?(?:slowly|in small words|like you're five|simply for you)
    (?:not to|don't|do not) expect (?:much|anything) (?:more |better )?from | expect(?:ed)? (?:anything|much) (?:more |better )?from (?:you|people like|folks)
    mind your own business | not your (?:problem|business|concern) | none of your business
    (?:swallow|believe|buy|fall for) (?:anything|everything)(?! (?:i|you) (?:say|said))
    embarrassed (?:for|by) you | (?:would be|be) (?:so )?(?:ashamed|disappointed) of you | (?:turning|rolling|spinning) in (?:his|her) grave
    easy (?:for you )?to say | kinda sad | unlike (?:you|your) | for once in your life | for once[.!]*$
    rich coming from | says the (?:person|guy|woman|man|one|generation|lady)(?= (?:who|that|whose|with)) | coming from (?:you|someone who)
    (?:like )?talking to a (?:wall|brick wall) | dignify | don't embarrass yourself | (?:nobody|no one) cares (?:about )?(?:your|what you) | don't even start | give me a break | oh please
    no (?:clue|idea) what(?:'s| is)? (?:going on|happening) | you wouldn't know | expected better | ashamed of (?:you|yourself) | spare me | get real | i can't even
    (?:i'm |i am )?disappointed in you | you disappoint me | waste of (?:my )?time | cartoon version | fairy ?tale world | bench grann\p{L}* | pfft
    not (?:even )?worth (?:discussing|talking|arguing) | impossible to (?:have a normal|talk|reason) | (?:utter|what) (?:madness|nonsense|rubbish) | from a grown (?:adult|man|woman|person)
    (?:it's )?about time you (?:read|learned|grew|opened|woke)
    # Blows after a warm opening: blame for one's own vote, a gloat, a brain to be replaced, views called mad.
    (?:that's|this is|it's|thats|its) (?:exactly |just )?what you (?:voted|asked|wished|cheered|campaigned) for | now you know how it feels | (?:ha|haha|hah|lol),? karma
    brain transplant | new brain | would require (?:thinking|a brain|brains|a functioning) | hard to take (?:you|someone|anyone|people|him|her) seriously
    (?:nobody|no one) wants to (?:listen to|hear|talk to|be around) | when (?:your lot|you lot|you people|your generation|you all) (?:are|is|have) gone | the mess you (?:made|created|left)
    (?:your|ur|his|her|their) (?:\p{L}+ )?(?:crazy|insane|idiotic|stupid|dumb|moronic|deranged|batshit|brainwashed|lunatic) (?:views|ideas|opinions|beliefs|takes|politics|theories)
    (?:your|ur|his|her) (?:beloved|dear|precious|darling|glorious) (?:president|putin|leader|tsar|vlad|kremlin)
    (?:you're|you are|youre) (?:\p{L}+ )?complicit
    (?:you|u|ya) (?:\p{L}+ ){0,6}?(?:learned|learnt) (?:absolutely |exactly |precisely )?nothing | (?:too late|too old) (?:for you )?to (?:start )?(?:thinking|think|learn|learning) | at your age (?:\p{L}+ ){0,4}(?:too late|past it|can't)
    (?:fine|happy|ok|okay|content|proud|comfortable) (?:with )?being (?:a |an )?(?:slave|sheep|serf|zombie|puppet|doormat|lapdog|pawn) | (?:(?:you|u|ya) (?:\p{L}+ ){0,6}?)?lick(?:ing|s|ed)? (?:the )?boots
    (?:like|as) an? (?:weathervane|weather vane|lemming|parrot|puppet|doormat|lapdog|trained seal|headless chicken)
    # Orders to leave or be silent, with or without a swear word in them ("fuck off", "stfu", "gtfo", "piss off").
    (?:fuck|piss|sod|bugger|eff|f|shove) off | shut (?:the )?(?:fuck|fk|f|hell|heck) up | stfu | gtfo | (?:get|go) the (?:fuck|hell|f) (?:out|outta) | (?:fuck|get) outta (?:here|my) | ^get out[.!]*$
    who (?:even |actually |tf |the fuck )?gives a (?:shit|fuck|damn|crap|toss|flying|rat's) | (?:wtf|what the (?:fuck|hell|heck)|tf|the fuck) (?:is|'s) wrong with (?:you|u|ya|ur|him|her)
    (?:the fuck|wtf|what the fuck) (?:are|r) (?:you|u) (?:on about|talking about|smoking|even)
    # "Nobody asked you", "go back to where you came from": you are not wanted here.
    (?:nobody|no one|noone) asked (?:for )?(?:your|ur) (?:\p{L}+ )?(?:opinion|take|input|cents|thoughts|life story|views?) | (?:nobody|no one|noone) asked (?:you|u)[.!?,)]*$
    (?:nobody|no one) (?:wants|needs|cares about) (?:your|ur) (?:\p{L}+ )?(?:opinion|take|input|cents|thoughts|views?) | (?:nobody|no one) wants you here
    back to (?:\p{L}+ ){0,3}where (?:you|u|ya|they) (?:came from|belong) | (?:go|get|crawl|run|fuck off|piss off) back (?:home )?to (?:your|ur) (?:own )?(?:country|village|homeland|motherland|russia|moscow|kremlin|putin|bunker|mommy|mummy) | where (?:you|they) belong[.!]*$
    # Jeers that call someone hopeless or beneath notice: "skill issue", "you're a lost cause", "you make me sick".
    cry about it | skill issue[.!]*$ | (?:big |massive |huge )?l take | (?:you're|you are|youre|ur) (?:\p{L}+ )?(?:beyond help|a lost cause|not worth (?:my|the|anyone's|a) (?:\p{L}+ )?(?:time|breath|reply|effort))
    (?:rot|burn) in hell | (?:were|was|got) (?:you|u) dropped | dropped on (?:your|ur) head | (?:you|u) make me (?:sick|puke|vomit|want to (?:puke|vomit|throw up))
    (?:nobody|no one) cares,? (?:grandpa|grandma|boomer|mate|buddy|pal|dude|bro|karen|lol|gramps)
    (?:iq|brain|brains|intelligence) of an? (?:potato|rock|brick|goldfish|toaster|houseplant|turnip|carrot|squirrel|doorknob|peanut) | (?:dumb|thick|dense|stupid) as (?:a |an )?(?:\p{L}+ )?(?:sack|bag|box|bucket|plank|brick|rock|post|doorknob)s?
    (?:you|u|they) deserve (?:everything|whatever|all) (?:that's |that is |that )?(?:coming|comes) to (?:you|u|them) | enjoy (?:your|ur) (?:gulag|prison|dictatorship|propaganda|tyranny|serfdom|swamp)
    (?:someone|somebody|they|we) (?:should|needs? to|ought to|has to|gotta|will|'ll) (?:\p{L}+ )?(?:shut|silence) (?:you|u|ya|him|her|them) (?:up )?(?:for good|permanently|forever|once and for all)
  `),
  threat: [
    ...patterns(raw`
    don't (?:call|text|talk to) me (?:again )?(?:until|unless|ever) | (?:i'm|i am|i will|i'll) (?:not )?(?:never )?(?:talk|speak)(?:ing)? to you (?:again|anymore)
    i won't (?:talk|speak|call|visit) (?:to you )?(?:again|anymore|until) | i'm done with you | we're done | i am done with you
    (?:you'll|you will) never see (?:the |your )?(?:kids|grandkids|grandchildren|me) | (?:you'll|you will) regret
    until you (?:admit|apologi[sz]e|stop|accept) | unless you (?:admit|stop|apologi[sz]e|change) | or else
    (?:i'm|i am|i'll|i will) (?:cutting|cut) you off | (?:this is the )?last time i(?:'m| am) (?:telling|asking)
    (?:i'll|i will) (?:block|disown) you | you're no (?:longer )?(?:my )?(?:mother|father|brother|sister|friend)
    forget (?:about )?me | lose my number | (?:say|do) that (?:\p{L}+ \p{L}+ )?(?:one more time|again) | one more time and | (?:i'm|i am|i'll) (?:leaving|walk out) | not coming back
    don't bother (?:calling|coming|texting)
    (?:i'm|i am|i'll|i will) (?:not|never) (?:be )?(?:coming|visiting|calling|picking up|answering|bringing the kids)(?: \p{L}+){0,6} (?:if|unless|until|while)
    (?:i won't|i will not|i'm not gonna|i'm not going to) (?:come|visit|call|pick up|answer|bring the kids)(?: \p{L}+){0,6} (?:if|unless|until|while)
    one more (?:word|mention|time) (?:about|of|and) | (?:and|or) (?:i'm|i am|i'll) (?:hanging up|leaving|blocking you) | won't pick up
    (?:i'll|i will|i'm going to|i'm gonna|i'm just gonna) (?:just )?stop (?:calling|visiting|coming|talking|answering|bringing|picking up)
    (?:won't|will not|aren't going to|are not going to|wouldn't) be (?:bringing|coming|visiting|calling|seeing)
    either .{3,60}? or (?:i|the kids|we|you'll|you will|i'm|i'll|you can)(?![\p{L}])
    don't expect me (?:to come|at|for|to visit|to call|this)|don't wait for me | (?:you )?can stop calling me
    (?:keep|carry on|keep this up) (?:\p{L}+ ){0,3}and (?:you won't|i'll|i'm|we're|you'll)
    (?:i'm|i'll|i will) (?:hanging up|hang up|walking out|walk out) | we're leaving | forget about seeing | (?:i'm blocking you|you're blocked|you'll be blocked)
    don't (?:message|text|call|email) me (?:again|anymore|ever) | without me | not coming back
    don't invite me
  `),
    // Wishes and threats of violence (violence.ts).
    ...patterns(EN_VIOLENCE),
  ],
  'group-blame': patterns(raw`
    you people | all of you (?:are|over there)? | you(?: guys| lot)? are all | your (?:whole )?generation | people like you
    all russians | (?:all|you) (?:boomers|pensioners|old people) (?:are|always) | the whole country is | you russians
    everyone (?:over there|in russia) is
    (?:russians|people|folks|men|women) like you (?:are|were)? | (?:a )?bunch of (?:looters|thugs|murderers|criminals|rapists|killers)
    typical (?:russian|russians|boomers?|soviet|\p{L}+ (?:men|women|people|folks|pensioners))
    as a nation | every (?:single )?one of you | all of you who | you lot | boomers?
    (?:says|like|from|blame) the generation | (?:your|that|the|whole) generation (?:that|who|which)
    (?:folks|people|those) who get (?:their|all their) (?:whole )?(?:news|worldview|opinions|information|ideas)
    (?:russians|you people|they|you all) (?:\p{L}+ ){0,2}(?:always|only ever) (?:\p{L}+ )?(?:invade|conquer|lie|blame|drink|steal)
    you boomers | (?:all )?you old (?:folks|people|lot) | (?:it's )?in your blood | your (?:entire|whole) (?:village|family|town|country) | the whole lot of you | typical (?:pensioners|boomers|russians|grannies)
    (?:you're|you are|they're|they are) all the same | all (?:\p{L}+ ){0,3}(?:are|is) the same
  `),
  lecture: patterns(raw`
    (?:you|u) (?:need|have|ought|must|should) (?:to )?(?:know|understand|realize|realise|accept|learn|read|educate)
    let me (?:explain|educate|tell you how|enlighten) | (?:i'll|i will) explain (?:it )?to you | listen to me
    do (?:some|your) research | do your homework | read (?:a book|up on|some history|the report|this) | google it | look it up
    educate yourself | get your facts straight | (?:the )?facts are (?:clear|simple) | (?:the )?fact is | firstly | first of all
    watch (?:this|the) (?:investigation|documentary|video)
    (?:read|watch) the (?:\p{L}+ ){0,3}(?:report|verdict|investigation|piece|article|documentary|ruling) | links? below
    (?:here|there)(?:'s| is| are) (?:the |a |an )?[^.?!]{3,60}, the [^.?!]{3,60}, (?:and )?the
    listen carefully | (?:i'll|i will|let me) explain (?:it )?(?:one more time|again|once more) | memori[sz]e | let me spell it out | spell it out for you
    (?:you )?ought to (?:study|read|know|learn) | before (?:having an opinion|you (?:speak|talk|open your mouth)) | read the (?:constitution|history|law) | every serious historian | time for a lecture
    (?:first|firstly)[,:] .{3,120}? second(?:ly)?[,:]
    listen and (?:remember|learn) | i won't repeat (?:it|myself)
  `),
  'rhetorical-question': patterns(raw`
    why (?:are|r) (?:you|u) (?:so|this|that|such an?|always so) (?:\p{L}+ )?(?:stupid|dumb|dense|thick|ignorant|blind|naive|arrogant|pathetic|clueless|gullible|rude|lazy|useless|incompetent|entitled|obsessed|brainwashed)
    how (?:are|r) (?:you|u) (?:this|that|so) (?:stupid|dumb|dense|thick|ignorant|blind|naive|clueless|gullible) | (?:can|do) (?:you|u) (?:even )?read\? | do you even (?:care|have|own|know how)
    (?:don't|can't|cant|dont) you see | (?:don't|do not) you (?:understand|get it|realize|realise) | are you blind
    how (?:can|could) (?:you|anyone) (?:still )?(?:believe|not see|not understand|be so|defend|support|justify)
    do you (?:even|actually|seriously|really) (?:think|believe|listen|hear|know) | are you (?:serious|kidding|out of your mind|insane)
    have you (?:ever )?(?:considered|thought) (?:about )?(?:that )?(?:maybe )?(?:you|you're) | do you really not see | can't you see
    haven't you (?:noticed|seen|heard) | isn't it obvious | what(?:'s| is) wrong with you | how (?:is it )?possible that you
    have you lost your mind | did you ever (?:stop|think) | can you (?:even )?hear yourself | do you hear yourself
    don't you (?:care|feel ashamed) | aren't you ashamed | how dare you | where were you (?:for )?(?:those |these |the )?(?:eight|8) years
    what did you expect | seriously\?
    did you (?:even|actually) (?:read|watch|listen|check|look) | how (?:do|can|could) you not (?:see|get|understand|notice)
    was (?:that|this|it) (?:a |also a )?(?:military target|nazi|fake|staged|provocation) too
    how (?:do|can|could) you (?:\p{L}+ )?(?:fall for|buy|swallow|believe) (?:this|that|it|such|all)
    how is (?:this|it|that) (?:so )?(?:hard|difficult) (?:for you|to)
    is it (?:really )?that (?:hard|difficult) | do you even care | lost all common sense | how blind | (?:completely |totally )?incapable of thinking | do you even understand | where's the logic
    (?:this|so|that) blind | aren't you (?:embarrassed|ashamed)
  `),
  profanity: patterns(raw`
    # The swear words themselves, in any spelling, are found by profanity.ts (the obscenity library); these are the
    # milder words and phrases it leaves out.
    damn(?:ed|it)? | crap\p{L}* | goddamn | freaking | frickin\p{L}* | bloody
    my ass | (?:my|your) arse | ph(?:u|a)ck\p{L}* | fuk(?:k|in|ing|er|ers|ed)? | fck\p{L}* | fuq\p{L}* | azz | biatch\p{L}* | beeyotch
    bollocks | what the hell | screw this | bloody hell | jesus christ | for fuck's sake
  `),
  demand: patterns(raw`
    (?:just )?admit (?:it|that|you) | (?:you have to|you need to|you must|time to) (?:face|accept) (?:it|the|that|reality) | stop (?:watching|repeating|believing|defending|saying|spreading|justifying)
    turn off (?:the |that |your )?(?:tv|television|telly) | shut up(?! and take my money) | (?:you have to|you must|you need to) (?:stop|admit|accept|apologi[sz]e|agree)
    i (?:want|need|demand) you to (?:admit|stop|apologi[sz]e|agree|accept) | (?:i )?demand | agree(?<!(?:to|don't|not) agree) with me
    ^stop[.!] | stop sending (?:me )?(?:these|those|this) | (?:just )?(?:delete|uninstall) (?:telegram|that app|those channels|it all)
    (?:then )?come back and tell me
    stop forwarding | turn (?:that|the) (?:tv|telly) off | don't you dare | unsubscribe | quit it | drop it | subject closed | throw (?:that|the) (?:tv|telly) | just say you're wrong | delete that
  `),
  'emotional-reaction': patterns(raw`
    (?:sending|saying) (?:a |some )?prayers? | praying for (?:you|your) | stay strong
    thinking of you | hang in there | (?:that's|that is|this is) (?:so |really |just )?(?:scary|terrifying|frightening|brutal|unfair|a lot) | glad you(?:'re| are| and| got| made)
    sending (?:you )?(?:so much |lots of |all my |all the |some )?(?:love|hugs|strength|good vibes|virtual hugs) | (?:big |virtual |internet )hugs? | hugs? from (?:a )?(?:stranger|me) | rooting for you
    my heart (?:goes out|breaks|aches|hurts) (?:to|for) | (?:i(?:'m| am) )?holding space | i(?:'m| am) (?:always |right |still )?here (?:for you|with you|if you need|whenever you) | take (?:all )?the time you need | there(?:'s| is) no (?:rush|right way|wrong way)
    wishing you (?:\p{L}+ ){0,2}(?:peace|rest|strength|healing|comfort|love|well|the best|all the best|a speedy|courage|gentle) | (?:you're|you are) allowed to (?:grieve|feel|cry|rest|be|take|not be|fall apart) | (?:oh )?friend,? (?:that's|that is|this is) (?:so )?(?:a lot|hard|heavy|awful|rough) | your (?:pain|grief|feelings?|hurt) (?:is|are) (?:real|valid|understandable)
    (?:all )?the strength in the world | one day at a time | take care of yourself | be (?:gentle|kind|easy) (?:with|to|on) yourself | hold on to (?:the )?good
    i hope (?:\p{L}+ ){0,3}(?:is|gets|feels) (?:kinder|easier|better|lighter) | (?:that's|that is|it's|it is|this is) (?:so )?(?:unfair|heartbreaking|awful|unfair to you)
    i(?:'m| am) (?:also |so |really |very |truly )*(?:sorry|sad|scared|afraid|worried|heartbroken|upset|anxious|frightened|touched|moved)
    i (?:also |really |truly )?(?:feel|felt) (?:so |really |very )?(?:sad|scared|afraid|worried|sorry|helpless|the same|it too)
    i (?:also |really )?(?:worry|miss you|love you|fear) | love you | miss you | hugs | sending (?:you )?(?:love|hugs)
    (?:that|it|this) (?:sounds|must be|must feel|is) (?:so |really |very )?(?:hard|scary|frightening|painful|exhausting|difficult|tough|lonely|awful)
    (?:i )?(?:can )?(?:imagine|understand) how (?:hard|scary|painful|difficult|you feel|it feels|tough)
    (?:it )?(?:breaks|broke) my heart | that scares me too | me too | i(?:'m| am) (?:always )?(?:here for you|glad|so glad) | ❤️ | ❤ | 🤗 | 💔 | 🫂
    i (?:\p{L}+ ){0,2}miss (?:home|you|our|your|it|the|them|him|her|grandma|grandpa|mum|mom|dad|those|everyone)
    i(?:'m| am| was) (?:also |so |really |very |truly |properly |honestly |just )*(?:scared|afraid|worried|heartbroken|upset|devastated|shaken|sad|frightened|terrified|gutted)
    (?:it|that|this|which) (?:really |still )?(?:hurts|hurt|upsets|upset|shook|scares|scared|breaks) me | (?:really )?shook me | hurts to hear | i cried | made me cry
    (?:that's|that is|ugh,? that's) (?:so |really |just )?(?:annoying|frustrating|rough|awful|sad|terrible|horrible|hard|heartbreaking) | that sucks
    (?:i )?(?:can )?(?:imagine|understand) how (?:awful|upsetting|frustrating|horrible|lonely|exhausting)
    i (?:really )*hope (?:you're right|so|it|you) | i'd give anything | i care because | because i love you | i love you
    (?:that|it|this) must (?:be|have been|feel) (?:a |such a |so |really )?(?:relief|blow|shock|hard|tough|scary|painful|worrying|difficult|lonely|exhausting|frustrating|upsetting|awful|horrible|heartbreaking|confusing|overwhelming|infuriating|maddening) | (?:scared|frightened|terrified|startled) the (?:crap|shit|hell|life|living daylights|bejesus) out of me | (?:that|it|this|which) (?:must|has to|have to|got to|'s got to|has got to) (?:sting|hurt|suck|be hard|be awful)
    must have been (?:so |really )?(?:frightening|terrifying|awful|horrible|upsetting|sad|scary|hard|painful)
    makes me (?:so |really |very )?(?:sad|upset|worried) | (?:a |big )hug | i (?:totally |really )?get you | i feel for you | saddens me | goosebumps
    i(?:'d| would) be (?:\p{L}+ )?(?:upset|scared|worried|sad|hurt|angry) too | i (?:\p{L}+ )?cry
    i hate (?:that|how|this|it) (?:for )?(?:you|this happened|it happened|happened)
    i (?:totally |really |completely )?understand you
    (?:lovely|nice|good|so good|great|glad) (?:to hear|hearing) (?:your voice|from you) | (?:warms|warmed) my heart
    (?:i've|i have|ive) been there | been there (?:myself|too) | i went through (?:the same|something similar|this|that|it) | same (?:thing )?happened to me | (?:that's|that is|it's|it is|so) heartbreaking
    (?:that's|that is) (?:\p{L}+ )?(?:awful|rough|hard|heavy|much to carry|unfair|shitty|crappy|brutal|upsetting|painful|hurtful|infuriating|humiliating) | so much to carry | what a (?:nightmare|horrible thing|lot to go through) | i(?:'m| am) so sorry
  `),
  'complex-reflection': patterns(raw`
    no wonder (?:you(?:'re| are)|you feel|you felt|you were|you've been|ur)
    (?:it )?sounds like (?:you|this|it) | (?:it )?seems (?:like )?(?:you|this matters|it matters) | (?:it )?looks like you
    you(?:'re| are) (?:really |so |very )?(?:worried|afraid|scared|tired|frustrated|angry|hurt|exhausted|anxious|concerned|torn)
    you (?:really |truly )?(?:care|worry|feel|fear|want|need|miss|hope)
    (?:what )?i(?:'m| am) hearing (?:is )?| i hear (?:that )?you | i can hear (?:how|that)
    (?:matters|meant|means) (?:a lot )?to you | (?:it's|it is) important to you | (?:you|you've) (?:must have )?(?:been through|lived through)
    you (?:seem|sound) | you must (?:feel|be)
    i know you(?:'re| are) (?:\p{L}+ )?(?:furious|angry|upset|scared|worried|hurt|tired|frustrated) | you (?:also |still )?miss (?:her|him|them|it)
    so for you,? (?:it|this) | for you,? it (?:feels|seems|is) | the way you see it | i know how much (?:you|this|it)
    i (?:can )?(?:see|tell) (?:how|that) (?:you|this|it) | you(?:'re| are) (?:\p{L}+ )?(?:worrying|trying|proud|grieving|hurting|struggling)
    i (?:can )?hear how
    i know how (?:\p{L}+ ){0,2}(?:tired|hard|scared|worried|angry|upset|exhausted|lonely|difficult|frustrating|frustrated|painful) (?:you|this|it)
    i (?:can )?(?:see|tell) (?:this|it|that) (?:\p{L}+ )?(?:worries|scares|upsets|hurts|bothers|frightens|angers|frustrates|matters to) you
    you(?:'re| are) (?:\p{L}+ )?(?:afraid|scared|worried|frightened|anxious|upset|hurt) | it seems (?:like )?(?:it|this) (?:hurts|upsets|bothers|scares|matters)
    you(?:'re| are) (?:\p{L}+ ){0,2}proud | feels (?:\p{L}+ )?(?:calmer|safer|easier|better) for you
    # A life or a meaning said back, with no feeling word in it: "you've spent your whole life trusting the news",
    # "so for you an order is an order", "you're the one who has to live with it". Not "you wasted your life".
    (?:you(?:'ve| have)?|youve) (?!wasted|thrown|threw|pissed|blown|ruined|lost)(?:\p{L}+ ){1,5}?(?:your (?:whole |entire )?life|all your life|all these years|(?:for |in )?(?:many|so many|all those|all these|\d+|\p{L}+(?:ty|teen|ten|five|four|three|two|six|seven|eight|nine)) (?:long )?(?:years|decades))
    (?:your whole life|all your life|all these years|for decades),? (?:you|it's|it has|it was|things)
    for you(?<=(?:^|, |so |and |but |because |then |day )for you),? (?:\p{L}+ ){0,4}?(?:is|isn't|are|means|meant|was|wasn't|were|matters|mattered|comes down|feels|it's|that's|he's|she's|they're|has|had|stands|did|didn't|does|doesn't)
    (?:so )?what you(?:'re| are) saying is | you remember \p{L}+ing | ^so you (?:reckon|believe) (?:that )?(?![^?]*\?)
    you(?:'re| are) the one (?:living|dealing|paying|there|stuck|left there) | you(?:'re| are) the one (?:who|that) (?:has to|had to|have to|lives|lived|stayed|is there|deals|pays|saw|sees)
    you(?:'re| are| were) (?:\p{L}+ )?(?:living|lived) (?:your (?:own )?life|there|through|among|with (?:it|this|that))
    you (?:lived|went|got|came) through | you (?:remember|grew up) (?:when|how|the|in|with|during) | you(?:'ve| have) (?:seen|watched) (?:it|this|that|so much|more|how|what|them|the country)
  `),
  'simple-reflection': patterns(raw`
    so you(?:'re| are) saying | so you (?:think|feel|mean|believe) | if i understand (?:you )?(?:correctly|right)
    (?:do i|did i) (?:get|understand) (?:you|that|it) right | in other words,? you | let me see if i (?:got|understand)
    (?:is|was) that (?:about |more or less |kind of |roughly )?right\? | did i get that right | have i got that right | am i getting that right
    so you (?:don't|do not) (?:trust|believe|think|feel|want)
    so you(?:'ve| have)? (?:seen|heard|noticed|watched|felt|found|been)
  `),
  exploration: patterns(raw`
    tell me (?:more|about|how|what|why) | (?:i'm|i am|i'd be) (?:really )?(?:curious|interested) | help me understand
    i(?:'d| would) (?:like|love) to (?:understand|hear|know) | i want to understand | i(?:'m| am) trying to understand
    what else | what happened (?:then|next)
    where you(?:'re| are) coming from | i(?:'d| would) (?:really )?like to understand
    (?:are you|you) ok(?:ay)?\? | how are you (?:doing|holding up|feeling|managing) | (?:do|have) you (?:got |have )?(?:someone|anyone|somebody|people|a friend|friends|family) (?:\p{L}+ ){0,3}(?:lean on|talk to|stay with|be with you|check on you|help you|around you) | just curious | genuinely (?:curious|want to know) | i'd like to see what you
  `),
  'open-question': patterns(raw`
    how (?:do|did|does|would|could|can) you | how (?:was|is|has) (?:it|that|this) | how come
    what (?:do|did|does|would|could|makes|made|worries|scares|frightens|matters|bothers|concerns) (?:you|it)?
    what(?:'s| is| was) (?:it|that) like | what(?:'s| is) (?:most )?(?:important|hardest|the hardest|scary)
    why (?:do|did|does|would|is|are) (?:you|it|that) | which part | where did you (?:hear|read|see|get)
    in what way | what would you | who do you
  `),
  affirmation: patterns(raw`
    you(?:'re| are) doing (?:so |much |a lot )?better than | you (?:don't|do not) owe (?:anyone|anybody|them|him|her)
    (?:they|he|she|that job|that company) (?:don't|doesn't|do not|does not|didn't|did not) deserve you | (?:text|call|message|dm|ping) me (?:any ?time|whenever|day or night)
    you deserve (?:some |a little |a lot of |so much )?(?:kindness|rest|better|a break|peace|support|happiness|care) | you(?:'re| are) not (?:overreacting|being dramatic|too sensitive) | (?:that|it) would (?:upset|hurt|scare|break) anyone
    you(?:'re| are) doing (?:an? |such an? )?(?:amazing|great|good|wonderful|fantastic|brilliant|incredible) job | (?:be |so |really )proud of (?:yourself|you) | congrat\p{L}* on (?:\d+|your|being|getting|finishing|graduating|passing)
    your feelings are (?:\p{L}+ )?valid | you matter | you deserved? (?:\p{L}+ ){0,2}better | (?:it's|it is|it was|it wasn't) (?:not |never )?your fault | (?:please )?don't blame yourself
    (?:doesn't|does not|won't|will not|wouldn't|didn't) make (?:you|u) (?:a |an |one|any less|less|weak|bad)(?![\p{L}]) | you(?:'re| are|re)? not (?:a |an )?(?:\p{L}+ )?(?:zombie|traitor|hypocrite|coward|idiot|fool|monster|orc|vatnik|sheep|puppet|bad (?:person|mum|mom|mother|dad|father|son|daughter|parent)|stupid|dumb|naive|brainwashed|gullible)(?![\p{L}]) | you handled (?:it|this|that) | you(?:'re| are) not (?:alone|a burden|crazy|weak|broken) | you(?:'ve| have)? got this | you(?:'re| are) (?:so much )?stronger than
    you(?:'ve| have) always | i (?:really )?(?:appreciate|respect|admire) | you(?:'re| are) (?:\p{L}+ )?right (?:that|about|there) | good point
    (?:that's|that is) (?:a )?(?:fair|good|great|important|valid) (?:point|question)? | you(?:'re| are) a (?:good|kind|caring|wise|strong|loving)
    you(?:'ve| have) carried | you(?:'re| are) right | you care (?:so much|a lot|deeply)? ?about | i(?:'m| am) proud of you | you(?:'ve| have) (?:worked|done) so much | fair enough
    you(?:'re| are) not wrong | (?:that's|this is) (?:a |an )?(?:really )?(?:good|great|lovely|admirable|rare) (?:quality|thing about you)
    you (?:\p{L}+ )?(?:raised|taught) me
    you(?:'ve| have)? (?:worked|done|did) so (?:hard|much) | you did the right thing | you(?:'re| are) (?:very |so |really )?(?:kind|brave|caring|wise|generous)
    you always (?:found|knew|helped|looked after|took care)
    i believe you(?! (?:are|were|should|need|have|will|can|could|would|'re|said|did))[.!]*$ | you (?:were|are|have been) (?:so |really |incredibly |very )?(?:strong|brave|courageous|resilient)(?! enough to (?:admit|see))
    nothing you did (?:caused|made|deserved) | (?:this|it|that) (?:wasn't|was not|isn't|is not) (?:on you|because of you|something you caused) | you did nothing wrong | you didn't (?:cause|deserve|ask for) (?:this|that|it|any of)
    you (?:don't|do not|shouldn't|should not) have to (?:\p{L}+ ){0,3}(?:alone|by yourself|on your own)
    you(?:'re| are) doing (?:the best|all|everything|what) you can | (?:sitting|sit|i'm here|here) with you (?:in|through) (?:this|it) | no advice,? just
    proud of you(?! for nothing) | (?:that|it) takes (?:guts|courage|strength) | you did (?:the best|everything|all) you could | you(?:'re| are) (?:so )?brave (?:for|to)
    (?:what you(?:'re| are) feeling|how you feel|feeling (?:this|that) way|your reaction) (?:is|sounds|seems) (?:\p{L}+ )?(?:normal|natural|understandable|valid|okay|ok|human) | (?:it's|it is) (?:okay|ok|normal|alright|fine) (?:to|not to) (?:not )?(?:be okay|feel|grieve|cry|be sad|be angry|be upset|not be)
    # A name denied is reassurance: "you're not stupid", "you're not an idiot for still loving him".
    you(?:'re| are) (?:not|never) (?:an? )?(?:(?!just|only|merely|simply)\p{L}+ )?(?:idiot|stupid|dumb|fool|foolish|silly|crazy|naive|weak|selfish|overreacting|a bad (?:person|son|daughter|mother|mom|mum|father|dad|friend))
    you did (?:so |really |very |incredibly )?(?:well|great|brilliantly|amazingly) | you(?:'re| are) (?:absolutely |totally |really |so |honestly )?(?:killing|crushing|smashing|nailing|rocking) it | you(?:'re| are) doing (?:your|the) (?:very )?best
    it makes (?:\p{L}+ )?sense (?:that )?you(?:'d| would| feel| are|'re) | (?:grief|healing|recovery|pain) (?:doesn't|does not|don't) (?:follow|have|run on) | this pain (?:won't|will not) last | it (?:does |will )?gets? easier
  `),
  'confidence-scale': patterns(raw`
    (?:on a )?scale (?:of|from) (?:0|1|zero|one) to (?:10|ten|100|a hundred)
    how (?:sure|confident|certain) (?:are|were) you | from (?:0|zero|1|one) to (?:10|ten|100) | what percent(?:age)?
  `),
  'change-mind': patterns(raw`
    what would (?:it take|make you|change your mind|convince you|have to happen) | change your mind
    what (?:evidence|facts|proof) would | under what (?:conditions|circumstances) would you
    if you (?:\p{L}+ )?(?:saw|found|learned|heard|read) (?:\p{L}+ )?(?:something|evidence|proof|that)(?=[^?]*\?)
  `),
  'i-statement': patterns(raw`
    it matters to me | (?:it's|it is) important (?:to|for) me | i (?:really )?need (?:us|to feel|you to know that i) | i(?:'d| would) like (?:us|to)
    i (?:just |really )?want (?:us|to understand|to hear|to talk|to keep|to stay|our) | i feel | i(?:'m| am) afraid (?:of losing|we|i)
    i (?:don't|do not) want (?:to fight|to argue|to lose you|us to fight) | (?:for|to) me,? (?:it|this) (?:means|matters)
    i hate (?:fighting|arguing) with you | i(?:'d| would) (?:much )?rather (?:hear|talk) about | i love (?:this|our|your) family
    i (?:don't|do not) want (?:\p{L}+ ){0,4}(?:between us|come between|to lose|to fight|to argue)
    i (?:just )?wanted (?:you to know|to tell you|to say) | i didn't leave you | i (?:never )?(?:left|abandoned|betrayed) you
    i (?:just )?(?:want|wanted) you to know | i (?:just )?want (?:things|everyone|it) to be | (?:it would|it'd) help me | i care about (?:us|you|our)
    (?:it's|it is) hard for me (?:when|to) | it makes me (?:sad|happy|worried) when
    i (?:really )?need you to (?:hear|listen|know|understand)
  `),
  request: patterns(raw`
    could we | can we | would you (?:be willing|mind|like to|tell|share) | let's (?:talk|try|agree|take|call|just)
    can i (?:tell|ask|share) | (?:do you )?want me to tell you | let me (?:just )?listen | please (?:tell|hear|listen|help) | (?:i )?(?:ask|beg) (?:you )?(?:only|just) | would it be ok(?:ay)? if
    want me to (?:help|set|show|send|call|come|tell|bring|find|explain) | maybe we could
    how about (?:this|we)
  `),
  'own-story': patterns(raw`
    i(?<!as far as i) remember | when i was | i used to | my (?:friend|colleague|neighbou?r|cousin) (?:told|said|lost|served|lives|left)
    i (?:went|have been|was) through | i (?:also )?(?:believed|thought|felt) (?:that|the same|so) | i had (?:a|the same|similar)
    i (?:was|lived|worked|studied) (?:in|at) | (?:my|a) (?:friend|colleague|classmate|cousin|neighbou?r)(?: from \p{L}+)?,? (?:\p{L}+,? )?(?:lives|wrote|told|lost|served)
    (?:when|after) i (?:left|moved) | (?:i|we) (?:too|also) (?:used to|once|grew up)
    my (?:boss|friend|mate|neighbou?r|colleague|landlord|landlady|classmate|cousin|flatmate|roommate|teacher|doctor|coworker|co-worker) (?:\p{L}+ )?(?:gave|told|said|brought|took|came|went|lost|wrote|lives|works|helped|invited|sent|called)
    (?:then |and )?i (?:talked|spoke) (?:to|with) (?:a|an|some|my)
    my (?:boss|friend|mate|neighbou?r|colleague|landlord|landlady|classmate|cousin|flatmate|roommate|teacher|doctor|coworker|co-worker) (?:\p{L}+ ){0,6}(?:told|said to|gave|wrote to|showed) me
    when i (?:first )?(?:moved|came|arrived|left) | (?:a|one) (?:guy|woman|girl|man|lady|friend|colleague) from \p{L}+ (?:at|in|who)
  `),
  'shared-values': patterns(raw`
    we both | both of us | we all want | (?:i|we) want (?:that|the same|peace) too | we(?:'re| are) (?:a )?family
    i (?:too|also) want | we (?:both )?(?:want|love|care about|wish) | what unites us | we have (?:that )?in common
    (?:i|we) (?:also |too )?want (?:our|the|everyone|nobody|no one|people|kids)
    same as you(?: do)? | just like you do | as much as you do
    (?:something|one thing|that's (?:something|one thing)) we (?:both )?(?:agree on|share|have in common) | we agree (?:on|there|about) | you and i (?:both|didn't|don't|agree|want)
    i (?:\p{L}+ )?(?:do|love it|feel it|want that|want it|feel the same) too
    we(?:'re| are) (?:more alike|not so different) | same as me
  `),
  gratitude: patterns(raw`
    thank(?:s| you)(?: so much| for)? | grateful | appreciate
  `),
  'acknowledge-view': patterns(raw`
    you have (?:a|every|the) right | (?:i )?respect your (?:view|opinion|right|choice|decision)
    (?:i )?(?:can |do )?(?:understand|see) why you (?:think|feel|believe|say) | we can (?:disagree|agree to disagree|see it differently)
    (?:it )?makes (?:total |perfect |complete )?sense | and that's (?:ok|okay|fine) | (?:it's|that's) (?:ok|okay) (?:to|if) | (?:i'm )?sorry | if you (?:ever )?(?:want|feel like)
    (?:i )?(?:can )?(?:see|understand|get) why (?:that|this|it|you) | you don't have to agree | your (?:right|choice) | (?:it's|that's) (?:your|a fair) (?:view|opinion) | fair enough
    (?:you're|you are) allowed to (?:see|think|feel|believe) | see it your way
    (?:that's|it's) (?:a |an )?(?:really |completely |totally |perfectly )?(?:reasonable|understandable|natural|normal|valid|fair)(?: way to feel| thing to feel| reaction| to feel)?(?![^?]*\?)
    you don't have to (?:have|agree|decide|answer|believe) | i'm not asking you to | i take (?:that|it|your \p{L}+) seriously
    i (?:totally )?get (?:it|that|why|how)
    we can (?:see|think about) (?:this|it|things) differently | (?:you're|you are) entitled to | i won't try to (?:talk you out|change your mind|convince)
    i understand where (?:your|you|this|that) | (?:it's|that's) (?:ok|okay|fine|normal) (?:that|if) we
  `),
};
