import { parentPort, workerData } from 'node:worker_threads';
import { CatalogueError, clearCatalogueCache, loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { createMatcher } from '../matcher/matcher.js';
import { createEngine } from './engine.js';
import type { EngineCall, EngineReply } from './engine-thread.js';

// The engine thread's side (see engine-thread.ts): builds the catalogue's matcher, coach and engine, then answers
// one call per message, in the order they come.

const { contentDir, retentionDays } = workerData as { contentDir?: string; retentionDays: number };

function build() {
  const catalogue = loadCatalogue(contentDir);
  const matcher = createMatcher(catalogue);
  const coach = createCoach(catalogue, matcher);
  return { matcher, coach, engine: createEngine({ catalogue, matcher, coach, retentionDays }) };
}

let current = build();

function answer(call: EngineCall): unknown {
  switch (call.kind) {
    case 'step':
      return current.engine.stepStored(call.input);
    case 'match':
      return current.matcher.match(call.text);
    case 'judge':
      return current.coach.judge(call.text, call.options);
    case 'reload':
      clearCatalogueCache();
      // The files changed again since the caller checked them: keep serving the set that works.
      try {
        current = build();
        return true;
      } catch (error) {
        if (error instanceof CatalogueError) return false;
        throw error;
      }
  }
}

const port = parentPort;
port?.on('message', (call: EngineCall) => {
  let reply: EngineReply;
  try {
    reply = { id: call.id, value: answer(call) };
  } catch (error) {
    reply = { id: call.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port?.postMessage({ ready: true });
