// npm run bench [-- --iterations N]: prints a table and writes bench/results.json (git-ignored).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureMatcherAndCoach } from './measure.js';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '20000' } } });
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations <= 0) {
  console.error('bench: --iterations must be a positive whole number');
  process.exit(1);
}

const results = measureMatcherAndCoach(iterations);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([key, m]) => [key, { what: m.name, value: m.value, unit: m.unit }]),
  ),
);
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      iterations,
      ...Object.fromEntries(Object.entries(results).map(([key, m]) => [key, m.value])),
    },
    null,
    2,
  )}\n`,
);
console.log(`written: ${path.relative(process.cwd(), file)}`);
