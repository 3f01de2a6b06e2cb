/** Finds rows identical in every column to an earlier row. */
import { cellText, columnOf, type Column, type LoadedTable } from '../read/columns.ts';
import { RowHashSet } from './hash-index.ts';

/** Two cells of a column hold the same value (an unreadable cell compares by its text). */
function cellsEqual(col: Column, i: number, j: number): boolean {
  if (col.type === 'text') return col.codes[i] === col.codes[j];
  const a = col.values[i];
  const b = col.values[j];
  if (a === b) return true;
  return Number.isNaN(a) && Number.isNaN(b) && cellText(col, i) === cellText(col, j);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Marks (1) every row that repeats an earlier row exactly, considering only rows with
 * `alive[i] === 1`. Hashes each row over `hashColumns` (default: all; a few discriminating
 * ones are enough and faster), then confirms candidates cell by cell over all columns.
 */
export function findExactDuplicates(table: LoadedTable, alive: Uint8Array, hashColumns: readonly string[] = table.header): Uint8Array {
  const n = table.rowCount;
  const h1 = new Uint32Array(n).fill(0x12345678);
  const h2 = new Uint32Array(n).fill(0x87654321);
  for (const name of hashColumns) {
    const col = columnOf(table, name);
    if (col.type === 'text') {
      for (let i = 0; i < n; i++) {
        h1[i] = mix(h1[i], col.codes[i] + 2);
        h2[i] = mix(h2[i], (col.codes[i] + 2) * 31);
      }
    } else {
      const values = col.values;
      for (let i = 0; i < n; i++) {
        f64[0] = values[i];
        h1[i] = mix(mix(h1[i], u32[0]), u32[1]);
        h2[i] = mix(mix(h2[i], u32[1]), u32[0]);
      }
      col.invalid.rows.forEach((r, k) => {
        const extra = hashString(col.invalid.texts[k]);
        h1[r] = mix(h1[r], extra);
        h2[r] = mix(h2[r], extra ^ 0x5bd1e995);
      });
    }
  }
  // h1 picks the bucket; h2 and then the cells confirm a match.
  const cols = table.header.map((name) => columnOf(table, name));
  const same = (i: number, j: number) => h2[i] === h2[j] && cols.every((c) => cellsEqual(c, i, j));
  const set = new RowHashSet(h1, same, n);
  const dup = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (alive[i] && set.add(i) >= 0) dup[i] = 1;
  }
  return dup;
}
