import * as z from 'zod';

// zod compiles fast parsers with `new Function`, which the app's Content-Security-Policy
// forbids (no 'unsafe-eval'); its probe for eval would log a CSP violation. Every schema in
// Tierbook imports zod from here so this runs before any schema is built.
z.config({ jitless: true });

export { z };
