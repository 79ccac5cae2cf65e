import { createInterface } from 'node:readline';
import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { createConversations } from '../dialogue/conversations.js';
import { createEngine } from '../dialogue/engine.js';
import { MemoryStorage } from '../dialogue/memory-storage.js';
import { COMMANDS, type CommandName, type Message, type UserEvent } from '../dialogue/messages.js';
import type { DialogueState } from '../dialogue/state.js';
import { talkButtons } from '../dialogue/talk/buttons.js';
import { createMatcher } from '../matcher/matcher.js';
import { type Command, parse, parseLang, printJson, UsageError } from './command.js';

// Practice in the terminal. People see the buttons as numbered choices; programs (--json) send lines and get one
// JSON object per bot message. The conversation lives in memory: nothing is written to disk.

const USER = 'terminal';

/** A line typed by the user: `/again`, `#2` (or just `2` at the prompt) for a button, anything else is text. */
export function eventOf(
  line: string,
  buttons: readonly { data: string }[],
  bareNumbers: boolean,
): UserEvent | string {
  const trimmed = line.trim();
  const command = /^\/([a-z]+)(?:\s+(\S+))?$/.exec(trimmed);
  if (command) {
    const name = command[1] as CommandName;
    if (!(COMMANDS as readonly string[]).includes(name)) return `unknown command /${command[1]} (see /help)`;
    return { kind: 'command', name, argument: command[2] };
  }
  const press = (bareNumbers ? /^#?(\d{1,2})$/ : /^#(\d{1,2})$/).exec(trimmed);
  if (press) {
    const button = buttons[Number(press[1]) - 1];
    return button ? { kind: 'button', data: button.data } : `there is no button ${press[1]}`;
  }
  return { kind: 'text', text: line };
}

function stateView(state: DialogueState) {
  const { practice } = state;
  return {
    mode: state.mode,
    persona: practice?.persona ?? null,
    position: practice?.position ?? null,
    openness: practice?.openness ?? null,
    turn: practice?.turn ?? null,
  };
}

const colours = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (colours ? `\u001b[${code}m${text}\u001b[0m` : text);

function show(message: Message, firstNumber: number): void {
  const text = message.feedback ? paint(36, message.text) : message.text;
  const buttons = message.buttons
    .flat()
    .map((button, i) => paint(33, `  [${firstNumber + i}] ${button.label}`));
  process.stdout.write(`\n${text}\n${buttons.join('\n')}${buttons.length > 0 ? '\n' : ''}`);
}

export const chatCommand: Command = {
  name: 'chat',
  usage: 'chat [--persona ID] [--position ID] [--lang ru|en] [--seed N] [--json]',
  summary: 'practise in the terminal (--json: lines on stdin, one JSON event per bot message)',
  async run(argv) {
    const { values } = parse(argv, {
      persona: { type: 'string' },
      position: { type: 'string' },
      lang: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
    });
    const lang = parseLang(values.lang);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isSafeInteger(seed))
      throw new UsageError('--seed must be a whole number');
    const catalogue = loadCatalogue();
    if (values.persona && !catalogue.persona(values.persona))
      throw new UsageError(`no persona '${values.persona}' (see: sobesednik personas)`);
    if (values.position && !catalogue.position(values.position))
      throw new UsageError(`no position '${values.position}' (see: sobesednik positions)`);
    if (
      values.persona &&
      values.position &&
      !catalogue.persona(values.persona)?.positions.includes(values.position)
    )
      throw new UsageError(`${values.persona} does not hold '${values.position}' (see: sobesednik personas)`);
    const matcher = createMatcher(catalogue);
    const engine = createEngine({ catalogue, matcher, coach: createCoach(catalogue, matcher) });
    const memory = new MemoryStorage();
    const conversations = createConversations({
      engine,
      users: memory,
      talk: memory,
      defaultLang: lang,
      seed: seed === undefined ? undefined : () => seed,
    });
    const json = values.json === true;
    let buttons: { data: string }[] = [];

    async function send(event: UserEvent): Promise<void> {
      const { messages, state } = await conversations.handle(USER, event);
      for (const message of messages) {
        if (json) {
          printJson({
            text: message.text,
            buttons: message.buttons.flat().map((button) => button.label),
            state: stateView(state),
            feedback: message.feedback ?? null,
          });
        } else show(message, 1);
        if (message.buttons.length > 0) buttons = message.buttons.flat();
      }
    }

    if (values.persona)
      await send({ kind: 'button', data: talkButtons.persona(values.persona, values.position) });
    else if (values.position)
      await send({ kind: 'button', data: talkButtons.practisePosition(values.position) });
    else await send({ kind: 'command', name: 'start' });

    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    const prompt = () => !json && process.stdout.write(paint(2, '\n> '));
    prompt();
    for await (const line of lines) {
      if (line.trim() !== '') {
        const event = eventOf(line, buttons, !json);
        if (typeof event === 'string') {
          if (json) printJson({ error: event });
          else process.stdout.write(`${event}\n`);
        } else await send(event);
      }
      prompt();
    }
    return 0;
  },
};
