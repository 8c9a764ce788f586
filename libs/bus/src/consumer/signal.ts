/** Wakes one waiting loop: `wait` resolves on the next `notify`, or after `ms`. */
export class Signal {
  private waiter: (() => void) | undefined;

  notify(): void {
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w();
    }
  }

  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        if (this.waiter === done) this.waiter = undefined;
        resolve();
      };
      this.waiter = done;
      if (ms !== undefined) timer = setTimeout(done, ms);
    });
  }
}
