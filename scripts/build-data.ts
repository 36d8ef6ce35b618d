/**
 * `npm run data`: builds the datasets the app loads, into public/data/.
 *
 *   npm run data                      the demo territory (generated, fictional)
 *
 * The demo is rebuilt on every start and build; it takes a few seconds and gives the same bytes
 * every time.
 */
import { resolve } from 'node:path';
import { generateDemo } from './demo/generate.ts';
import { writeDataset } from './lib/write-dataset.ts';

const DATA_DIR = resolve(import.meta.dirname, '..', 'public', 'data');

const started = performance.now();
const bundle = generateDemo();
const dir = writeDataset(bundle, DATA_DIR);
console.log(
  `Démo : ${bundle.communes.length} communes, ${bundle.sites.length} sites → ${dir} (${Math.round(performance.now() - started)} ms)`,
);
