import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SafeLink } from './safe-link.js';
import { Sparkline } from './sparkline.js';
import { type Lang, TEXTS } from './texts.js';

// A conversation's log as the page shows it: the user's lines, the engine's messages with their buttons, the
// coach's feedback cards. Each message keeps the language it came in, and so do the page's words around it:
// after a language switch the old messages read whole in the old language, the new ones in the new.

export interface Button {
  label: string;
  data: string;
}

export interface Message {
  text: string;
  buttons: Button[][];
  /** A cheat sheet; `bestTurn`: the number of the practice reply it names as best. */
  sheet?: { bestTurn?: number };
  feedback?: {
    verdict: 'empathic' | 'neutral' | 'toxic';
    labels?: string[];
    tips: string[];
    rewrite?: string | null;
  };
}

/** The user's line; `reply`: a reply to the relative in a practice, which "try again" can undo. */
export interface MineEntry {
  key: number;
  mine: string;
  reply?: boolean;
  undone?: boolean;
}

/** An engine message; `answers`: the key of the reply it answers; `chart`: the openness its glyphs stand for. */
export interface MessageEntry {
  key: number;
  message: Message;
  lang: Lang;
  summary: boolean;
  /** Its buttons are kept but disabled: a newer message replaced them. */
  stale: boolean;
  answers?: number;
  undone?: boolean;
  chart?: number[];
  /** On a practice's summary: its replies that counted, in order, with the coach's better version ('' if none). */
  replies?: PracticeReply[];
}

export interface PracticeReply {
  text: string;
  rewrite: string;
}

export type Entry = MineEntry | MessageEntry;

export interface Log {
  node: HTMLElement;
  entries: Entry[];
}

export interface LogActions {
  /** A button of a message was pressed. */
  press(data: string, log: Log): void;
  /** "Use this wording": the rewrite goes into the reply box. */
  useRewrite(text: string): void;
  /** The language of the page's words that belong to no message ("undone"). */
  lang(): Lang;
}

/** The engine's buttons under a message, disabled once a newer message replaced them. */
function Buttons({ entry, log, actions }: { entry: MessageEntry; log: Log; actions: LogActions }) {
  const { message, stale } = entry;
  if (message.buttons.length === 0) return null;
  return (
    <div class="buttons">
      {message.buttons.map((row) => (
        <div class="button-row">
          {row.map((button) => (
            <button
              type="button"
              class="choice"
              disabled={stale}
              onClick={() => actions.press(button.data, log)}
            >
              {button.label}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

/** Marked so, greyed and struck through: the exchange "try again" took back stays readable but is not progress. */
function Undone({ lang }: { lang: Lang }) {
  return <span class="undone-label">{TEXTS[lang].undone}</span>;
}

function Mine({ entry, lang }: { entry: MineEntry; lang: Lang }) {
  return (
    <li class={entry.undone ? 'msg me undone' : 'msg me'}>
      <span class="visually-hidden">{`${TEXTS[lang].you}: `}</span>
      {entry.undone && <Undone lang={lang} />}
      <p class="text">{entry.mine}</p>
    </li>
  );
}

function FeedbackCard({ entry, actions }: { entry: MessageEntry; actions: LogActions }) {
  const { message } = entry;
  const feedback = message.feedback;
  if (!feedback) return null;
  const texts = TEXTS[entry.lang];
  const rewrite = feedback.rewrite;
  return (
    <li class={`msg feedback verdict-${feedback.verdict}${entry.undone ? ' undone' : ''}`}>
      {entry.undone && <Undone lang={actions.lang()} />}
      <p class="verdict">{texts.verdict[feedback.verdict] ?? feedback.verdict}</p>
      {feedback.labels?.length ? (
        <p class="moves">{`${texts.moves}: ${feedback.labels.join(', ')}`}</p>
      ) : null}
      {feedback.tips.length > 0 && [
        <p class="label">{texts.tips}</p>,
        <ul class="tips">
          {feedback.tips.map((tip) => (
            <li>{tip}</li>
          ))}
        </ul>,
      ]}
      {/* The engine leaves the rewrite out of its text when the reply was already as good; so does the page.
          An undone card keeps its button: the better version is what one tries again with. */}
      {rewrite &&
        message.text.includes(rewrite) && [
          <p class="label">{texts.rewrite}</p>,
          <blockquote class="rewrite">{rewrite}</blockquote>,
          <button type="button" class="quiet" onClick={() => actions.useRewrite(rewrite)}>
            {texts.useRewrite}
          </button>,
        ]}
    </li>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s«»"<>]+[^\s«»"<>.,;:!?)])/;
/** The bot's openness chart, ▁▂▃▅▇, one block per turn: a smudge in a browser's font. */
const BLOCKS = /([▁▂▃▄▅▆▇█]+)/;
const BLOCK_LEVELS = '▁▂▃▄▅▆▇█';

/** The openness a row of blocks stands for, to the block's precision: for a chart the page has no numbers of. */
function levels(blocks: string): number[] {
  return [...blocks].map((block) => ((BLOCK_LEVELS.indexOf(block) + 0.5) / BLOCK_LEVELS.length) * 100);
}

/** The engine's text with its source URLs as links. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text
        .split(URL_PATTERN)
        .map((part, i) => (i % 2 === 1 ? <SafeLink url={part}>{part}</SafeLink> : part))}
    </>
  );
}

/** The text with each row of blocks drawn as the meter's line: from `chart` when given, else from the blocks. */
function Charted({ text, chart }: { text: string; chart: number[] | undefined }) {
  return (
    <>
      {text.split(BLOCKS).map((part, i) => {
        if (i % 2 === 0) return <Linkified text={part} />;
        const values = chart && chart.length === part.length ? chart : levels(part);
        return (
          <Sparkline
            values={values}
            label={values.map((value) => Math.round(value)).join(' → ')}
            width={Math.max(80, Math.min(200, values.length * 24))}
          />
        );
      })}
    </>
  );
}

function BotMessage({ entry, log, actions }: { entry: MessageEntry; log: Log; actions: LogActions }) {
  const { message, summary } = entry;
  const classes = ['msg', 'bot', summary && 'summary', entry.undone && 'undone'].filter(Boolean).join(' ');
  return (
    <li class={classes}>
      {entry.undone && <Undone lang={actions.lang()} />}
      {summary && <h2>{TEXTS[entry.lang].summary}</h2>}
      <p class="text">
        <Charted text={message.text} chart={entry.chart} />
      </p>
      <Buttons entry={entry} log={log} actions={actions} />
    </li>
  );
}

// ---- the cheat sheet: a card to copy and to print -------------------------------------------------------

/**
 * The sheet's title and body as the page shows, copies and prints them: the bot's closing ("forward this to
 * yourself or pin it") gives way to the page's, which keeps only the aim, and the bot's "your words are above
 * in the chat" gives way to the words themselves when this tab still has them.
 */
export function sheetParts(text: string, lang: Lang, best?: PracticeReply): { title: string; body: string } {
  const texts = TEXTS[lang];
  let rest = text.trim();
  if (rest.endsWith(texts.sheetBotClosing))
    rest = `${rest.slice(0, -texts.sheetBotClosing.length).trimEnd()}\n\n${texts.sheetClosing}`;
  const words = best
    ? [
        `\n\n${texts.sheetYourWords}\n${texts.quote(best.text)}`,
        best.rewrite
          ? `\n\n${texts.sheetBetter}\n${texts.quote(best.rewrite)}`
          : `\n\n${texts.sheetBetter}\n${texts.sheetAlreadyGood}`,
      ].join('')
    : '';
  rest = rest.replace(`\n${texts.sheetWordsAbove}`, words);
  const newline = rest.indexOf('\n');
  const heading = newline < 0 ? rest : rest.slice(0, newline);
  return {
    title: heading.replace(/^📝\s*/u, ''),
    body: newline < 0 ? '' : rest.slice(newline + 1).trim(),
  };
}

/** The reply a sheet names as best, from the summary of the practice before it in the log, if this tab has it. */
function bestReply(entry: MessageEntry, log: Log): PracticeReply | undefined {
  const turn = entry.message.sheet?.bestTurn;
  if (turn === undefined) return undefined;
  const before = log.entries.slice(0, log.entries.indexOf(entry));
  const summary = before.findLast((other): other is MessageEntry => 'replies' in other && !!other.replies);
  return summary?.replies?.[turn - 1];
}

/** The sheet printing prints (style.css, @media print): the newest one shown, or the one whose Print was pressed. */
function makePrintTarget(node: Element): void {
  for (const other of document.querySelectorAll('.print-target')) other.classList.remove('print-target');
  node.classList.add('print-target');
}

/** The clipboard API; else the old copy command; else the card's text selected, for the user to copy. */
async function copyText(text: string, node: Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API here (an insecure origin, an old browser) or no permission: the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (copied) return true;
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return false;
}

/** A paragraph of the sheet; one that opens with "…:" on a line of its own has that line as its heading. */
function SheetParagraph({ text }: { text: string }) {
  const [first = '', ...rest] = text.split('\n');
  // The pitfalls, "• what to avoid" each with its reason on the next line, as a list the reason hangs in.
  if (first.endsWith(':') && rest[0]?.startsWith('• ')) {
    const items: string[][] = [];
    for (const line of rest)
      if (line.startsWith('• ')) items.push([line.slice(2)]);
      else items.at(-1)?.push(line.trim());
    return (
      <div class="sheet-part">
        <h3>{first}</h3>
        <ul class="sheet-list">
          {items.map(([avoid, ...why]) => (
            <li>
              <strong>{avoid}</strong>
              {why.length > 0 && <br />}
              {why.join(' ')}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (rest.length > 0 && first.endsWith(':'))
    return (
      <div class="sheet-part">
        <h3>{first}</h3>
        <p class="text">
          <Linkified text={rest.join('\n')} />
        </p>
      </div>
    );
  return (
    <p class="text">
      <Linkified text={text} />
    </p>
  );
}

function SheetCard({ entry, log, actions }: { entry: MessageEntry; log: Log; actions: LogActions }) {
  const texts = TEXTS[entry.lang];
  const { title, body } = sheetParts(entry.message.text, entry.lang, bestReply(entry, log));
  const card = useRef<HTMLLIElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (card.current) makePrintTarget(card.current);
  }, []);
  const copy = async () => {
    const copied = await copyText(`${title}\n\n${body}`, content.current ?? document.body);
    setNote(copied ? texts.sheetCopied : texts.sheetCopyFailed);
  };
  const print = () => {
    if (card.current) makePrintTarget(card.current);
    window.print();
  };
  return (
    <li class={`msg bot sheet${entry.undone ? ' undone' : ''}`} ref={card}>
      <div class="sheet-content" ref={content}>
        <h2>{title}</h2>
        {body.split(/\n{2,}/).map((part) => (
          <SheetParagraph text={part} />
        ))}
      </div>
      <div class="sheet-actions">
        <button type="button" class="sheet-copy" onClick={copy}>
          {texts.sheetCopy}
        </button>
        <button type="button" class="sheet-print" onClick={print}>
          {texts.sheetPrint}
        </button>
        <span class="sheet-note" role="status">
          {note}
        </span>
      </div>
      <Buttons entry={entry} log={log} actions={actions} />
    </li>
  );
}

function LogEntries({ log, actions }: { log: Log; actions: LogActions }) {
  return (
    <>
      {log.entries.map((entry) => {
        if ('mine' in entry) return <Mine key={entry.key} entry={entry} lang={actions.lang()} />;
        if (entry.message.feedback) return <FeedbackCard key={entry.key} entry={entry} actions={actions} />;
        if (entry.message.sheet)
          return <SheetCard key={entry.key} entry={entry} log={log} actions={actions} />;
        return <BotMessage key={entry.key} entry={entry} log={log} actions={actions} />;
      })}
    </>
  );
}

export function drawLog(log: Log, actions: LogActions): void {
  render(<LogEntries log={log} actions={actions} />, log.node);
}

/**
 * "Try again" took back the last reply: it and what answered it (feedback, the relative's line) are marked
 * undone, so the log no longer reads as if the exchange still counted.
 */
export function markUndone(log: Log): void {
  const reply = log.entries.findLast(
    (entry): entry is MineEntry => 'mine' in entry && entry.reply === true && !entry.undone,
  );
  if (!reply) return;
  for (const entry of log.entries)
    if (entry === reply || ('answers' in entry && entry.answers === reply.key)) entry.undone = true;
}

/**
 * The replies of the practice that just ended, as its summary keeps them for the cheat sheet: those not taken
 * back since the previous summary, each with the better version its feedback offered.
 */
export function practiceReplies(log: Log): PracticeReply[] {
  const start = log.entries.findLastIndex((entry) => 'replies' in entry && !!entry.replies);
  const entries = log.entries.slice(start + 1);
  return entries
    .filter((entry): entry is MineEntry => 'mine' in entry && entry.reply === true && !entry.undone)
    .map((reply) => {
      const message = entries.find(
        (entry): entry is MessageEntry =>
          'answers' in entry && entry.answers === reply.key && !!entry.message.feedback,
      )?.message;
      const rewrite = message?.feedback?.rewrite ?? '';
      // As on the feedback card: the engine leaves out of its text a better version that says what the reply said.
      return { text: reply.mine, rewrite: rewrite && message?.text.includes(rewrite) ? rewrite : '' };
    });
}

/** Whether a text carries an openness chart in blocks: the summary of a practice does. */
export function hasChart(text: string): boolean {
  return BLOCKS.test(text);
}
