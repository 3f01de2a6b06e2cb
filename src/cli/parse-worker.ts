/**
 * Entry of a Node worker thread that reads parts of a delimited file for `parseThreads`
 * (parse-threads.ts): one part per message, the part's typed arrays moved back. Built to
 * build/cli/parse-worker.js beside the command.
 */
import { parentPort } from 'node:worker_threads';
import { partBuffers, readPartInput, type PartInput } from '../data/read/read-parallel.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');

port.on('message', ({ id, input }: { id: number; input: PartInput }) => {
  try {
    const part = readPartInput(input);
    port.postMessage({ id, part }, partBuffers(part));
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
