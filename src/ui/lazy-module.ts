/**
 * Modules a view needs that are not in the first bundle (the chart library): loaded on first
 * need, or earlier with `load()`. A view that reaches one before it has arrived stops with
 * `ModulePending`; the page shows the cell as pending and draws the view again once it is there.
 */

/** Thrown by `LazyModule.get()` while the module is loading; `ready` settles when it is there (or failed). */
export class ModulePending extends Error {
  constructor(
    /** What is loading, for messages, e.g. `the chart library`. */
    readonly what: string,
    readonly ready: Promise<unknown>,
  ) {
    super(`${what} is still loading`);
    this.name = 'ModulePending';
  }
}

export interface LazyModule<T> {
  /** The module; throws `ModulePending` (and starts loading it) while it is not there, or the load's error. */
  get(): T;
  /** Starts loading (once) and resolves with the module. */
  load(): Promise<T>;
  /** Whether `get()` returns the module now. */
  readonly loaded: boolean;
}

export function lazyModule<T>(what: string, importer: () => Promise<T>): LazyModule<T> {
  let module: T | undefined;
  let failure: unknown;
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> =>
    (loading ??= importer().then(
      (m) => (module = m),
      (error: unknown) => {
        failure = error;
        throw error;
      },
    ));
  return {
    get() {
      if (module !== undefined) return module;
      if (failure !== undefined) throw failure;
      // The view is drawn again when the load settles, failed or not: no unhandled rejection here.
      throw new ModulePending(what, load().catch(() => undefined));
    },
    load,
    get loaded() {
      return module !== undefined;
    },
  };
}
