import type { Api } from 'grammy';
import { cityNamer } from '../../app/reminders.js';
import type { Services } from '../../app/services.js';
import { electionStations } from '../../app/stations.js';
import { describeError } from '../errors.js';
import { broadcast } from './broadcast.js';

// The running bot sends the reminders that fall due (issue 20), checking every minute, so that nobody has to set
// up a timer for `sobesednik guide broadcast`. Several instances may all run it: the claim row of each send keeps
// a reminder from going out twice, though together they may go over 30 a second and wait out 429s.

export interface ReminderTimer {
  /** Stops checking; a broadcast under way finishes its message in flight, recorded. */
  stop(): Promise<void>;
}

export function startReminderTimer(
  services: Pick<Services, 'store' | 'catalogue' | 'chats' | 'log'>,
  api: Pick<Api, 'sendMessage'>,
  options: { intervalMs?: number; now?: () => Date } = {},
): ReminderTimer {
  const { store, log } = services;
  const stopping = new AbortController();
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    const catalogue = services.catalogue;
    const elections = [...catalogue.elections, ...(await store.count.addedElections())];
    for (const id of await store.guide.subscribedElections()) {
      if (stopping.signal.aborted) return;
      const election = elections.find((candidate) => candidate.id === id);
      if (!election) continue;
      await broadcast({
        api,
        storage: store.guide,
        election: id,
        stations: await electionStations(store.count, catalogue, election.id),
        openChat: (key, sealed) => services.chats.open(key, sealed),
        cityName: cityNamer(catalogue.cities),
        signal: stopping.signal,
        log,
        ...(options.now ? { now: options.now() } : {}),
      });
    }
  };
  const tick = () => {
    // A broadcast takes longer than a minute with thousands of subscribers: never two at once in one process.
    running ??= runOnce()
      .catch((error: unknown) => {
        log.error({ event: 'reminders-failed', error: describeError(error) }, 'reminders failed');
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await running;
    },
  };
}
