import { parseDocument } from 'yaml';
import { type Election, type ElectionProblem, parseElection } from '../../catalogue/election.js';
import type { CountStorage } from '../../count/storage.js';
import { printJson } from '../command.js';
import { shippedElections } from './elections.js';
import { problemCount, refuseFile } from './problems.js';
import { readInputFile } from './read-file.js';

// `count election add FILE.yaml`: an election that is not in the catalogue, so that coordinators can prepare
// the next one without a release. Adding the same id again replaces the earlier version.

/** An election file is a page of YAML; anything much larger is the wrong file. */
const MAX_ELECTION_FILE_BYTES = 256 * 1024;

type Read = { ok: true; election: Election } | { ok: false; problems: ElectionProblem[] };

/** The file's election, or every problem with the field (or line and column) it is in. */
export function readElectionFile(bytes: Uint8Array): Read {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ field: '(file)', message: 'the file is not UTF-8 text' }] };
  }
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const where = error.linePos?.[0];
      const field = where ? `line ${where.line}, column ${where.col}` : '(yaml)';
      return { field, message: `malformed YAML: ${error.message.split('\n')[0]}` };
    });
    return { ok: false, problems };
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // yaml refuses a "billion laughs" of aliases here rather than expanding it.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ field: '(yaml)', message: `malformed YAML: ${message}` }] };
  }
  if (value === null || value === undefined)
    return { ok: false, problems: [{ field: '(root)', message: 'the file is empty' }] };
  return parseElection(value);
}

export async function addElection(storage: CountStorage, file: string, json: boolean): Promise<number> {
  const read = readElectionFile(readInputFile(file, MAX_ELECTION_FILE_BYTES));
  if (!read.ok)
    return refuseFile(
      json,
      `${problemCount(read.problems.length)} in ${file}; nothing was added`,
      read.problems,
      (p) => `${file}: ${p.field}: ${p.message}`,
    );
  const { election } = read;
  if (shippedElections().some((e) => e.id === election.id)) {
    const problem = {
      field: 'id',
      message: `${election.id} is an election of the catalogue (content/elections); give yours another id`,
    };
    return refuseFile(json, `${file} was not added`, [problem], (p) => `${file}: ${p.field}: ${p.message}`);
  }
  const replaced = (await storage.addedElections()).some((e) => e.id === election.id);
  await storage.saveElection(election);
  if (json) printJson({ election: election.id, replaced });
  else
    process.stdout.write(
      `${replaced ? 'replaced' : 'added'} election ${election.id}: ${election.title.en}, ` +
        `${election.days.join(', ')}, ${election.answers.length} answers\n`,
    );
  return 0;
}
