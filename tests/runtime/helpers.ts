import type { NotebookEngine } from '../../src/runtime/index.ts';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Calls per name, for counting runs of cells. */
export function counting() {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  return { calls, count };
}

/** One turn of the runtime's scheduler: an animation frame where there is one (jsdom), else setImmediate. */
const frame = (): Promise<void> =>
  new Promise((resolve) => (globalThis.requestAnimationFrame ? globalThis.requestAnimationFrame(() => resolve()) : setImmediate(resolve)));

/**
 * Waits until no cell is pending or running (checked three times, a few ms apart). A frame
 * first: the runtime marks cells pending when it computes, on its next frame after a change.
 */
export async function idle(engine: NotebookEngine, timeoutMs = 5000): Promise<void> {
  await frame();
  const start = Date.now();
  let quietChecks = 0;
  while (quietChecks < 3) {
    if (Date.now() - start > timeoutMs) throw new Error('engine did not become idle');
    await sleep(5);
    const busy = engine.nodes.some((n) => {
      const s = engine.state(n.name).status;
      return s === 'pending' || s === 'running';
    });
    quietChecks = busy ? 0 : quietChecks + 1;
  }
}

/** A Storage stand-in for persistence tests. */
export function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}
