import { createInterface } from 'node:readline';
import { z } from 'zod';

const lineSchema = z.object({ text: z.string({ error: '"text" must be a string' }) }).passthrough();

/**
 * Reads `{"text": …}` objects, one a line, and writes one JSON result a line in the same order. A bad line gets
 * `{"error"}` in its place, so the caller's line numbers stay aligned and nothing else is lost.
 */
export async function mapJsonLines(handle: (line: z.infer<typeof lineSchema>) => unknown): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const raw of lines) {
    number++;
    if (raw.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(handleLine(raw, number, handle))}\n`);
  }
}

function handleLine(
  raw: string,
  number: number,
  handle: (line: z.infer<typeof lineSchema>) => unknown,
): unknown {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { error: `line ${number}: not valid JSON` };
  }
  const parsed = lineSchema.safeParse(data);
  if (!parsed.success)
    return { error: `line ${number}: ${parsed.error.issues[0]?.message ?? 'expected {"text": …}'}` };
  try {
    return handle(parsed.data);
  } catch (error) {
    return { error: `line ${number}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
