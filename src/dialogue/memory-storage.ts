import type { Lang } from '../catalogue/schema.js';
import type { PracticeOutcome, PracticeSummary, StoredUser, TalkStorage, UserStorage } from './storage.js';

/** Both storages, living as long as the process: the terminal chat and tests that need no database. */
export class MemoryStorage implements UserStorage, TalkStorage {
  readonly users = new Map<string, StoredUser>();
  readonly summaries = new Map<string, PracticeSummary[]>();
  readonly positionsMet = new Map<string, number>();
  readonly practiceOutcomes = new Map<string, number>();
  readonly phrasings: { text: string; lang: Lang; day: string }[] = [];

  async loadUser(userKey: string): Promise<StoredUser | undefined> {
    const user = this.users.get(userKey);
    return user && structuredClone(user);
  }

  async saveUser(
    userKey: string,
    user: Omit<StoredUser, 'version'>,
    expectedVersion: number | undefined,
  ): Promise<number | undefined> {
    const current = this.users.get(userKey);
    if (current?.version !== expectedVersion) return undefined;
    const version = (expectedVersion ?? 0) + 1;
    this.users.set(userKey, structuredClone({ ...user, version }));
    return version;
  }

  async addPracticeSummary(userKey: string, summary: PracticeSummary): Promise<void> {
    this.summaries.set(userKey, [...(this.summaries.get(userKey) ?? []), summary]);
  }

  async practiceSummaries(userKey: string, limit: number): Promise<PracticeSummary[]> {
    return (this.summaries.get(userKey) ?? []).slice(-limit);
  }

  async countPositionsMet(positionIds: readonly string[], day: string): Promise<void> {
    for (const id of positionIds) increment(this.positionsMet, `${day} ${id}`);
  }

  async countPracticeOutcome(persona: string, outcome: PracticeOutcome, day: string): Promise<void> {
    increment(this.practiceOutcomes, `${day} ${persona} ${outcome}`);
  }

  async sharePhrasing(text: string, lang: Lang, day: string): Promise<void> {
    this.phrasings.push({ text, lang, day });
  }

  async forgetUser(userKey: string): Promise<void> {
    this.users.delete(userKey);
    this.summaries.delete(userKey);
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
