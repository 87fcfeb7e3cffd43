// A set of internal document ids held as one sorted Uint32Array: what each word of a loaded index
// keeps of the documents holding it. Orama keeps a Set per word, about 30 bytes an id; at 100,000
// paragraphs that was 11 million ids and 350 MB, against 4 bytes an id here. It answers every call
// Orama's radix tree makes of its Set (add, delete, has, size, clear, iteration), so the tree code
// is Orama's own; ids come in ascending order at load and at build, so adding is appending.
export class IdSet implements Iterable<number> {
  private ids: Uint32Array;
  private count: number;

  private constructor(ids: Uint32Array, count: number) {
    this.ids = ids;
    this.count = count;
  }

  /** The set of these ids (any order, repeats allowed). */
  static of(ids: Iterable<number>): IdSet {
    const sorted = Uint32Array.from(ids).sort();
    let unique = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
    return new IdSet(unique === sorted.length ? sorted : sorted.slice(0, unique), unique);
  }

  get size(): number {
    return this.count;
  }

  /** Where `id` is, or where it would go (binary search). */
  private find(id: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The ids, ascending, as a view (valid until the next change). */
  view(): Uint32Array {
    return this.ids.subarray(0, this.count);
  }

  has(id: number): boolean {
    const at = this.find(id);
    return at < this.count && this.ids[at] === id;
  }

  add(id: number): this {
    const at = this.count > 0 && this.ids[this.count - 1]! < id ? this.count : this.find(id);
    if (at < this.count && this.ids[at] === id) return this;
    if (this.count === this.ids.length) {
      const grown = new Uint32Array(Math.max(4, Math.ceil(this.count * 1.5)));
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids.copyWithin(at + 1, at, this.count);
    this.ids[at] = id;
    this.count++;
    return this;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at >= this.count || this.ids[at] !== id) return false;
    this.ids.copyWithin(at, at + 1, this.count);
    this.count--;
    return true;
  }

  clear(): void {
    this.ids = new Uint32Array(0);
    this.count = 0;
  }

  *values(): IterableIterator<number> {
    for (let i = 0; i < this.count; i++) yield this.ids[i]!;
  }

  [Symbol.iterator](): IterableIterator<number> {
    return this.values();
  }

  forEach(fn: (id: number, same: number, set: this) => void): void {
    for (let i = 0; i < this.count; i++) fn(this.ids[i]!, this.ids[i]!, this);
  }

  /** Orama's save() writes a word's ids with Array.from. */
  toJSON(): number[] {
    return Array.from(this.ids.subarray(0, this.count));
  }
}
