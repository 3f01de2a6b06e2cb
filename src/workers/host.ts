import { inlineRunner, type TaskRunner } from './tasks.ts';

/** What the environment (browser app or command) provides to a notebook. */
export interface Host {
  /** Exact versions of the packages doing the work, recorded in exports. */
  readonly packages: Readonly<Record<string, string>>;
  readonly version: string;
  /** Where heavy work runs: Web Workers in the browser, this thread in Node. */
  readonly tasks: TaskRunner;
}

/** The host of tests and of notebooks run without one: tasks on this thread, no versions. */
export const inlineHost: Host = { packages: {}, version: '0.0.0', tasks: inlineRunner };
