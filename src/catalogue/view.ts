import { gendered } from './gendered.js';
import type { Lang, Persona, Position } from './schema.js';

/**
 * A position in one language, the shape the CLI, the API and the pages share. The relative and the user are
 * unknown here, so gendered words show both forms («прав(а)»).
 */
export function positionView(position: Position, lang: Lang) {
  const text = position[lang];
  const both = (line: string) => gendered(line);
  return {
    id: position.id,
    group: position.group,
    title: text.title,
    examples: text.examples,
    needs: text.needs,
    answers: text.answers.map(({ relate, unite, ask }) => ({
      relate: both(relate),
      unite: both(unite),
      ask: both(ask),
    })),
    counterarguments: position.counterarguments.map(({ claim, source }) => ({ claim: claim[lang], source })),
    pitfalls: text.pitfalls.map(({ avoid, why }) => ({ avoid: both(avoid), why: both(why) })),
    related: position.related,
  };
}

export type PositionView = ReturnType<typeof positionView>;

/** A persona in one language: who they are and what they hold (the practice lines stay inside). */
export function personaView(persona: Persona, lang: Lang) {
  const text = persona[lang];
  return {
    id: persona.id,
    age: persona.age,
    name: text.name,
    background: text.background,
    manner: text.manner,
    positions: persona.positions,
  };
}

export type PersonaView = ReturnType<typeof personaView>;
