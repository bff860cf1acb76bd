// A time-ordered queue of the demo's steps: earliest first, and steps at one instant in the order they were added,
// so a seed always replays the service in the same order (the register and the audit log are chronological).

interface Entry<T> {
  readonly at: number;
  readonly seq: number;
  readonly item: T;
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class StepQueue<T> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Date, item: T): void {
    const heap = this.heap;
    heap.push({ at: at.getTime(), seq: this.seq++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const [p, c] = [heap[parent], heap[i]];
      if (!p || !c || !before(c, p)) break;
      heap[parent] = c;
      heap[i] = p;
      i = parent;
    }
  }

  /** The earliest step and its time, or undefined when the queue is empty. */
  pop(): { at: Date; item: T } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        const [li, ri, si] = [heap[l], heap[r], heap[smallest]];
        if (li && si && before(li, si)) smallest = l;
        const s2 = heap[smallest];
        if (ri && s2 && before(ri, s2)) smallest = r;
        if (smallest === i) break;
        const [a, b] = [heap[i], heap[smallest]];
        if (!a || !b) break;
        heap[i] = b;
        heap[smallest] = a;
        i = smallest;
      }
    }
    return { at: new Date(top.at), item: top.item };
  }
}
