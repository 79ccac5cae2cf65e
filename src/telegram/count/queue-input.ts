// A queue report typed as two numbers, people and minutes ("120 45"), after the volunteer pressed "Queue".

/** The events' schema's limits (src/count/events.ts), checked here too so that the answer can say what is wrong. */
const MAX_PEOPLE = 100_000;
const MAX_WAIT_MINUTES = 24 * 60;

// Two whole numbers, separated by spaces, a comma, a semicolon or a slash; "мин"/"min" after the second is fine.
const QUEUE = /^(\d{1,6})\s*[\s,;/]\s*(\d{1,5})\s*(?:мин[а-я]*|min[a-z]*)?\.?$/iu;

export function parseQueue(text: string): { people: number; waitMinutes: number } | undefined {
  const match = QUEUE.exec(text.trim());
  if (!match) return undefined;
  const people = Number(match[1]);
  const waitMinutes = Number(match[2]);
  if (people > MAX_PEOPLE || waitMinutes > MAX_WAIT_MINUTES) return undefined;
  return { people, waitMinutes };
}
