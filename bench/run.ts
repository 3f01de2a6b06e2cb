/**
 * `npm run bench`: runs the named benches (default: all) one after another and prints a table each.
 *
 *   npx tsx bench/run.ts [analytics] [data] [browser]
 */
export {};

/** Loads a bench module by path (not resolved at type-check time, so a bench still being written cannot break the build). */
async function load<T>(path: string): Promise<T> {
  return (await import(path)) as T;
}

const benches: Record<string, () => Promise<unknown[]>> = {
  analytics: async () => (await import('./analytics.ts')).benchAnalytics({ log: (l) => console.log(l) }),
  data: async () => (await import('./data.ts')).benchData({ log: (l) => console.log(l) }),
  browser: async () =>
    (await load<{ benchBrowser: () => Promise<unknown[]> }>('./browser.ts')).benchBrowser(),
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of asked.length ? asked : Object.keys(benches)) {
  const run = benches[name];
  if (!run) {
    console.error(`unknown bench: "${name}" (expected ${Object.keys(benches).join(', ')})`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n== ${name} ==`);
  try {
    console.table(await run());
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
