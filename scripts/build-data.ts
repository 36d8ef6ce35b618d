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

const OPTIONS = {
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
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const USAGE = [
  'Usage : npm run data [-- options]',
  '',
  '  (sans option)            la démo, territoire fictif généré',
  '  --departement NN         un département réel (62, 2A, 974), à partir de :',
  '  --from DOSSIER             fichiers officiels rangés comme le dossier open data (data/sources.md)',
  '  --download                 ou téléchargés chez leurs producteurs',
  '  --cache DOSSIER            cache des téléchargements (défaut .cache/opendata)',
  '  --mirror URL               miroir des fichiers à télécharger',
  '  --pti FICHIER            territoires du PTI : CSV ou JSON, une ligne par commune (code INSEE ou nom)',
  '                           ou par EPCI (SIREN ou nom), avec le nom du territoire (colonne « territoire ») ;',
  '                           ou GeoJSON de polygones (WGS84 ou Lambert-93), un objet par territoire',
  '                           (propriété « territoire » ou « nom »), chaque commune dans celui de son chef-lieu',
  '  --caf FICHIER            foyers allocataires du RSA par commune : CSV data.caf.fr (numcomdo,',
  '                           indfoy_rsa, dtreffre) ou ancien RSACom (Codes_Insee, NB_allocataire_RSA)',
  '  --offre FICHIER          offre locale au modèle du projet (data/modele-offre.csv), CSV ou JSON ;',
  '                           répétable',
  '  --contours FICHIER       contours des communes : GeoJSON en WGS84 ou en Lambert-93 (EPSG:2154)',
  '  --out DOSSIER            dossier des jeux de données (défaut public/data)',
  '  --help, -h               cette aide',
  '',
  'Un fichier dont aucune ligne n’est retenue arrête la construction sans rien écrire.',
].join('\n');

/** The options, or the usage with the one line that says what is wrong (exit code 2). */
function readOptions() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const text = e instanceof Error ? e.message : String(e);
    const name = /'(--?[^' <,]+)/.exec(text)?.[1] ?? /'([^']+)'/.exec(text)?.[1] ?? text;
    const line =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `Option inconnue : ${name}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `Valeur manquante ou invalide : ${name}`
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `Argument inattendu : ${name}`
            : `Options illisibles : ${text}`;
    console.error(`${line}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = readOptions();

const stepTimes = (timings: Record<string, number>) =>
  Object.entries(timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
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
