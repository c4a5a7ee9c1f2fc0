/**
 * `npm run bench -- NAME`: runs one benchmark and prints its figures as JSON. Figures, not
 * assertions: these machines are shared and noisy, so targets are read by people.
 */
import { benchCosmosQuery } from './cosmos-query.bench';
import { benchDomain } from './domain.bench';
import { benchImport } from './import.bench';
import { benchLookup } from './lookup.bench';
import { benchOutlook } from './outlook.bench';

const BENCHMARKS: Record<string, { describe: string; run: () => Promise<unknown> }> = {
  lookup: {
    describe: 'Sender lookup p50/p95 through the API at 10k and 100k contacts (target p95 <= 25 ms at 100k), and the local Cosmos server time of one filtered query at 10k and 50k documents (should grow about linearly).',
    run: async () => ({ lookupThroughApi: await benchLookup(), localCosmosFilteredQuery: await benchCosmosQuery() }),
  },
  domain: {
    describe: 'First page of a filtered list and of a keyword search with 100k contacts and 50k opportunities, a history page of a record with 5,000 entries (targets p95 <= 50 ms).',
    run: async () => ({ domain: await benchDomain(), import10k: await benchImport() }),
  },
  outlook: {
    describe: "The Outlook pane's initial JavaScript (raw and gzipped; target <= 200 KB gz) and the median time from navigation to the sender's contact card in headless Chromium against the local stack (target <= 1.5 s); screenshots in light and dark themes.",
    run: async () => ({ outlook: await benchOutlook() }),
  },
  import: {
    describe: 'Importing 10,000 CSV rows with duplicate detection through the import job (target <= 30 s).',
    run: async () => ({ import10k: await benchImport() }),
  },
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const benchmark = name ? BENCHMARKS[name] : undefined;
  if (!benchmark) {
    console.error(`Usage: npm run bench -- <name>\n${Object.entries(BENCHMARKS).map(([key, value]) => `  ${key}: ${value.describe}`).join('\n')}`);
    process.exit(2);
  }
  const started = performance.now();
  const figures = await benchmark.run();
  const machine = { node: process.version, cpus: (await import('node:os')).cpus().length };
  console.log(JSON.stringify({ benchmark: name, machine, seconds: Math.round((performance.now() - started) / 100) / 10, figures }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
