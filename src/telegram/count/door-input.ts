import { DEFAULT_DOOR, parseDoor } from '../../count/events.js';

// A door's name typed after "Other…". The main door may be called so in either language, and a door someone at
// the station already named is taken with their spelling, so that one door is not counted as two.

const MAIN_NAMES = ['main', 'main door', 'main entrance', 'главный', 'главный вход'];

const fold = (name: string) => name.toLowerCase().replaceAll('ё', 'е');

/** The door meant, or undefined when the name is not one events accept. */
export function doorFromText(text: string, known: readonly string[]): string | undefined {
  // Quotes around the name, as in «боковой», are not part of it.
  const name = parseDoor(text.trim().replace(/^["'«“„]+|["'»”]+$/gu, ''));
  if (name === undefined) return undefined;
  const folded = fold(name);
  if (MAIN_NAMES.includes(folded)) return DEFAULT_DOOR;
  return known.find((door) => fold(door) === folded) ?? name;
}
