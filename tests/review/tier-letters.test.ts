import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fillTemplate,
  lettersCsv,
  lettersMarkdown,
  MERGE_FIELDS,
  mergeValues,
  templateProblems,
  tierChanges,
  type MergeField,
} from '../../src/config/review/tier-letters.ts';
import { normalizePolicy } from '../../src/analytics/policy/policy-spec.ts';

const values = (over: Partial<Record<MergeField, string>> = {}): Record<MergeField, string> => ({
  customer: 'C1',
  old_tier: 'Silver',
  new_tier: 'Gold',
  effective_date: '1 March 2027',
  lead_time: '2 days',
  min_order: 'EUR 500',
  surcharge: 'none',
  contact: 'service@example.com',
  ...over,
});

describe('communication templates', () => {
  it('fills every merge field, spaces inside the braces allowed', () => {
    expect(
      fillTemplate(
        'Dear {{customer}}, from {{ effective_date }} you are {{new_tier}} (was {{old_tier}}).',
        values(),
      ),
    ).toBe('Dear C1, from 1 March 2027 you are Gold (was Silver).');
  });

  it('substitutes once: a value that looks like a field or markup stays as typed', () => {
    const text = fillTemplate(
      '{{customer}} / {{contact}}',
      values({ customer: '{{contact}}', contact: '<img src=x onerror=alert(1)>' }),
    );
    expect(text).toBe('{{contact}} / <img src=x onerror=alert(1)>');
  });

  it('property: the filled text is the template with each field replaced by exactly its value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...MERGE_FIELDS.map((f) => `{{${f}}}`))), {
          maxLength: 8,
        }),
        fc.string(),
        (parts, value) => {
          const v = Object.fromEntries(MERGE_FIELDS.map((f) => [f, value])) as Record<MergeField, string>;
          // A part is a merge field only when it is one of the field tokens: an arbitrary string
          // that merely starts with "{{" (fast-check found "{{") is neither field nor plain text.
          const fields = new Set(MERGE_FIELDS.map((f) => `{{${f}}}`));
          const kept = parts.filter((p) => fields.has(p) || (!p.includes('{') && !p.includes('}')));
          const template = kept.join('');
          const expected = kept.map((p) => (fields.has(p) ? value : p)).join('');
          expect(fillTemplate(template, v)).toBe(expected);
        },
      ),
    );
  });

  it('names an unknown merge field and lists the known ones', () => {
    expect(templateProblems('Hi {{name}} {{customer}} {{name}}')).toEqual([
      'unknown merge field {{name}} (expected customer, old_tier, new_tier, effective_date, lead_time, min_order, surcharge or contact)',
    ]);
  });

  it('finds the customers whose tier changed, joined or left, sorted by id', () => {
    const before = new Map([
      ['b', 'Gold'],
      ['a', 'Silver'],
      ['c', 'Bronze'],
    ]);
    const after = new Map([
      ['a', 'Silver'],
      ['b', 'Silver'],
      ['d', 'Gold'],
    ]);
    expect(tierChanges(before, after)).toEqual([
      { customer: 'b', oldTier: 'Gold', newTier: 'Silver' },
      { customer: 'c', oldTier: 'Bronze', newTier: null },
      { customer: 'd', oldTier: null, newTier: 'Gold' },
    ]);
  });

  it('takes lead time, minimum order and surcharge from the new tier’s policy; empty options say (not set)', () => {
    const policy = normalizePolicy(
      { tiers: { Gold: { leadTimeDays: 2, minimumOrder: 500, smallOrderSurcharge: 25 } } },
      ['Gold'],
    ).tiers[0];
    const v = mergeValues({ customer: 'C1', oldTier: null, newTier: 'Gold' }, policy, {
      effectiveDate: '',
      contact: ' ',
      currency: 'EUR',
    });
    expect(v).toMatchObject({
      old_tier: 'no tier',
      lead_time: '2 days',
      min_order: 'EUR 500',
      surcharge: 'EUR 25',
      effective_date: '(not set)',
      contact: '(not set)',
    });
  });

  it('exports CSV with formulas neutralised and Markdown with markup escaped', () => {
    const letter = {
      customer: '=HYPERLINK("http://x","y")',
      oldTier: 'Silver',
      newTier: '<b>Gold</b>',
      text: 'Line 1\n# not a heading\n<img src=x>',
    };
    const csv = lettersCsv([letter]);
    expect(csv.split('\n')[0]).toBe('customer,old_tier,new_tier,text');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain('"Line 1\n# not a heading\n<img src=x>"');
    const md = lettersMarkdown([letter]);
    expect(md).not.toMatch(/(^|[^\\])<(img|b)/m);
    expect(md).toContain('\\<img src=x\\>');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('1 customer whose tier changes.');
  });
});
