/**
 * Rust's `slice::sort_unstable_by_key` (ipnsort, Rust std 1.81 and later; the reference Wizer
 * binary is built with rustc 1.94.0), reimplemented so that records with equal keys end up in
 * exactly the order Rust leaves them. The reference caps data segments by sorting
 * `GapIndex { gap: u32, index: u32 }` by `gap` with this unstable sort and merging the first
 * `excess` gaps; which of several equal gaps get merged therefore depends on the precise sequence
 * of comparisons and moves, and byte-identical output needs the same sequence.
 *
 * The variant reproduced is the one Rust picks for a small `Copy` (and `Freeze`) type of at most
 * 8 bytes, key compared with `<`:
 * - up to 20 elements: insertion sort;
 * - otherwise, if the whole slice is one ascending (non-descending) or strictly descending run:
 *   done (reversed if descending);
 * - otherwise introsort-like quicksort with a limit of 2*floor(log2(len)) imbalanced partitions
 *   (then heapsort), pivot = median of 3 (recursive pseudomedian from 64 elements on), branchless
 *   Lomuto partition with a cyclic permutation, equal-to-ancestor-pivot partitions for many
 *   duplicates, and slices of at most 32 elements handed to the sorting-network small-sort
 *   (networks for 9 and 13 elements, insertion sort on top, bidirectional merge of the halves).
 */

/**
 * Runs Rust's `sort_unstable_by_key` on the pairs `(keys[i], values[i])`, but only as far as
 * deciding which pairs end up in the first `count` places: the caller merges that many gaps and
 * needs nothing else. Every step of the sort permutes one subslice and hands its parts on
 * independently, so a subslice lying wholly before or after place `count` can be left as it is
 * without changing which pairs land where (a quickselect that keeps the sort's every decision).
 * Parallel typed arrays rather than records: the reference's slices run to millions of gaps.
 */
export function selectLikeSortUnstable(keys: Float64Array | Uint32Array, values: Uint32Array, count: number): void {
  new IpnSort(keys, values, count).sort();
}

const MAX_LEN_ALWAYS_INSERTION_SORT = 20;
const SMALL_SORT_THRESHOLD = 32;
const SMALL_SORT_NO_MERGE_BELOW = 18;
const PSEUDO_MEDIAN_REC_THRESHOLD = 64;

// Optimal sorting networks (compare-exchange pairs, in order) for 9 and 13 elements.
// prettier-ignore
const NETWORK_9 = [
  0, 3, 1, 7, 2, 5, 4, 8, 0, 7, 2, 4, 3, 8, 5, 6, 0, 2, 1, 3, 4, 5, 7, 8, 1, 4, 3, 6, 5, 7,
  0, 1, 2, 4, 3, 5, 6, 8, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6,
];
// prettier-ignore
const NETWORK_13 = [
  0, 12, 1, 10, 2, 9, 3, 7, 5, 11, 6, 8, 1, 6, 2, 3, 4, 11, 7, 9, 8, 10, 0, 4, 1, 2, 3, 6, 7, 8,
  9, 10, 11, 12, 4, 6, 5, 9, 8, 11, 10, 12, 0, 5, 3, 8, 4, 7, 6, 11, 9, 10, 0, 1, 2, 5, 6, 9,
  7, 8, 10, 11, 1, 3, 2, 4, 5, 6, 9, 10, 1, 2, 3, 4, 5, 7, 6, 8, 2, 3, 4, 5, 6, 7, 8, 9, 3, 4,
  5, 6,
];

class IpnSort {
  /** The merge buffer of the small-sort (at most SMALL_SORT_THRESHOLD pairs). */
  private readonly scratchKeys: Float64Array | Uint32Array;
  private readonly scratchValues = new Uint32Array(SMALL_SORT_THRESHOLD);

  constructor(
    private readonly keys: Float64Array | Uint32Array,
    private readonly values: Uint32Array,
    /** The place whose two sides matter; see selectLikeSortUnstable. */
    private readonly split: number,
  ) {
    this.scratchKeys = keys instanceof Uint32Array ? new Uint32Array(SMALL_SORT_THRESHOLD) : new Float64Array(SMALL_SORT_THRESHOLD);
  }

  sort(): void {
    const k = this.keys;
    const len = k.length;
    if (len < 2) return;
    if (len <= MAX_LEN_ALWAYS_INSERTION_SORT) {
      this.insertionSort(0, len, 1);
      return;
    }
    // An existing run covering the whole slice ends the sort at once.
    const descending = k[1] < k[0];
    let run = 2;
    if (descending) {
      while (run < len && k[run] < k[run - 1]) run++;
    } else {
      while (run < len && !(k[run] < k[run - 1])) run++;
    }
    if (run === len) {
      if (descending) {
        k.reverse();
        this.values.reverse();
      }
      return;
    }
    const limit = 2 * (31 - Math.clz32(len | 1));
    this.quicksort(0, len, undefined, limit);
  }

  private quicksort(base: number, len: number, ancestorPivot: number | undefined, limit: number): void {
    const k = this.keys;
    for (;;) {
      if (base >= this.split || base + len <= this.split) return;
      if (len <= SMALL_SORT_THRESHOLD) {
        this.smallSortNetwork(base, len);
        return;
      }
      if (limit === 0) {
        this.heapsort(base, len);
        return;
      }
      limit--;
      const pivotPos = this.choosePivot(base, len);
      // A pivot not greater than the ancestor pivot is the slice's minimum: split off everything
      // equal to it and carry on with the rest.
      if (ancestorPivot !== undefined && !(ancestorPivot < k[base + pivotPos])) {
        const numLe = this.partition(base, len, pivotPos, true);
        base += numLe + 1;
        len -= numLe + 1;
        ancestorPivot = undefined;
        continue;
      }
      const numLt = this.partition(base, len, pivotPos, false);
      this.quicksort(base, numLt, ancestorPivot, limit);
      ancestorPivot = k[base + numLt];
      base += numLt + 1;
      len -= numLt + 1;
    }
  }

  /**
   * Pivot to the front, partition the rest (`key < pivot`, or `key <= pivot` to split off
   * elements equal to an ancestor pivot), pivot between the halves; returns its position.
   */
  private partition(base: number, len: number, pivotPos: number, orEqual: boolean): number {
    this.swap(base, base + pivotPos);
    const numLt = this.lomutoCyclic(base + 1, len - 1, this.keys[base], orEqual);
    this.swap(base, base + numLt);
    return numLt;
  }

  /**
   * Branchless Lomuto partition done as one cyclic permutation: the first element is lifted out,
   * leaving a hole (always just behind `right`) that each step fills from the "less" boundary,
   * and it is fed in last.
   */
  private lomutoCyclic(base: number, len: number, pivot: number, orEqual: boolean): number {
    if (len === 0) return 0;
    const k = this.keys;
    const x = this.values;
    const end = base + len;
    const liftedKey = k[base];
    const liftedValue = x[base];
    let left = base;
    for (let right = base + 1; right < end; right++) {
      const key = k[right];
      const value = x[right];
      k[right - 1] = k[left];
      x[right - 1] = x[left];
      k[left] = key;
      x[left] = value;
      if (orEqual ? !(pivot < key) : key < pivot) left++;
    }
    k[end - 1] = k[left];
    x[end - 1] = x[left];
    k[left] = liftedKey;
    x[left] = liftedValue;
    if (orEqual ? !(pivot < liftedKey) : liftedKey < pivot) left++;
    return left - base;
  }

  /** Median of three, or of three recursive pseudomedians for 64 elements and more (offsets). */
  private choosePivot(base: number, len: number): number {
    const lenDiv8 = Math.floor(len / 8);
    const a = base;
    const b = base + lenDiv8 * 4;
    const c = base + lenDiv8 * 7;
    const at = len < PSEUDO_MEDIAN_REC_THRESHOLD ? this.median3(a, b, c) : this.median3Rec(a, b, c, lenDiv8);
    return at - base;
  }

  private median3Rec(a: number, b: number, c: number, n: number): number {
    if (n * 8 >= PSEUDO_MEDIAN_REC_THRESHOLD) {
      const n8 = Math.floor(n / 8);
      a = this.median3Rec(a, a + n8 * 4, a + n8 * 7, n8);
      b = this.median3Rec(b, b + n8 * 4, b + n8 * 7, n8);
      c = this.median3Rec(c, c + n8 * 4, c + n8 * 7, n8);
    }
    return this.median3(a, b, c);
  }

  private median3(a: number, b: number, c: number): number {
    const k = this.keys;
    const x = k[a] < k[b];
    const y = k[a] < k[c];
    if (x !== y) return a;
    const z = k[b] < k[c];
    return z !== x ? c : b;
  }

  /** Heapsort fallback: heapify and pop folded into one descending loop. */
  private heapsort(base: number, len: number): void {
    for (let i = len + Math.floor(len / 2) - 1; i >= 0; i--) {
      let node: number;
      if (i >= len) {
        node = i - len;
      } else {
        this.swap(base, base + i);
        node = 0;
      }
      this.siftDown(base, Math.min(i, len), node);
    }
  }

  private siftDown(base: number, len: number, node: number): void {
    const k = this.keys;
    for (;;) {
      let child = 2 * node + 1;
      if (child >= len) return;
      if (child + 1 < len && k[base + child] < k[base + child + 1]) child++;
      if (!(k[base + node] < k[base + child])) return;
      this.swap(base + node, base + child);
      node = child;
    }
  }

  /**
   * Small-sort for small Copy types: below 18 elements one region, else two halves; each region
   * gets a 13- or 9-element network if long enough, then insertion sort; halves are merged.
   */
  private smallSortNetwork(base: number, len: number): void {
    if (len < 2) return;
    const half = Math.floor(len / 2);
    if (len < SMALL_SORT_NO_MERGE_BELOW) {
      this.sortRegion(base, len);
      return;
    }
    this.sortRegion(base, half);
    this.sortRegion(base + half, len - half);
    this.bidirectionalMerge(base, len);
  }

  private sortRegion(base: number, len: number): void {
    let presorted = 1;
    if (len >= 13) {
      this.network(base, NETWORK_13);
      presorted = 13;
    } else if (len >= 9) {
      this.network(base, NETWORK_9);
      presorted = 9;
    }
    this.insertionSort(base, len, presorted);
  }

  private network(base: number, pairs: number[]): void {
    const k = this.keys;
    for (let p = 0; p < pairs.length; p += 2) {
      const a = base + pairs[p];
      const b = base + pairs[p + 1];
      if (k[b] < k[a]) this.swap(a, b);
    }
  }

  /** Insertion sort of `len` elements at `base`, the first `sorted` of them already in order. */
  private insertionSort(base: number, len: number, sorted: number): void {
    const k = this.keys;
    const x = this.values;
    for (let tail = base + sorted; tail < base + len; tail++) {
      const key = k[tail];
      if (!(key < k[tail - 1])) continue;
      const value = x[tail];
      let hole = tail;
      do {
        k[hole] = k[hole - 1];
        x[hole] = x[hole - 1];
        hole--;
      } while (hole > base && key < k[hole - 1]);
      k[hole] = key;
      x[hole] = value;
    }
  }

  /**
   * Merges the sorted halves `[base, base + len/2)` and the rest from both ends at once (front:
   * ties take the left element; back: ties take the right one), through scratch, then copies back.
   */
  private bidirectionalMerge(base: number, len: number): void {
    const k = this.keys;
    const x = this.values;
    const outKeys = this.scratchKeys;
    const outValues = this.scratchValues;
    const half = Math.floor(len / 2);
    let left = base;
    let right = base + half;
    let leftRev = base + half - 1;
    let rightRev = base + len - 1;
    let dst = 0;
    let dstRev = len - 1;
    for (let p = 0; p < half; p++) {
      const front = !(k[right] < k[left]) ? left++ : right++;
      outKeys[dst] = k[front];
      outValues[dst++] = x[front];
      const back = !(k[rightRev] < k[leftRev]) ? rightRev-- : leftRev--;
      outKeys[dstRev] = k[back];
      outValues[dstRev--] = x[back];
    }
    if (len % 2 !== 0) {
      const rest = left <= leftRev ? left : right;
      outKeys[dst] = k[rest];
      outValues[dst] = x[rest];
    }
    k.set(outKeys.subarray(0, len), base);
    x.set(outValues.subarray(0, len), base);
  }

  private swap(i: number, j: number): void {
    const k = this.keys;
    const x = this.values;
    const key = k[i];
    k[i] = k[j];
    k[j] = key;
    const value = x[i];
    x[i] = x[j];
    x[j] = value;
  }
}
