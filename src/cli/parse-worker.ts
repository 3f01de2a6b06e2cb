/**
 * Entry of a Node worker thread that reads parts of delimited files for the command's parse
 * threads (parse-threads.ts); the browser's is src/workers/parse.worker.ts. Built to
 * build/cli/parse-worker.js beside the command.
 */
import { parentPort } from 'node:worker_threads';
import { answerPart, type PartRequest } from '../workers/part-pool.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');

port.on('message', (request: PartRequest) => {
  const { reply, transfer } = answerPart(request);
  port.postMessage(reply, transfer);
});
