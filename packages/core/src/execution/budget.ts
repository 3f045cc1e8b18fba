/** A walk that can be resumed when the budget frees up. */
interface Pumpable {
  pump(): void;
}

/**
 * How many nodes may be awaited at once, shared by a run and the per-item runs of its
 * parallelizable blocks, so fan-out never multiplies the limit. Runs blocked on the budget queue
 * up and resume in the order they blocked.
 */
export class Budget {
  private running = 0;
  private readonly queue: Pumpable[] = [];
  private readonly queued = new Set<Pumpable>();

  constructor(readonly max: number) {}

  /** One at a time: steps run in plan order, with no scheduling at all. */
  get sequential(): boolean {
    return this.max === 1;
  }

  take(): boolean {
    if (this.running >= this.max) return false;
    this.running++;
    return true;
  }

  give(): void {
    this.running--;
  }

  wait(run: Pumpable): void {
    if (this.queued.has(run)) return;
    this.queued.add(run);
    this.queue.push(run);
  }

  /** Resumes blocked runs while there is room. */
  wake(): void {
    while (this.running < this.max && this.queue.length > 0) {
      const run = this.queue.shift()!;
      this.queued.delete(run);
      run.pump();
    }
  }
}
