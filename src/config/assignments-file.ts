/**
 * Reading back an `assignments.csv` as Tierbook writes it: a header `<id column>,cluster`
 * (and `confidence` once robustness has run, which is not read back), then one customer per
 * line with its cluster (from 1), `strategic`, or an empty cell. Quoted
 * cells follow RFC 4180; a leading apostrophe that the CSV writer put before a formula
 * character (`'=`, `'+`, `'-`, `'@`) is removed again.
 */
import type { EmbeddedAssignments } from './config-schema.ts';
import { STRATEGIC } from './segmentation-config.ts';

/** Splits CSV text into rows of cells (RFC 4180 quoting; CRLF or LF line ends). */
function rows(text: string, fileName: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
  }
  if (quoted) throw new Error(`${fileName}: a quoted cell is not closed`);
  if (cell !== '' || row.length > 0) out.push([...row, cell]);
  return out;
}

const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Parses assignments CSV text; errors name the file, line and value. */
export function parseAssignmentsCsv(text: string, fileName: string): EmbeddedAssignments {
  const lines = rows(text, fileName);
  if (lines.length === 0) throw new Error(`${fileName}: the file is empty (expected a header like customer_id,cluster)`);
  const [header, ...body] = lines;
  // A third column, confidence, is written once robustness has run; it is not an assignment.
  const width = header.length === 3 && header[2] === 'confidence' ? 3 : 2;
  if (header.length !== width || header[1] !== 'cluster') {
    throw new Error(`${fileName}: the header is ${JSON.stringify(header.join(','))} (expected <id column>,cluster[,confidence] as Tierbook writes assignments.csv)`);
  }
  const ids: string[] = [];
  const clusters: EmbeddedAssignments['clusters'] = [];
  body.forEach((cells, k) => {
    const line = k + 2;
    if (cells.length !== width) throw new Error(`${fileName}, line ${line}: ${cells.length} cells (expected ${width === 3 ? 'id,cluster,confidence' : 'id,cluster'})`);
    const [id, c] = cells;
    if (c !== '' && c !== 'strategic' && !/^[1-9]\d*$/.test(c)) {
      throw new Error(`${fileName}, line ${line}: cluster ${JSON.stringify(c)} is not a cluster number, "strategic" or empty`);
    }
    ids.push(unneutralise(id));
    clusters.push(c === '' ? null : c === 'strategic' ? 'strategic' : Number(c));
  });
  return { idColumn: unneutralise(header[0]), ids, clusters };
}

/** Labels as the notebook holds them: 0-based clusters, STRATEGIC, -1 when not clustered. */
export function assignmentLabels(a: EmbeddedAssignments): Int32Array {
  return Int32Array.from(a.clusters, (c) => (c === 'strategic' ? STRATEGIC : c === null ? -1 : c - 1));
}

/** The embedded form of labels. */
export function embedAssignments(idColumn: string, ids: readonly string[], labels: ArrayLike<number>): EmbeddedAssignments {
  return { idColumn, ids: [...ids], clusters: Array.from(labels, (l) => (l === STRATEGIC ? 'strategic' : l < 0 ? null : l + 1)) };
}
