/**
 * The report of a segmentation notebook as it stands: its config (as Export config seals it)
 * and the evidence its cells compute that a config does not record (the k sweep, profiles,
 * tier KPIs, working capital). Shared by the app's Export report and `tierbook report --data`.
 */
import type { NotebookEngine } from '../runtime/index.ts';
import { exportConfigText } from '../config/config-json.ts';
import type { SegmentationConfig } from '../config/config-schema.ts';
import { inputCatalog } from './input-catalog.ts';
import { EVIDENCE_CELLS, evidenceFromCells, type ReportEvidence } from './evidence.ts';
import { buildReport, prepareReport } from './build-report.ts';
import type { ReportDocument } from './report-document.ts';
import { reportHtml } from './report-html.ts';

/** The evidence cells' values (a cell that fails is left out and named in `failed`). */
export async function evidenceFromEngine(
  engine: Pick<NotebookEngine, 'node' | 'value'>,
  source: string,
): Promise<{ evidence: ReportEvidence; failed: string[] }> {
  const cells: Record<string, unknown> = {};
  const failed: string[] = [];
  for (const name of EVIDENCE_CELLS) {
    const node = engine.node(name);
    if (!node) continue;
    try {
      cells[name] = await engine.value(node);
    } catch (error) {
      failed.push(`${name} could not be computed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { evidence: evidenceFromCells(cells, source), failed };
}

/** The report of the notebook's current config, as Export config would write it. */
export async function notebookReport(
  engine: NotebookEngine,
  config: SegmentationConfig,
  fileName: string,
): Promise<{ doc: ReportDocument; failed: string[] }> {
  const document = JSON.parse(await exportConfigText(config)) as unknown;
  const { evidence, failed } = await evidenceFromEngine(
    engine,
    'computed by this notebook on its current data and settings',
  );
  const input = await prepareReport({ document, fileName, inputs: inputCatalog(engine.notebook), evidence });
  return { doc: buildReport(input), failed };
}

/** The HTML report file of the notebook's current config (what the app's Export report downloads). */
export async function reportFileFor(
  engine: NotebookEngine,
  config: SegmentationConfig,
): Promise<{ fileName: string; html: string; failed: string[] }> {
  const fileName = `segmentation-config-k${config.model.k}.json`;
  const { doc, failed } = await notebookReport(engine, config, fileName);
  return { fileName: `segmentation-report-k${config.model.k}.html`, html: reportHtml(doc), failed };
}
