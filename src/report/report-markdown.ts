/**
 * The report as Markdown (CommonMark with pipe tables): the same sections, charts as tables of
 * their figures. Every value is escaped, so a `<tag>`, a `|` or a `*` from a config is shown as
 * typed and never becomes markup, a link or a broken table in a Markdown viewer.
 */
import { chartRows } from './charts.ts';
import type { Block, ReportDocument, ReportSection, Tone } from './report-document.ts';

const TONE_WORD: Readonly<Record<Tone, string>> = { ok: 'OK', warn: 'Check', error: 'Problem', note: 'Note' };

/** Text as Markdown shows it literally: every punctuation character that could start markup is escaped. */
export function escapeMarkdown(text: string, startsLine = false): string {
  const inline = text
    .replace(/\r\n?|\n/g, ' ')
    // inline markup anywhere: emphasis, code, links and images, raw HTML and entities, table cells, strikethrough
    .replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`);
  // block markup where a line starts: headings, lists, quotes, rules
  return startsLine
    ? inline.replace(
        /^(\s*)([#+\-=>]|\d+[.)])/,
        (_, space: string, mark: string) => `${space}${mark.replace(/^(\d*)(.)$/, '$1\\$2')}`,
      )
    : inline;
}

const code = (path: string | undefined) => (path ? ` \`${path.replaceAll('`', "'")}\`` : '');

function tableMd(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function blockMd(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.tone
        ? `> **${TONE_WORD[block.tone]}:** ${escapeMarkdown(block.text)}`
        : escapeMarkdown(block.text, true);
    case 'list':
      return block.items.map((i) => `- ${escapeMarkdown(i, true)}`).join('\n');
    case 'facts':
      return [
        ...(block.title ? [`### ${escapeMarkdown(block.title)}`, ''] : []),
        tableMd(
          ['', ''],
          block.facts.map((f) => [
            `**${escapeMarkdown(f.label)}**${code(f.field)}`,
            escapeMarkdown(f.value) + (f.help ? ` (${escapeMarkdown(f.help)})` : ''),
          ]),
        ),
      ].join('\n');
    case 'table':
      return [
        `**${escapeMarkdown(block.caption)}**${code(block.field)}`,
        '',
        tableMd(
          block.columns.map((c) => `${escapeMarkdown(c.label)}${code(c.field)}`),
          block.rows.map((r) => block.columns.map((c) => escapeMarkdown(r[c.key] ?? ''))),
        ),
        ...(block.more ? ['', `_${escapeMarkdown(block.more)}_`] : []),
      ].join('\n');
    case 'chart': {
      const { header, rows } = chartRows(block.chart);
      return [
        `**${escapeMarkdown(block.caption)}** (chart in the HTML report)`,
        '',
        tableMd(
          header.map((t) => escapeMarkdown(t)),
          rows.map((r) => r.map((t) => escapeMarkdown(t))),
        ),
      ].join('\n');
    }
  }
}

function sectionMd(section: ReportSection): string {
  return [`## ${escapeMarkdown(section.title, true)}`, ...section.blocks.map(blockMd)].join('\n\n');
}

export function reportMarkdown(doc: ReportDocument): string {
  return `${[`# ${escapeMarkdown(doc.title)}`, `_${escapeMarkdown(doc.subtitle)}_`, ...doc.sections.map(sectionMd)].join('\n\n')}\n`;
}
