// @observablehq/runtime ships no types; this covers the part Tierbook uses.
declare module '@observablehq/runtime' {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export class Variable {
    define(name: string | null, inputs: readonly string[], definition: unknown): Variable;
    define(name: string | null, definition: unknown): Variable;
    delete(): Variable;
  }
  export class Module {
    variable(observer?: Observer | null): Variable;
    define(name: string, inputs: readonly string[], definition: unknown): Variable;
    redefine(name: string, inputs: readonly string[], definition: unknown): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}
