/**
 * A single-pass scanner for delimited text (CSV, TSV, semicolon CSV), RFC 4180 quoting:
 * quoted fields may hold delimiters, doubled quotes and line breaks. It hands field
 * boundaries to a sink instead of building strings, so typed column builders can parse
 * numbers and dates straight from the text.
 */

/** Receives the fields of each record in order. */
export interface FieldSink {
  /**
   * One field: its text is `text.slice(start, end)`, or `unescapeQuotes(...)` of that when
   * `escaped` (a quoted field holding doubled quotes). Quotes around a field are already removed.
   */
  field(col: number, start: number, end: number, escaped: boolean): void;
  /** End of a record of `fieldCount` fields that started on 1-based physical `line`. */
  endRecord(fieldCount: number, line: number): void;
}

/** Delimiters tried by detection, in order of preference on ties. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The text of a field whose quoted content held doubled quotes. */
export function unescapeQuotes(text: string, start: number, end: number): string {
  return text.slice(start, end).replaceAll('""', '"');
}

/** Field text for a sink callback. */
export function fieldText(text: string, start: number, end: number, escaped: boolean): string {
  return escaped ? unescapeQuotes(text, start, end) : text.slice(start, end);
}

/** Result of a scan: where it stopped and what went wrong structurally. */
export interface ScanResult {
  /** Records delivered to the sink. */
  records: number;
  /** Physical lines consumed, for progress and messages. */
  lines: number;
  /**
   * 1-based line of the first quote that opened a field and never closed properly (read as an
   * ordinary character instead), else 0.
   */
  unterminatedQuoteLine: number;
  /** How many such quotes there were. */
  strayQuotes?: number;
}

/**
 * Scans `text` from `offset`, delivering every non-blank record to `sink`. Blank lines are
 * skipped (they are not records). `maxRecords` stops early (used for sniffing and headers).
 */
export function scanDelimited(
  text: string,
  delimiter: string,
  sink: FieldSink,
  offset = 0,
  maxRecords = Infinity,
  firstLine = 1,
  quotes = true,
): ScanResult & { end: number } {
  if (!quotes) return scanUnquoted(text, delimiter, sink, offset, maxRecords, firstLine);
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = offset;
  let line = firstLine;
  let records = 0;
  let strayQuoteLine = 0;
  let strayQuotes = 0;
  while (i < n && records < maxRecords) {
    const recordLine = line;
    let col = 0;
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      // Blank line.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    for (;;) {
      const stray = c === QUOTE && !closingQuote(text, i, delim);
      if (c === QUOTE && !stray) {
        line += quoted.lines;
        sink.field(col++, i + 1, quoted.close, quoted.escaped);
        i = quoted.close + 1;
        // Skip anything between the closing quote and the next delimiter (malformed, tolerated).
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === delim || d === LF || d === CR) break;
          i++;
        }
      } else {
        // An ordinary field, or a quote that never closes properly: that quote is an ordinary
        // character, so a stray quote cannot swallow the lines after it.
        if (stray) {
          strayQuotes++;
          strayQuoteLine ||= recordLine;
        }
        const start = i;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === delim || d === LF || d === CR) break;
          i++;
        }
        sink.field(col++, start, i, false);
      }
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        c = i < n ? text.charCodeAt(i) : LF;
        if (i >= n) {
          sink.field(col++, i, i, false);
          break;
        }
        continue;
      }
      // End of line.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    sink.endRecord(col, recordLine);
    records++;
  }
  return { records, lines: line - firstLine, unterminatedQuoteLine: strayQuoteLine, strayQuotes, end: i };
}

/** Where the last quoted field checked by `closingQuote` closes (one object, reused: no allocation per field). */
const quoted = { close: 0, lines: 0, escaped: false };

/**
 * Whether the quoted field opening at `open` closes properly; if so `quoted` holds the index of
 * its closing quote, the line breaks inside and whether it holds doubled quotes. It does not
 * when it runs to the end of the text, or when it spans a line break and its closing quote is
 * followed by something other than a delimiter or a line end (two stray quotes lines apart).
 */
function closingQuote(text: string, open: number, delim: number): boolean {
  const n = text.length;
  let j = open + 1;
  let lines = 0;
  let escaped = false;
  for (;;) {
    if (j >= n) return false;
    const q = text.charCodeAt(j);
    if (q === QUOTE) {
      if (text.charCodeAt(j + 1) === QUOTE) {
        escaped = true;
        j += 2;
        continue;
      }
      break;
    }
    if (q === LF) lines++;
    j++;
  }
  if (lines > 0 && j + 1 < n) {
    const after = text.charCodeAt(j + 1);
    if (after !== delim && after !== LF && after !== CR) return false;
  }
  quoted.close = j;
  quoted.lines = lines;
  quoted.escaped = escaped;
  return true;
}

/**
 * The same scan for text known to hold no double quote at all: lines and fields are found with
 * the engine's native `indexOf`, several times faster than a character loop.
 */
function scanUnquoted(text: string, delimiter: string, sink: FieldSink, offset: number, maxRecords: number, firstLine: number): ScanResult & { end: number } {
  const n = text.length;
  let i = offset;
  let line = firstLine;
  let records = 0;
  while (i < n && records < maxRecords) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    let lineEnd = eol;
    if (lineEnd > i && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
    if (lineEnd === i) {
      i = eol + 1;
      line++;
      continue;
    }
    let col = 0;
    let s = i;
    for (;;) {
      const d = text.indexOf(delimiter, s);
      if (d < 0 || d >= lineEnd) {
        sink.field(col++, s, lineEnd, false);
        break;
      }
      sink.field(col++, s, d, false);
      s = d + 1;
    }
    sink.endRecord(col, line);
    records++;
    line++;
    i = eol + 1;
  }
  return { records, lines: line - firstLine, unterminatedQuoteLine: 0, end: Math.min(i, n) };
}

/** Collects records as arrays of strings (for headers, sniffing and small files). */
export function readRecords(
  text: string,
  delimiter: string,
  offset = 0,
  maxRecords = Infinity,
): { records: string[][]; lines: number[]; end: number; unterminatedQuoteLine: number } {
  const records: string[][] = [];
  const lines: number[] = [];
  let current: string[] = [];
  const sink: FieldSink = {
    field(_col, start, end, escaped) {
      current.push(fieldText(text, start, end, escaped));
    },
    endRecord(_count, line) {
      records.push(current);
      lines.push(line);
      current = [];
    },
  };
  const r = scanDelimited(text, delimiter, sink, offset, maxRecords);
  return { records, lines, end: r.end, unterminatedQuoteLine: r.unterminatedQuoteLine };
}

/**
 * Whether text ends its lines with a carriage return alone (classic Mac OS): more lone CRs than
 * line feeds in the first 64 KiB.
 */
export function usesClassicMacLineEnds(text: string): boolean {
  const end = Math.min(text.length, 65_536);
  let lf = 0;
  let lone = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) lf++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) lone++;
  }
  return lone > lf;
}

/** Removes a UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Guesses the delimiter from the first records: the candidate that appears in the header and
 * splits most sample records into the same number of fields as the header.
 */
export function detectDelimiter(text: string, sampleRecords = 50): string {
  let best: string = DELIMITERS[0];
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const { records } = readRecords(text, d, 0, sampleRecords + 1);
    if (records.length === 0) continue;
    const width = records[0].length;
    if (width < 2) continue;
    let consistent = 0;
    for (let r = 1; r < records.length; r++) if (records[r].length === width) consistent++;
    const share = records.length > 1 ? consistent / (records.length - 1) : 1;
    const score = share * 1000 + width;
    if (share >= 0.8 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
