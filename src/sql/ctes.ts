/** One common table expression: `"name" AS (body)`. */
export interface Cte {
  readonly name: string;
  readonly body: string;
  /** Written `AS MATERIALIZED`: worth computing once (read more than once, or expensive). */
  readonly materialized: boolean;
}

/**
 * Splits `"a" AS (...), "b" AS MATERIALIZED (...)` texts into their CTEs, skipping parentheses
 * inside string literals, quoted identifiers and `--` comments. Lets an engine run the same
 * chain step by step (a table for each materialized CTE, a view for the others) instead of as
 * one query.
 */
export function splitCtes(texts: readonly string[]): Cte[] {
  const out: Cte[] = [];
  for (const text of texts) {
    let i = 0;
    while (i < text.length) {
      const head = /^(?:[\s,]|--[^\n]*\n)*"([^"]+)" AS (MATERIALIZED )?\(/.exec(text.slice(i));
      if (!head) {
        if (text.slice(i).trim() !== '') throw new Error(`unreadable CTE text at: ${text.slice(i, i + 40)}`);
        break;
      }
      const start = i + head[0].length;
      let depth = 1;
      let j = start;
      for (; j < text.length && depth > 0; j++) {
        const c = text[j];
        if (c === "'" || c === '"') {
          const close = text.indexOf(c, j + 1);
          j = close < 0 ? text.length : close;
        } else if (c === '-' && text[j + 1] === '-') {
          const eol = text.indexOf('\n', j);
          j = eol < 0 ? text.length : eol;
        } else if (c === '(') depth++;
        else if (c === ')') depth--;
      }
      out.push({ name: head[1], body: text.slice(start, j - 1).trim(), materialized: head[2] !== undefined });
      i = j;
    }
  }
  return out;
}
