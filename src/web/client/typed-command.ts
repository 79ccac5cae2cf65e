import { COMMANDS, type CommandName } from '../../dialogue/messages.js';

// What the user typed into a reply box: a command (as in the bot: "/again", "/lang en") or text. On the page a
// typed "/stop" must stop the practice, not reach the relative as a reply.

export type Typed =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: CommandName; argument?: string }
  | { kind: 'unknown'; name: string };

/** "/name", "/name argument" or Telegram's "/name@bot"; anything else is text. */
const COMMAND = /^\/([a-z]+)(?:@\w+)?(?:\s+(\S.*))?$/is;

export function parseTyped(text: string): Typed {
  const match = COMMAND.exec(text.trim());
  if (!match) return { kind: 'text', text };
  const name = (match[1] ?? '').toLowerCase();
  const argument = match[2]?.trim();
  const command = COMMANDS.find((known) => known === name);
  if (!command) return { kind: 'unknown', name };
  return argument ? { kind: 'command', command, argument } : { kind: 'command', command };
}
