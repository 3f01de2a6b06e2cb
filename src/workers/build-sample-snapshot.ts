/**
 * Build step (vite.config.ts runs it): runs the notebook on the bundled sample with its default
 * settings as far as the clustering behind the first chart, recording the import and the calls
 * of `RECORDED_TASKS` with their replies, and writes them as the snapshot into the folder given,
 * under its settings' name. Prints the file name.
 *
 *   node --import tsx src/workers/build-sample-snapshot.ts <folder>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordSampleSnapshot } from './record-sample.ts';
import { encodeSampleSnapshot, sampleSnapshotName } from './sample-snapshot.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: build-sample-snapshot.ts <folder>');
const { spec, snapshot } = await recordSampleSnapshot();
const name = await sampleSnapshotName(spec);
writeFileSync(join(folder, name), encodeSampleSnapshot(snapshot));
process.stdout.write(name);
