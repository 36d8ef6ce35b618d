/**
 * `npm run data`: builds the datasets the app loads, into public/data/.
 *
 *   npm run data                                        the demo territory (generated, fictional)
 *   npm run data -- --departement 62 --from DIR         a real département from official files
 *   npm run data -- --departement 62 --download         the same files, fetched from their
 *        [--cache DIR] [--mirror URL]                   publishers (data/sources.md)
 *
 * Options of a real département: --pti FILE (PTI territories), --caf FILE (CAF RSA households by
 * commune), --offre FILE (offer in the template format, repeatable), --contours FILE, --out DIR.
 * The demo is rebuilt on every start and build; it takes a few seconds and gives the same bytes
 * every time.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemo } from './demo/generate.ts';
import { writeDataset } from './lib/write-dataset.ts';
import { buildDepartement } from './opendata/build-departement.ts';
import { downloadInputs } from './opendata/download.ts';
import { writeBuild } from './opendata/write-build.ts';

const DATA_DIR = resolve(import.meta.dirname, '..', 'public', 'data');

const { values } = parseArgs({
  options: {
    departement: { type: 'string' },
    from: { type: 'string' },
    download: { type: 'boolean', default: false },
    cache: { type: 'string' },
    mirror: { type: 'string' },
    out: { type: 'string' },
    pti: { type: 'string' },
    caf: { type: 'string' },
    offre: { type: 'string', multiple: true },
    contours: { type: 'string' },
  },
});

const stepTimes = (timings: Record<string, number>) =>
  Object.entries(timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

async function main(): Promise<void> {
  const dataDir = values.out ? resolve(values.out) : DATA_DIR;
  const started = performance.now();
  if (!values.departement) {
    if (values.from || values.download)
      throw new Error('Précisez le département : --departement 62');
    const { bundle, files, timings } = buildDemo();
    const dir = writeDataset(bundle, dataDir, files);
    console.log(
      `Démo : ${bundle.communes.length} communes, ${bundle.sites.length} sites → ${dir} ` +
        `(${Math.round(performance.now() - started)} ms : ${stepTimes(timings)})`,
    );
    return;
  }
  const dep = values.departement;
  let from = values.from ? resolve(values.from) : null;
  if (values.download) {
    from = await downloadInputs({
      dep,
      cacheDir: resolve(values.cache ?? resolve(import.meta.dirname, '..', '.cache', 'opendata')),
      mirror: values.mirror ?? null,
      log: (m) => console.log(m),
    });
  }
  if (!from) throw new Error('Indiquez les fichiers sources : --from DOSSIER, ou --download');
  const result = buildDepartement({
    dep,
    from,
    pti: values.pti && resolve(values.pti),
    caf: values.caf && resolve(values.caf),
    offers: (values.offre ?? []).map((f) => resolve(f)),
    contours: values.contours && resolve(values.contours),
    log: (m) => console.log(m),
  });
  const dir = writeBuild(result, dataDir);
  const { bundle, reports } = result;
  for (const r of reports) {
    console.log(
      `  ${r.label} (${r.fileName}) : ${r.rowsRead} lues, ${r.kept} gardées, ${r.repairedRows} réparées, ${r.rejectedRows} rejetées, ${r.ignoredRows} hors champ`,
    );
  }
  console.log(
    `${bundle.meta.name} : ${bundle.communes.length} communes, ${bundle.sites.length} sites, ` +
      `${bundle.meta.schemes.length} découpages → ${dir} ` +
      `(${Math.round(performance.now() - started)} ms : ${stepTimes(result.timings)})`,
  );
}

main().catch((e: unknown) => {
  console.error(`Erreur : ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
