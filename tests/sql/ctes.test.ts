import { describe, expect, it } from 'vitest';
import { splitCtes } from '../../src/sql/ctes.ts';

describe('splitCtes', () => {
  it('splits at top-level parentheses, skipping strings, quoted names and comments', () => {
    const text = `"a" AS (SELECT ')(' AS "x)", f(1) FROM t), -- a comment (with a parenthesis
"b" AS MATERIALIZED (
  SELECT * FROM "a" -- ) not the end
  WHERE regexp_full_match(x, '([0-9]+)')
)`;
    expect(splitCtes([text, '"c" AS (SELECT 1)'])).toEqual([
      { name: 'a', body: `SELECT ')(' AS "x)", f(1) FROM t`, materialized: false },
      { name: 'b', body: `SELECT * FROM "a" -- ) not the end\n  WHERE regexp_full_match(x, '([0-9]+)')`, materialized: true },
      { name: 'c', body: 'SELECT 1', materialized: false },
    ]);
  });

  it('refuses text that is not a CTE list', () => {
    expect(() => splitCtes(['SELECT 1'])).toThrow(/unreadable CTE text/);
  });
});
