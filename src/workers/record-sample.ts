/**
 * Runs the segmentation notebook on the bundled sample with its default settings (tasks on this
 * thread) as far as the clustering behind the first chart, and records what the worker would be
 * asked: the import, and each call of `RECORDED_TASKS` with its reply. The build ships the result
 * (src/workers/build-sample-snapshot.ts); the tests check it against computing again.
 */
import { createEngine } from '../runtime/index.ts';
import { segmentation, segmentationApp } from '../../notebooks/segmentation.ts';
import { importSpec } from '../../cells/data.ts';
import { clustering } from '../../cells/cluster.ts';
import { inlineHost } from './host.ts';
import { inlineRunner, type ImportResult, type TaskRunner } from './tasks.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { RECORDED_TASKS, type RecordedReply } from './task-replies.ts';
import type { SampleSnapshot } from './sample-snapshot.ts';

export async function recordSampleSnapshot(): Promise<{ spec: DataImportSpec; snapshot: SampleSnapshot }> {
  let imported: ImportResult | undefined;
  const replies: RecordedReply[] = [];
  const recording: TaskRunner = {
    async run(task, args, options) {
      const value: unknown = await inlineRunner.run(task, args, options);
      // Copies, as a worker would receive and send them: the notebook keeps its own.
      if (task === 'importData' && args[0] === null) imported = structuredClone(value as ImportResult);
      else if (RECORDED_TASKS.has(task)) replies.push({ task, args: structuredClone(args), value: structuredClone(value) });
      return value as never;
    },
  };
  const engine = createEngine(segmentation, {
    initial: { [segmentationApp.dataFile.name]: null, host: { ...inlineHost, tasks: recording } },
  });
  try {
    const spec = await engine.value(importSpec);
    await engine.value(clustering);
    if (!imported) throw new Error('the notebook did not import the sample');
    return { spec, snapshot: { import: imported, replies } };
  } finally {
    engine.dispose();
  }
}
