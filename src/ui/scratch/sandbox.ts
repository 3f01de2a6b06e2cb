/**
 * Evaluates scratch-cell expressions outside the app's Content-Security-Policy, which forbids
 * eval for everything else. The expression goes to a sandboxed iframe (`sandbox="allow-scripts"`,
 * an opaque origin: no access to this page, its storage or its cookies) whose own policy allows
 * eval and forbids every request; there it runs in a Worker stopped after a time limit. Values
 * travel by structured clone both ways: numbers, text, arrays, typed arrays and plain objects
 * pass; functions and DOM nodes do not (the message says which cell could not be passed).
 */

export interface ScratchEvaluator {
  /** The value of `expression` with `values` bound to their names; rejects with the expression's error. */
  evaluate(expression: string, values: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<unknown>;
  dispose(): void;
}

interface Reply {
  readonly id?: number;
  readonly ready?: boolean;
  readonly ok?: boolean;
  readonly value?: unknown;
  readonly message?: string;
}

/** The sandbox page next to the app (public/scratch-sandbox.html). */
export const SANDBOX_URL = './scratch-sandbox.html';

export function iframeEvaluator(document: Document, url: string = SANDBOX_URL): ScratchEvaluator {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.title = 'Scratch cell sandbox';
  frame.style.display = 'none';
  frame.src = url;
  const view = document.defaultView!;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  const onMessage = (e: MessageEvent<Reply>) => {
    if (e.source !== frame.contentWindow || typeof e.data !== 'object' || e.data === null) return;
    if (e.data.ready) {
      markReady();
      return;
    }
    const waiting = e.data.id === undefined ? undefined : pending.get(e.data.id);
    if (!waiting || e.data.id === undefined) return;
    pending.delete(e.data.id);
    if (e.data.ok) waiting.resolve(e.data.value);
    else waiting.reject(new Error(e.data.message ?? 'the expression failed'));
  };
  view.addEventListener('message', onMessage);
  document.body.append(frame);
  return {
    async evaluate(expression, values, signal) {
      await ready;
      const id = next++;
      const names = Object.keys(values);
      const message = { id, expression, names, values: names.map((n) => values[n]) };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          frame.contentWindow!.postMessage(message, '*'); // opaque origin: '*' is the only target; the data is ours
        } catch (error) {
          pending.delete(id);
          const bad = names.find((n) => {
            try {
              structuredClone(values[n]);
              return false;
            } catch {
              return true;
            }
          });
          reject(new Error(bad ? `${bad} cannot be passed to a scratch cell (it holds functions or objects of the page)` : String(error)));
          return;
        }
        signal?.addEventListener('abort', () => {
          if (!pending.delete(id)) return;
          frame.contentWindow?.postMessage({ id, cancel: true }, '*');
          reject(new DOMException('cancelled', 'AbortError'));
        });
      });
    },
    dispose() {
      view.removeEventListener('message', onMessage);
      for (const p of pending.values()) p.reject(new Error('the scratch sandbox was closed'));
      pending.clear();
      frame.remove();
    },
  };
}
