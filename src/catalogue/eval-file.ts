import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** Reads a labelled JSONL evaluation file; a malformed line is an error naming its file and line number. */
export function readEvalFile<T extends z.ZodType>(file: string, schema: T, what: string): z.infer<T>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      try {
        return schema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`${file}:${number}: not ${what} (${error instanceof Error ? error.message : error})`);
      }
    });
}
