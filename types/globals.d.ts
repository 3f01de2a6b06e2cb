/** Set by vite.config.ts at build time. */
declare const __TIERBOOK_VERSION__: string;
declare const __TIERBOOK_PACKAGES__: Record<string, string>;
