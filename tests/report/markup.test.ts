// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeAttribute, escapeText, h, textOf, toDom, writeMarkup } from '../../src/report/markup.ts';
import { escapeMarkdown } from '../../src/report/report-markdown.ts';
import { renderChart, ticks } from '../../src/report/charts.ts';

describe('the report markup', () => {
  it('escapes text and attributes', () => {
    expect(escapeText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(escapeAttribute(`"x" 'y' <z>`)).toBe('&quot;x&quot; &#39;y&#39; &lt;z&gt;');
    expect(writeMarkup(h('p', { title: '"><img src=x>' }, '<b>bold</b>'))).toBe(
      '<p title="&quot;&gt;&lt;img src=x&gt;">&lt;b&gt;bold&lt;/b&gt;</p>',
    );
  });

  it('refuses scripts, event handlers and links out of the report', () => {
    expect(() => h('script', {}, 'x')).toThrow('invalid report element: "script"');
    expect(() => h('p', { onclick: 'x' })).toThrow('invalid report attribute: "onclick"');
    expect(() => h('a', { href: 'javascript:alert(1)' })).toThrow(/only links within the report/);
    expect(() => h('iframe')).toThrow();
  });

  it('writes any text so that a browser reads back exactly that text, and builds the same DOM', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, attr) => {
        const tree = h('div', { 'data-x': attr }, h('span', {}, text), h('svg', {}, h('text', {}, text)));
        const parsed = new DOMParser().parseFromString(`<body>${writeMarkup(tree)}</body>`, 'text/html').body
          .firstElementChild!;
        expect(parsed.querySelector('span')!.textContent).toBe(
          text.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd'),
        );
        expect(parsed.getAttribute('data-x')).toBe(attr.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd'));
        expect(parsed.children).toHaveLength(2);
        const built = toDom(document, tree) as Element;
        expect(built.querySelector('span')!.textContent).toBe(text);
        expect(built.querySelector('text')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
        expect(textOf(tree)).toBe(text + text);
      }),
    );
  });
});

describe('Markdown escaping', () => {
  it('keeps markup, links, tables and list marks literal', () => {
    expect(escapeMarkdown('<img src=x>')).toBe('\\<img src=x\\>');
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
    expect(escapeMarkdown('*bold* _it_ `code`')).toBe('\\*bold\\* \\_it\\_ \\`code\\`');
    expect(escapeMarkdown('- item', true)).toBe('\\- item');
    expect(escapeMarkdown('1. item', true)).toBe('1\\. item');
    expect(escapeMarkdown('# title', true)).toBe('\\# title');
    expect(escapeMarkdown('0.2.0')).toBe('0.2.0');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });
});

describe('report charts', () => {
  it('picks round ticks across the range', () => {
    expect(ticks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks(3, 97)).toEqual([25, 50, 75]);
    expect(ticks(5, 5)).toEqual([5]);
  });

  it('draws one bar per value with its label as text, scaled to the largest', () => {
    const svg = toDom(
      document,
      renderChart(
        {
          kind: 'bars',
          valueLabel: 'n',
          bars: [
            { label: '<b>A</b>', value: 10 },
            { label: 'B', value: 5 },
          ],
        },
        'Sizes',
      ),
    ) as SVGSVGElement;
    const rects = [...svg.querySelectorAll('rect')];
    expect(rects.map((r) => Number(r.getAttribute('width')))).toEqual([400, 200]);
    expect(svg.querySelector('b')).toBeNull();
    expect(svg.textContent).toContain('<b>A</b>');
    expect(svg.getAttribute('aria-label')).toBe('Sizes');
  });
});
