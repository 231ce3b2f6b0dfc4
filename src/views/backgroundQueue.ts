// Background look-ups of the tree, at most `limit` at a time across the whole tree, started only when no
// load the user waits for is in flight — they must not slow the view down or spend ARM's read budget
// in bursts (hundreds of scale sets expand at once when many subscriptions are open).
export class BackgroundQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private foreground = 0;

  constructor(private readonly limit: number) {}

  add(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.pump();
  }

  /** Brackets a foreground load: background tasks wait while any is in flight. */
  async foregroundLoad<T>(load: () => Promise<T>): Promise<T> {
    this.foreground++;
    try {
      return await load();
    } finally {
      this.foreground--;
      this.pump();
    }
  }

  clear(): void {
    this.waiting.length = 0;
  }

  private pump(): void {
    while (this.foreground === 0 && this.running < this.limit && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running++;
      void task()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
