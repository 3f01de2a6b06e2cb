/**
 * Plot (with its d3 modules, about half a megabyte) is not part of the first bundle. The chart
 * modules import `@observablehq/plot` as usual; in the app build (vite.config.ts) that import
 * resolves to forwarders made by `plotForwarder`, which call into the real module once it has
 * loaded and, before, stop the view with `ModulePending` (the cell shows as pending until then).
 * Node and the tests import Plot itself.
 */
import { lazyModule } from '../lazy-module.ts';

export const plotModule = lazyModule('the chart library', () => import('@observablehq/plot'));

type Callable = (...args: unknown[]) => unknown;

/** A stand-in for Plot's export `name`: calls (or constructs) the loaded one. */
export function plotForwarder(name: string): Callable {
  return function forward(this: unknown, ...args: unknown[]): unknown {
    const target = (plotModule.get() as unknown as Record<string, Callable & (new (...a: unknown[]) => unknown)>)[name];
    return new.target ? Reflect.construct(target, args, new.target) : target.apply(this, args);
  };
}
