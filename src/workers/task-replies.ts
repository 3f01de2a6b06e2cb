/**
 * Task replies computed ahead: the build runs the notebook on the bundled sample with its default
 * settings and ships, beside the sample's import, what the tasks on the way to the first chart
 * returned (today the clustering) together with their exact arguments (src/workers/build-sample-snapshot.ts).
 * A worker asked for the same task with arguments equal to a recorded one, value for value and
 * byte for byte, answers with the recorded reply instead of computing it: a first visit, which
 * always opens on the sample with default settings, then does not wait for the clustering. Any
 * other argument (another file, setting, or a browser whose arithmetic gave a different matrix)
 * computes as usual; a test holds every recorded reply equal to computing it again.
 */
import type { TaskName } from './tasks.ts';

/** One task call and what it returned. */
export interface RecordedReply {
  readonly task: TaskName;
  readonly args: readonly unknown[];
  readonly value: unknown;
}

/** The tasks whose replies the build records: the interactive worker's, on the way to the first chart. */
export const RECORDED_TASKS: ReadonlySet<TaskName> = new Set<TaskName>(['cluster']);

/**
 * Whether two task arguments are the same: typed arrays of the same kind with the same bytes
 * (so NaN, -0 and every bit of a double count), arrays and plain objects member by member,
 * everything else by `Object.is`.
 */
export function sameArgs(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameArgs(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameArgs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Recorded replies a worker may answer with, each once (its arrays then move to the page). */
export class TaskReplies {
  private entries: RecordedReply[] = [];

  /** Holds `entries` only: a snapshot read again supersedes what is left of the last one. */
  replace(entries: readonly RecordedReply[]): void {
    this.entries = [...entries];
  }

  /** The recorded reply for this call, taken out; undefined when none matches. */
  take(task: TaskName, args: readonly unknown[]): { readonly value: unknown } | undefined {
    const i = this.entries.findIndex((e) => e.task === task && sameArgs(e.args, args));
    if (i < 0) return undefined;
    const [entry] = this.entries.splice(i, 1);
    return { value: entry.value };
  }

  get size(): number {
    return this.entries.length;
  }
}
