/** A FIFO of numbers with O(1) shift. */
export class SeqQueue {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(n: number): void {
    this.items.push(n);
  }

  shift(): number | undefined {
    if (this.head >= this.items.length) return undefined;
    const n = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return n;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
