/**
 * The report as one self-contained HTML file: inline CSS (with a print stylesheet, so the
 * browser prints it to PDF section by section), charts as inline SVG, no script, and a
 * Content-Security-Policy that forbids every request, so opening it offline shows everything
 * and a hostile value cannot load anything. Every value is written as escaped text.
 */
import { h, writeMarkup, type Markup, type MarkupElement } from './markup.ts';
import { renderChart } from './charts.ts';
import type { Block, ReportDocument, ReportSection, Tone } from './report-document.ts';
import { REPORT_CSS } from './report-css.ts';

const TONE_WORD: Readonly<Record<Tone, string>> = { ok: 'OK', warn: 'Check', error: 'Problem', note: 'Note' };

const field = (path: string | undefined): Markup => (path ? h('code', { class: 'field' }, path) : null);

/** One block as a markup tree (also what the review notebook draws, through `toDom`). */
export function blockMarkup(block: Block): MarkupElement {
  switch (block.kind) {
    case 'paragraph':
      return block.tone
        ? h(
            'p',
            { class: `callout tone-${block.tone}` },
            h('strong', { class: 'tone-word' }, `${TONE_WORD[block.tone]}: `),
            block.text,
          )
        : h('p', {}, block.text);
    case 'list':
      return h(
        'ul',
        {},
        block.items.map((item) => h('li', {}, item)),
      );
    case 'facts':
      return h(
        'div',
        { class: 'facts-block' },
        block.title ? h('h3', {}, block.title) : null,
        h(
          'dl',
          { class: 'facts' },
          block.facts.map((f) =>
            h(
              'div',
              { class: 'fact' },
              h('dt', {}, f.label, field(f.field)),
              h('dd', {}, f.value, f.help ? h('small', { class: 'help' }, f.help) : null),
            ),
          ),
        ),
      );
    case 'table':
      return h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          {},
          h('caption', {}, block.caption, field(block.field)),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              block.columns.map((c) =>
                h('th', { scope: 'col', class: c.numeric ? 'num' : undefined }, c.label, field(c.field)),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            block.rows.map((row) =>
              h(
                'tr',
                {},
                block.columns.map((c) => h('td', { class: c.numeric ? 'num' : undefined }, row[c.key] ?? '')),
              ),
            ),
          ),
        ),
        block.more ? h('p', { class: 'more' }, block.more) : null,
      );
    case 'chart':
      return h(
        'figure',
        { class: 'chart' },
        renderChart(block.chart, block.caption),
        h('figcaption', {}, block.caption),
      );
  }
}

export function sectionMarkup(section: ReportSection, level: 'h2' | 'h3' = 'h2'): MarkupElement {
  return h(
    'section',
    { id: section.id, class: 'report-section' },
    h(level, {}, section.title),
    section.blocks.map(blockMarkup),
  );
}

/** The whole report as HTML text. */
export function reportHtml(doc: ReportDocument): string {
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', {
        'http-equiv': 'Content-Security-Policy',
        content: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, doc.title),
      h('style', {}, REPORT_CSS),
    ),
    h(
      'body',
      {},
      h('header', {}, h('h1', {}, doc.title), h('p', { class: 'subtitle' }, doc.subtitle)),
      h(
        'nav',
        { 'aria-label': 'Contents' },
        h(
          'ol',
          {},
          doc.sections.map((s) => h('li', {}, h('a', { href: `#${s.id}` }, s.title))),
        ),
      ),
      h(
        'main',
        {},
        doc.sections.map((s) => sectionMarkup(s)),
      ),
      h(
        'footer',
        {},
        'Written by Tierbook from the config and the evidence named in each section. Values from the config are shown as text, exactly as recorded.',
      ),
    ),
  );
  return `<!doctype html>\n${writeMarkup(page)}\n`;
}
