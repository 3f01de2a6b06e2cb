/** Recoverable problems met while reading and building features, grouped by severity, with example cells. */
import type { DataIssue, IssueExample, IssueSeverity } from '../../data/errors.ts';
import { formatCount } from '../format.ts';
import { dataTable, el, viewRoot, type ViewOptions } from './quality-report-view.ts';

const GROUPS: readonly { severity: IssueSeverity; one: string; many: string }[] = [
  { severity: 'warning', one: 'Warning', many: 'Warnings' },
  { severity: 'info', one: 'Note', many: 'Notes' },
];

/** How many example cells each issue shows. */
const SHOWN = 3;

/** Issues by severity (warnings first), each with its count and up to three examples (row, column, value). */
export function issuesView(issues: readonly DataIssue[], { document: doc }: ViewOptions): HTMLElement {
  const root = viewRoot(doc, 'issues', 'Data issues');
  if (issues.length === 0) {
    root.append(el(doc, 'p', 'tb-ok tb-no-issues', 'No problems found.'));
    return root;
  }
  for (const g of GROUPS) {
    const group = issues.filter((i) => i.severity === g.severity);
    if (group.length === 0) continue;
    const section = el(
      doc,
      'section',
      `tb-issue-group tb-issue-${g.severity}`,
      el(doc, 'h3', undefined, `${group.length === 1 ? g.one : g.many} (${formatCount(group.length)})`),
    );
    section.dataset.severity = g.severity;
    const list = el(doc, 'ul', 'tb-issue-list');
    for (const issue of group) {
      const affected =
        issue.count > 1 ? el(doc, 'span', 'tb-muted', ` (${formatCount(issue.count)} affected)`) : null;
      const item = el(
        doc,
        'li',
        'tb-issue',
        el(doc, 'span', g.severity === 'warning' ? 'tb-warn' : undefined, issue.message),
        affected,
      );
      item.dataset.code = issue.code;
      const examples = issue.examples.slice(0, SHOWN);
      if (examples.length) {
        const more =
          issue.examples.length > SHOWN || issue.count > examples.length
            ? `First ${examples.length} of ${formatCount(Math.max(issue.count, issue.examples.length))}`
            : 'Examples';
        const table = dataTable<IssueExample>(
          doc,
          more,
          [
            { label: 'Row', value: (e) => e.row, numeric: true },
            {
              label: 'Column',
              value: () => (issue.column === undefined ? '' : el(doc, 'span', 'tb-mono', issue.column)),
            },
            { label: 'Value', value: (e) => el(doc, 'span', 'tb-mono', e.value) },
          ],
          examples,
        );
        table.classList.add('tb-examples');
        item.append(table);
      }
      list.append(item);
    }
    section.append(list);
    root.append(section);
  }
  return root;
}
