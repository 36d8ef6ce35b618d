/**
 * Step "sites" (sites.arrow): the offer of the département, read from every offer input found:
 * France Services, France Travail agencies, SIAE, data·inclusion services (with their
 * structures), and the département's own files in the template format (`offre/` and --offre).
 * Each input cites its own source and gets its validation report.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  parseOffer,
  readDataInclusionStructures,
  type OfferContext,
} from '../../../src/domain/import/offer.ts';
import { pointLocator, polygonDistance } from '../../../src/domain/import/point-locator.ts';
import { GridIndex, greatCircleKm } from '../../../src/domain/travel/geo.ts';
import type { Commune, Site } from '../../../src/domain/model.ts';
import { polygonsBbox, type Bbox } from '../../lib/bbox.ts';
import { findFile, millesimeOfFileName, readTableFile } from '../files.ts';
import { sourceFor, SOURCES } from '../sources.ts';
import type { Communes } from './communes.ts';
import type { BuildContext } from './context.ts';
import type { CommunePolygons } from './polygons.ts';

/** One offer file to read. */
export interface OfferInput {
  file: string;
  /** Its source in scripts/opendata/sources.ts. */
  key: 'franceServices' | 'franceTravail' | 'siae' | 'dataInclusion' | 'offerTemplate';
  /** Prefix of the site ids and of the source id; the input id of its report. */
  prefix: string;
  label: string;
  /** data·inclusion: the structures file the services refer to. */
  structuresFile?: string | null;
}

/** Every offer input of the folder and of the options, in reading order. */
export function offerInputs(ctx: BuildContext): OfferInput[] {
  const { dep, from } = ctx;
  const inputs: OfferInput[] = [];
  const fsFile = findFile(from, 'accueil', /france-services.*\.csv$/i);
  if (fsFile)
    inputs.push({
      file: fsFile,
      key: 'franceServices',
      prefix: 'fs',
      label: 'France Services (ANCT)',
    });
  const ftFile = findFile(from, 'accueil', /(pole_emploi|france_travail).*agences.*\.csv$/i);
  if (ftFile)
    inputs.push({
      file: ftFile,
      key: 'franceTravail',
      prefix: 'ft',
      label: 'Agences France Travail',
    });
  const siaeFile = findFile(from, 'siae', /siae_liste.*\.csv$/i);
  if (siaeFile)
    inputs.push({
      file: siaeFile,
      key: 'siae',
      prefix: 'siae',
      label: 'SIAE conventionnées (ASP)',
    });
  const given = dataInclusionFiles(ctx.options.dataInclusion ?? []);
  const foundStructures = findFile(
    from,
    'data-inclusion',
    new RegExp(`^structures-${dep}.*\\.(json|csv)$`, 'i'),
  );
  const diServices = given.services.length
    ? given.services
    : [findFile(from, 'data-inclusion', new RegExp(`^services-${dep}.*\\.(json|csv)$`, 'i'))];
  diServices.forEach((file, i) => {
    if (file)
      inputs.push({
        file,
        key: 'dataInclusion',
        prefix: i === 0 ? 'di' : `di${i + 1}`,
        label: 'data·inclusion',
        structuresFile: given.structures[0] ?? foundStructures,
      });
  });
  const templates = [...(ctx.options.offers ?? []), ...listOfferTemplates(from)];
  templates.forEach((f, i) =>
    inputs.push({
      file: f,
      key: 'offerTemplate',
      prefix: `offre${i + 1}`,
      label: `Offre locale (${basename(f)})`,
    }),
  );
  return inputs;
}

/**
 * The data·inclusion files given on the command line, told apart by their columns: a services
 * file refers to its structure (`structure_id`, or « Structure ID » in the flattened export).
 */
export function dataInclusionFiles(files: readonly string[]): {
  services: string[];
  structures: string[];
} {
  const out = { services: [] as string[], structures: [] as string[] };
  for (const f of files) {
    const header = readTableFile(f).header.map((h) => h.trim());
    const isServices = header.includes('structure_id') || header.includes('Structure ID');
    (isServices ? out.services : out.structures).push(f);
  }
  if (files.length > 0 && out.services.length === 0)
    throw new Error(
      `--data-inclusion : aucun fichier de services parmi ${files.map((f) => basename(f)).join(', ')} (colonne structure_id attendue).`,
    );
  return out;
}

export function sitesStep(
  ctx: BuildContext,
  { communes, index }: Communes,
  contours: CommunePolygons,
  inputs: readonly OfferInput[] = offerInputs(ctx),
): Site[] {
  const polygons = [...contours.polygons].map(([code, geometry]) => ({ code, geometry }));
  const communeAt = pointLocator(polygons);
  const distanceKm = polygonDistance(polygons);
  const bbox = bboxOf(communes, contours.polygons.values());
  const nearBorder = nearCommunes(communes, BORDER_MARGIN_KM);
  const sites: Site[] = [];
  for (const { file, key, prefix, label, structuresFile } of inputs) {
    const src = sourceFor(key, {
      id: `${SOURCES[key].id}-${prefix}`,
      millesime: millesimeOfFileName(file) || 'non précisé',
      note: [SOURCES[key].note, `Fichier ${basename(file)}.`].filter(Boolean).join(' '),
    });
    const ctxOffer: OfferContext = {
      ...(key === 'franceServices' ? { nearBorder } : {}),
      dep: ctx.dep,
      communes: index,
      bbox,
      communeAt,
      distanceKm,
      sourceId: src.id,
      idPrefix: prefix,
      inputId: prefix,
      label,
    };
    const structures = structuresFile
      ? readDataInclusionStructures(readTableFile(structuresFile))
      : new Map();
    const r = parseOffer(readTableFile(file), ctxOffer, structures);
    // A national list may have no site in the département; a file of the département's own may not.
    ctx.accept(r.report, { setAsideIsEmpty: key !== 'offerTemplate' });
    ctx.use(src);
    for (const s of r.sites) sites.push(s);
    ctx.log(`${label} : ${r.sites.length} site(s)`);
  }
  return sites;
}

/**
 * France Services of neighbouring départements are kept within this distance of a commune's
 * chef-lieu: 40 km take at least 36 min at the car model's fastest pace (0.9 min per km), beyond
 * the 30-minute threshold the app opens on, so no nearest site within it is missed.
 */
export const BORDER_MARGIN_KM = 40;

/** Whether a point lies within `km` of the reference point of one of the communes. */
export function nearCommunes(
  communes: readonly Commune[],
  km: number,
): (lon: number, lat: number) => boolean {
  const grid = new GridIndex(
    Float64Array.from(communes, (c) => c.lon),
    Float64Array.from(communes, (c) => c.lat),
  );
  return (lon, lat) => {
    let found = false;
    grid.forEachNear(lon, lat, km, (i) => {
      const c = communes[i] as Commune;
      if (!found && greatCircleKm(lon, lat, c.lon, c.lat) <= km) found = true;
    });
    return found;
  };
}

/** Every CSV in the `offre/` folder: the département's own offer files, in the template format. */
function listOfferTemplates(dir: string): string[] {
  const folder = join(dir, 'offre');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => /\.csv$/i.test(n))
    .sort()
    .map((n) => join(folder, n));
}

function bboxOf(communes: Commune[], polygons: Iterable<Polygon | MultiPolygon>): Bbox {
  const b = polygonsBbox(polygons);
  if (!Number.isFinite(b[0]))
    for (const c of communes)
      [b[0], b[1], b[2], b[3]] = [
        Math.min(b[0], c.lon),
        Math.min(b[1], c.lat),
        Math.max(b[2], c.lon),
        Math.max(b[3], c.lat),
      ];
  return b;
}
