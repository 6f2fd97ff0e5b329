import { randomBytes } from 'node:crypto';

/**
 * A set of UUID strings held as 16 bytes each outside the JavaScript heap: the merge keeps the id of
 * every row of a bag while it reads it (a row belongs to one record), and millions of them as strings
 * would cost 60–70 bytes each on the heap, and make the garbage collector let the heap grow several
 * times that. Open addressing with linear probing over a table that doubles at half full; the hash is
 * FNV-1a seeded per set at random, so a bag cannot be made of ids that all land on one slot.
 * A string that is not a UUID (the merge refuses the bag for it anyway) goes into an ordinary Set.
 */
export class UuidSet {
  private keys: Uint8Array;
  private used: Uint8Array;
  private count = 0;
  private readonly others = new Set<string>();
  private readonly seed = randomBytes(4).readUInt32LE(0);
  private readonly key = new Uint8Array(16);

  constructor(capacity = 1 << 12) {
    this.keys = new Uint8Array(capacity * 16);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count + this.others.size;
  }

  has(id: string): boolean {
    if (!toBytes(id, this.key)) return this.others.has(id);
    return this.find(this.key) >= 0;
  }

  /** Adds `id`; true when it was not there yet. */
  add(id: string): boolean {
    if (!toBytes(id, this.key)) {
      if (this.others.has(id)) return false;
      this.others.add(id);
      return true;
    }
    if (this.find(this.key) >= 0) return false;
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    this.put(this.key);
    this.count++;
    return true;
  }

  /** The slot holding `key`, or -1. */
  private find(key: Uint8Array): number {
    const mask = this.used.length - 1;
    for (let slot = this.hash(key) & mask; this.used[slot]; slot = (slot + 1) & mask) {
      if (this.equals(slot, key)) return slot;
    }
    return -1;
  }

  private put(key: Uint8Array): void {
    const mask = this.used.length - 1;
    let slot = this.hash(key) & mask;
    while (this.used[slot]) slot = (slot + 1) & mask;
    this.used[slot] = 1;
    this.keys.set(key, slot * 16);
  }

  private grow(): void {
    const { keys, used } = this;
    this.keys = new Uint8Array(keys.length * 2);
    this.used = new Uint8Array(used.length * 2);
    for (let slot = 0; slot < used.length; slot++)
      if (used[slot]) this.put(keys.subarray(slot * 16, slot * 16 + 16));
  }

  private equals(slot: number, key: Uint8Array): boolean {
    const at = slot * 16;
    for (let i = 0; i < 16; i++) if (this.keys[at + i] !== key[i]) return false;
    return true;
  }

  private hash(key: Uint8Array): number {
    let h = 0x811c9dc5 ^ this.seed;
    for (let i = 0; i < 16; i++) h = Math.imul(h ^ key[i]!, 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  }
}

/** The 16 bytes of a UUID written 8-4-4-4-12 in lower-case hex (as hoso writes them) into `out`; false for any other string. */
function toBytes(id: string, out: Uint8Array): boolean {
  if (id.length !== 36) return false;
  let byte = 0;
  for (let i = 0; i < 36;) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (id.charCodeAt(i) !== 45) return false;
      i++;
      continue;
    }
    const hi = hexValue(id.charCodeAt(i));
    const lo = hexValue(id.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return false;
    out[byte++] = (hi << 4) | lo;
    i += 2;
  }
  return true;
}

/** 0–15 for a lower-case hex digit: an upper-case id is another string to SQLite, so it is kept as a string. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
