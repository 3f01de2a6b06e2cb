import { describe, expect, it } from 'vitest';
import { parseColumnTypes } from '../../cells/data.ts';
import { parseTransforms } from '../../cells/prepare.ts';

describe('name=keyword text inputs', () => {
  it('parses column types and per-feature transforms', () => {
    expect(parseColumnTypes(' CustomerID=text, Qty = number ,')).toEqual({ CustomerID: 'text', Qty: 'number' });
    expect(parseColumnTypes('a=b=date')).toEqual({ 'a=b': 'date' });
    expect(parseTransforms('revenue=log1p,cts_pct=none')).toEqual({ revenue: 'log1p', cts_pct: 'none' });
    expect(parseTransforms('')).toEqual({});
  });

  it('names the part at fault and what was expected', () => {
    expect(() => parseColumnTypes('qty:number')).toThrow('invalid column types: "qty:number" (expected column=number, column=text or column=date)');
    expect(() => parseColumnTypes('=text')).toThrow('invalid column types: "=text"');
    expect(() => parseTransforms('revenue=log')).toThrow('invalid per-feature transforms: "revenue=log" (expected feature=none, feature=log1p or feature=signed-log1p)');
    expect(() => parseTransforms('revenue')).toThrow('invalid per-feature transforms: "revenue"');
  });
});
