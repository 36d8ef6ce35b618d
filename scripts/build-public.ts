/**
 * `npm run build:public`: the read-only public site in dist-public/.
 *
 *   npm run build:public [-- --datasets demo,dep-62] [--threshold 11] [--theme theme.json]
 *
 * Every dataset of public/data (or those listed) is published with statistical secrecy (no count
 * of people below the threshold, none recoverable by differencing), then the app is built in its
 * public mode, which offers nothing to edit, import or save. The theme (the publisher's name,
 * logo, colours, font and legal notice; README) goes to theme/ beside the data.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import type { DatasetEntry } from '../src/domain/model.ts';
import { DEFAULT_SECRECY_THRESHOLD } from '../src/domain/secrecy.ts';
import { publishDataset } from './public/publish.ts';
import { stageTheme } from './public/theme.ts';
import { writeManifest } from './lib/write-dataset.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    datasets: { type: 'string' },
    threshold: { type: 'string', default: String(DEFAULT_SECRECY_THRESHOLD) },
    theme: { type: 'string' },
  },
});
const threshold = Number(values.threshold);
if (!Number.isInteger(threshold) || threshold < 1) {
  throw new Error(`--threshold doit être un entier positif (reçu : ${values.threshold})`);
}

const source = join(root, 'public', 'data');
const stage = join(root, '.public-build');
const manifest = JSON.parse(readFileSync(join(source, 'datasets.json'), 'utf8')) as DatasetEntry[];
const wanted = values.datasets ? new Set(values.datasets.split(',')) : null;
const entries = manifest.filter((e) => !wanted || wanted.has(e.id));
if (entries.length === 0) throw new Error('Aucun jeu de données à publier (npm run data ?)');

rmSync(stage, { recursive: true, force: true });
for (const entry of entries) {
  const dir = join(source, entry.path);
  const artefacts = new Map(
    readdirSync(dir)
      .filter((f) => !f.endsWith('.report.json'))
      .map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]),
  );
  const { files, report } = await publishDataset(artefacts, threshold);
  const out = join(stage, 'data', entry.path);
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
  for (const r of report) {
    console.log(
      `${entry.id} · ${r.indicator} : ${r.cells} cases, ${r.primary} masquées (< ${threshold}), ${r.secondary} masquées en secret secondaire, ${r.structuralZeros} zéros publiés (territoires sans habitant)`,
    );
  }
}
writeManifest(join(stage, 'data'));
const theme = stageTheme(values.theme ? resolve(values.theme) : null, join(stage, 'theme'));
console.log(`Thème : ${theme.name}${values.theme ? ` (${values.theme})` : ' (par défaut)'}`);
// The static files of public/ (favicon, robots.txt) are the site's own; public/data is replaced
// by the published datasets above.
for (const extra of existsSync(join(root, 'public')) ? readdirSync(join(root, 'public')) : []) {
  if (extra !== 'data')
    cpSync(join(root, 'public', extra), join(stage, extra), { recursive: true });
}

await build({ root, mode: 'public', logLevel: 'warn' });
console.log(`Version publique : ${join(root, 'dist-public')}`);
