/** The updates being handled right now, so that a graceful stop can wait for them to finish. */
export class InFlight {
  private readonly tasks = new Set<Promise<unknown>>();

  track<T>(task: Promise<T>): Promise<T> {
    this.tasks.add(task);
    const done = () => this.tasks.delete(task);
    task.then(done, done);
    return task;
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Resolves once nothing is in flight, including work that started while waiting. */
  async drain(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }
}
