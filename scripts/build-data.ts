/**
 * `npm run data`: builds the datasets the app loads, into public/data/.
 *
 *   npm run data                                        the demo territory (generated, fictional)
 *   npm run data -- --departement 62 --from DIR         a real département from official files
 *   npm run data -- --departement 62 --download         the same files, fetched from their
 *        [--cache DIR] [--mirror URL]                   publishers (data/sources.md)
 *
 * Options of a real département: --pti FILE (PTI territories), --caf FILE (CAF RSA households by
 * commune), --offre FILE (offer in the template format, repeatable), --data-inclusion FILE
 * (repeatable), --contours FILE, --out DIR, --roads FILE.osm.pbf (car times on the OpenStreetMap
 * road network, scripts/roads/), --gtfs FILE.zip (times without a car from GTFS timetables,
 * repeatable, with --gtfs-date and --gtfs-window, scripts/gtfs/).
 *
 *   npm run data -- roads --roads FILE.osm.pbf --points POINTS.csv [--times OUT.csv]
 *        the road step alone, between the points of a CSV (code,lon,lat)
 * The demo is rebuilt on every start and build; it takes a few seconds and gives the same bytes
 * every time. Its road network and its GTFS feed are written to .cache/demo/ and read back through
 * the same road and GTFS steps as a real département's.
 */
import { messageOf } from '../src/domain/errors.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoWithNetworks } from './demo/with-networks.ts';
import { DEFAULT_WINDOW, TRANSIT_MAX_MINUTES, transitStep } from './gtfs/transit-step.ts';
import { firstFiguresStep } from './lib/first-figures-step.ts';
import { addNetworkTimes } from './lib/network-times.ts';
import { encodeTables, writeDataset } from './lib/write-dataset.ts';
import { buildDepartement } from './opendata/build-departement.ts';
import { downloadInputs } from './opendata/download.ts';
import { DATA_INCLUSION_API, downloadDataInclusion } from './opendata/download-data-inclusion.ts';
import { writeBuild } from './opendata/write-build.ts';
import { roadStep, roadStepSummary } from './roads/road-step.ts';
import { readPoints, writeTimesCsv } from './roads/points.ts';

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
  'data-inclusion': { type: 'string', multiple: true },
  'data-inclusion-api': { type: 'string' },
  contours: { type: 'string' },
  gtfs: { type: 'string', multiple: true },
  'gtfs-date': { type: 'string' },
  'gtfs-window': { type: 'string' },
  roads: { type: 'string' },
  points: { type: 'string' },
  times: { type: 'string' },
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
  '  --data-inclusion FICHIER  services et structures data·inclusion (schéma v1 en JSON — tableau ou',
  '                           page d’API {"items": […]} —, ou export aplati CSV) ; répétable. Avec',
  '                           --download et la variable DATA_INCLUSION_TOKEN, ceux du département',
  '                           sont téléchargés depuis l’API (GET /structures et /services,',
  '                           code_departement=NN, toutes les pages)',
  '  --data-inclusion-api URL adresse de l’API data·inclusion (défaut ' + DATA_INCLUSION_API + ')',
  '  --contours FICHIER       contours des communes : GeoJSON en WGS84 ou en Lambert-93 (EPSG:2154)',
  '  --roads FICHIER          extrait OpenStreetMap (.osm.pbf) : temps en voiture sur le réseau routier',
  '                           entre chefs-lieux (profil voiture d’OSRM), le modèle « voiture » du jeu',
  '  --gtfs FICHIER.zip       horaires des transports publics au format GTFS (transport.data.gouv.fr) ;',
  '                           répétable (bus, cars, TER) : temps sans voiture de commune à commune',
  '  --gtfs-date AAAA-MM-JJ   jour des horaires (défaut : le premier mardi de la période de validité',
  '                           commune aux flux ; un flux qui ne couvre pas ce jour est refusé)',
  `  --gtfs-window HH:MM-HH:MM plage des départs (défaut ${DEFAULT_WINDOW}) : le temps est celui du`,
  `                           trajet le plus rapide partant dans la plage, jusqu’à ${TRANSIT_MAX_MINUTES} min`,
  '  --out DOSSIER            dossier des jeux de données (défaut public/data)',
  '  --help, -h               cette aide',
  '',
  'npm run data -- roads --roads FICHIER.osm.pbf --points POINTS.csv [--times TEMPS.csv]',
  '                           l’étape routière seule, entre les points d’un CSV (code,lon,lat) ;',
  '                           écrit les temps (origin,destination,minutes) dans TEMPS.csv',
  '',
  'Un fichier dont aucune ligne n’est retenue arrête la construction sans rien écrire.',
].join('\n');

/** The options, or the usage with the one line that says what is wrong (exit code 2). */
function readOptions() {
  try {
    const { values, positionals } = parseArgs({
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    });
    const extra = positionals.find((p, i) => i > 0 || p !== 'roads');
    if (extra !== undefined)
      throw Object.assign(new Error(`'${extra}'`), {
        code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
      });
    return { ...values, roadsOnly: positionals[0] === 'roads' };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const text = messageOf(e);
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

const gtfsOptions = (feeds: string[]) => ({
  feeds,
  date: values['gtfs-date'],
  window: values['gtfs-window'],
  log: (m: string) => console.log(m),
});

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
  if (values.roadsOnly) {
    if (!values.roads || !values.points)
      throw new Error('Indiquez l’extrait et les points : roads --roads FICHIER --points FICHIER');
    const points = readPoints(resolve(values.points));
    const { times, stats } = await roadStep(resolve(values.roads), points);
    console.log(roadStepSummary(stats));
    if (values.times) {
      writeTimesCsv(resolve(values.times), times.rows);
      console.log(`${times.rows.origin.length} paires → ${resolve(values.times)}`);
    }
    return;
  }
  if ((values.roads || values.gtfs) && !values.departement)
    throw new Error(
      '--roads et --gtfs construisent un département (--departement) ; la démo a ses réseaux.',
    );
  if (!values.departement) {
    if (values.from || values.download)
      throw new Error('Précisez le département : --departement 62');
    const { bundle, files, timings, roadStats } = await buildDemoWithNetworks({
      gtfs: gtfsOptions([]),
    });
    console.log(roadStepSummary(roadStats));
    const tables = encodeTables(bundle);
    await firstFiguresStep(bundle, files, tables);
    const dir = writeDataset(bundle, dataDir, files, tables);
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
    const token = process.env.DATA_INCLUSION_TOKEN;
    if (token) {
      await downloadDataInclusion({
        dep,
        token,
        cacheDir: from,
        baseUrl: values['data-inclusion-api'],
        log: (m) => console.log(m),
      });
    } else {
      console.log(
        'data·inclusion : DATA_INCLUSION_TOKEN absent, structures et services non téléchargés',
      );
    }
  }

  if (!from) throw new Error('Indiquez les fichiers sources : --from DOSSIER, ou --download');
  const result = buildDepartement({
    dep,
    from,
    pti: values.pti && resolve(values.pti),
    caf: values.caf && resolve(values.caf),
    offers: (values.offre ?? []).map((f) => resolve(f)),
    dataInclusion: (values['data-inclusion'] ?? []).map((f) => resolve(f)),
    contours: values.contours && resolve(values.contours),
    log: (m) => console.log(m),
  });
  if (values.roads) {
    const { times, stats } = await roadStep(resolve(values.roads), result.bundle.communes);
    console.log(roadStepSummary(stats));
    addNetworkTimes(result.bundle, result.files, times);
  }
  if (values.gtfs) {
    const transit = transitStep(
      result.bundle.communes,
      gtfsOptions(values.gtfs.map((f) => resolve(f))),
    );
    addNetworkTimes(result.bundle, result.files, transit.times);
    Object.assign(result.timings, transit.timings);
  }
  const tables = encodeTables(result.bundle);
  await firstFiguresStep(result.bundle, result.files, tables);
  const dir = writeBuild(result, dataDir, tables);
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
  console.error(`Erreur : ${messageOf(e)}`);
  process.exit(1);
});
