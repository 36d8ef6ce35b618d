/**
 * Builds the dataset of one real département from official open-data files laid out like the
 * open-data folder (data/sources.md lists the files and where each comes from). Each input kind
 * has its module; the parsing and validation are those of src/domain/import, which the browser
 * runs too. Every input gets a validation report, written next to the dataset.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { densityLevel } from '../../src/domain/density.ts';
import {
  composePassages,
  parsePopulation,
  readPassageTable,
  type CodeChange,
} from '../../src/domain/import/cog-history.ts';
import { CommuneIndex } from '../../src/domain/import/commune-index.ts';
import {
  NEED_IDS,
  parseCafRsa,
  parseFilosofi,
  parseJobSeekers,
  type NeedContext,
} from '../../src/domain/import/needs.ts';
import {
  parseOffer,
  readDataInclusionStructures,
  type OfferContext,
} from '../../src/domain/import/offer.ts';
import { pointLocator } from '../../src/domain/import/point-locator.ts';
import { parsePtiTerritories } from '../../src/domain/import/pti-territories.ts';
import type { ValidationReport } from '../../src/domain/import/report.ts';
import type {
  Commune,
  Membership,
  NeedIndicator,
  NeedValue,
  Scheme,
  Site,
  Source,
  Territory,
} from '../../src/domain/model.ts';
import { COG_YEAR, loadCog } from './cog.ts';
import { areaKm2, harmoniseContours, referencePoint } from './contours.ts';
import { findFile, millesimeOfFileName, readJsonFile, readTableFile } from './files.ts';
import { sourceFor, SOURCES } from './sources.ts';
import {
  contourZoningSchemes,
  epciScheme,
  inseeZoningSchemes,
  type SchemeBuild,
} from './zonings.ts';

export interface BuildOptions {
  /** Département code: "62", "2A", "974". */
  dep: string;
  /** Folder laid out like the open-data folder. */
  from: string;
  /** Explicit files, taking precedence over what `from` holds. */
  contours?: string;
  pti?: string;
  caf?: string;
  offers?: string[];
  log?: (message: string) => void;
}

export interface BuildResult {
  bundle: DatasetBundle;
  reports: ValidationReport[];
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

export const datasetIdOf = (dep: string) => `dep-${dep.toLowerCase()}`;

export function buildDepartement(o: BuildOptions): BuildResult {
  const dep = o.dep.toUpperCase().padStart(2, '0');
  const log = o.log ?? (() => {});
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t0);
    t0 = now;
  };
  const reports: ValidationReport[] = [];
  const sources = new Map<string, Source>();
  const use = (s: Source) => (sources.set(s.id, s), s.id);

  // --- COG, passage table ------------------------------------------------------------------
  const cog = loadCog(dep);
  use(SOURCES.cog);
  const passageFile = findFile(o.from, 'territoires', /passage.*\.csv$/i);
  let passages = new Map<string, CodeChange>();
  if (passageFile) {
    passages = composePassages(readPassageTable(readTableFile(passageFile)), COG_YEAR);
    use(SOURCES.passage);
  }
  let index = new CommuneIndex(cog.communes, cog.formers);
  step('cog');

  // --- contours ----------------------------------------------------------------------------
  const contourFile =
    o.contours ??
    findFile(o.from, 'contours/georef-2024', new RegExp(`^communes-${dep}\\.geojson$`, 'i')) ??
    findFile(
      o.from,
      'contours/france-geojson-2018',
      new RegExp(`^communes-${dep}-.*\\.geojson$`, 'i'),
    ) ??
    findFile(o.from, 'contours', new RegExp(`^communes-${dep}.*\\.geojson$`, 'i'));
  if (!contourFile) {
    throw new Error(
      `Aucun fichier de contours des communes pour le ${dep} dans ${o.from} (voir data/sources.md).`,
    );
  }
  const fc = readJsonFile<FeatureCollection>(contourFile);
  const probe = harmoniseContours(fc, basename(contourFile), dep, index, passages, 'contours');
  const contourSource =
    probe.flavour === 'georef'
      ? sourceFor('contoursGeoref', { millesime: probe.year ?? SOURCES.contoursGeoref.millesime })
      : sourceFor('contoursCodeNom', {
          millesime: /20\d{2}/.exec(contourFile)?.[0] ?? 'non précisé',
          note: `Fichier ${basename(contourFile)} ; codes ramenés au COG ${COG_YEAR}.`,
        });
  use(contourSource);
  const contours = { ...probe, report: { ...probe.report, sourceId: contourSource.id } };
  reports.push(contours.report);
  const missing = cog.communes.filter((c) => !contours.polygons.has(c.code));
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} commune(s) du COG ${COG_YEAR} sans contour dans ${basename(contourFile)} : ` +
        `${missing
          .slice(0, 20)
          .map((c) => `${c.code} ${c.name}`)
          .join(', ')}${missing.length > 20 ? '…' : ''}. ` +
        'Fournissez des contours du même millésime ou la table de passage des codes (territoires/).',
    );
  }
  log(
    `Contours : ${contours.polygons.size} communes (${contours.report.remaps.length} code(s) ramené(s) au COG ${COG_YEAR})`,
  );
  step('contours');

  // --- population, reference points, communes ----------------------------------------------
  const codes = cog.communes.map((c) => c.code);
  const popFile = findFile(o.from, 'population', /^insee_pop.*\.csv$/i);
  let population: Map<string, number>;
  let populationSourceId: string;
  if (popFile) {
    const r = parsePopulation(readTableFile(popFile), dep, new Set(codes), {
      inputId: 'population',
      label: 'Population municipale (INSEE)',
      sourceId: SOURCES.population.id,
    });
    population = r.population;
    reports.push(r.report);
    populationSourceId = use(SOURCES.population);
  } else {
    population = new Map(cog.communes.map((c) => [c.code, c.population ?? 0]));
    populationSourceId = use(SOURCES.cogPopulation);
  }
  const chefLieuFile = findFile(o.from, 'population', /chefs?_?lieux.*\.csv$/i);
  const chefsLieux = new Map<string, [number, number]>();
  if (chefLieuFile) {
    const t = readTableFile(chefLieuFile);
    const [ci, xi, yi] = ['geo_code', 'lon', 'lat'].map((n) => t.header.indexOf(n)) as [
      number,
      number,
      number,
    ];
    for (const r of t.records) {
      if ((r.cells[ci] ?? '').startsWith(dep))
        chefsLieux.set(r.cells[ci] as string, [Number(r.cells[xi]), Number(r.cells[yi])]);
    }
    use(SOURCES.chefsLieux);
  }
  const communes: Commune[] = cog.communes.map((c) => {
    const g = contours.polygons.get(c.code)!;
    const [lon, lat] = referencePoint(
      g,
      chefsLieux.get(c.code) ?? contours.zonings.get(c.code)?.point,
    );
    const pop = population.get(c.code) ?? 0;
    const a = areaKm2(g);
    return {
      code: c.code,
      name: c.name,
      population: pop,
      lon,
      lat,
      areaKm2: a,
      density: densityLevel(pop, a),
    };
  });
  const withoutPop = codes.filter((c) => !population.has(c));
  if (withoutPop.length > 0)
    log(`Attention : ${withoutPop.length} commune(s) sans population (${withoutPop.join(', ')})`);
  // The index again, now with the reference points (sites without coordinates go there).
  const point = new Map(communes.map((c) => [c.code, c]));
  index = new CommuneIndex(
    cog.communes.map((c) => ({ ...c, lon: point.get(c.code)?.lon, lat: point.get(c.code)?.lat })),
    cog.formers,
  );
  step('communes');

  // --- territory schemes -------------------------------------------------------------------
  const schemes: SchemeBuild[] = [epciScheme(cog.epcis, codes, SOURCES.cog.id)];
  const zoningFile = findFile(o.from, 'territoires', /appartenance.*\.csv$/i);
  if (zoningFile) {
    const labelsFile = findFile(o.from, 'territoires', /libelles_zonages.*\.csv$/i);
    const z = inseeZoningSchemes(
      readTableFile(zoningFile),
      labelsFile ? readTableFile(labelsFile) : null,
      dep,
      codes,
      use(SOURCES.zonings),
    );
    schemes.push(...z.schemes);
    reports.push(z.report);
  } else if (contours.flavour === 'georef') {
    schemes.push(...contourZoningSchemes(contours.zonings, codes, contourSource.id));
  }
  const ptiFile = o.pti ?? findFile(o.from, 'territoires', new RegExp(`^pti-${dep}.*\\.csv$`, 'i'));
  if (ptiFile) {
    const src = use(
      sourceFor('pti', {
        title: `Territoires du PTI (${basename(ptiFile)})`,
        millesime: millesimeOfFileName(ptiFile) || 'non précisé',
      }),
    );
    const r = parsePtiTerritories(readTableFile(ptiFile), {
      dep,
      communes: index,
      epcis: cog.epcis,
      schemeId: 'pti',
      sourceId: src,
      inputId: 'pti',
      label: 'Territoires du PTI',
    });
    reports.push(r.report);
    if (r.territories.length > 0) {
      schemes.push({
        scheme: { id: 'pti', label: 'Territoires PTI', unitLabel: 'territoire', sourceId: src },
        territories: r.territories,
        memberships: r.memberships,
      });
    }
  }
  step('territoires');

  // --- needs -------------------------------------------------------------------------------
  const needs: NeedValue[] = [];
  const needIndicators: NeedIndicator[] = [];
  const needCtx = (sourceId: string, inputId: string, label: string): NeedContext => ({
    dep,
    communes: index,
    sourceId,
    inputId,
    label,
  });
  const cafFile = o.caf ?? findFile(o.from, 'besoins', /caf|rsa/i);
  if (cafFile) {
    const r = parseCafRsa(
      readTableFile(cafFile),
      needCtx(SOURCES.caf.id, 'caf-rsa', 'Foyers allocataires du RSA (CAF)'),
      Number(/20\d{2}/.exec(basename(cafFile))?.[0]) || null,
    );
    use(
      sourceFor('caf', {
        millesime: r.year ? `décembre ${r.year}` : 'non précisé',
        note: `${SOURCES.caf.note} Fichier ${basename(cafFile)}.`,
      }),
    );
    reports.push(r.report);
    needs.push(...r.needs);
    needIndicators.push({
      id: NEED_IDS.rsa,
      label: 'Foyers allocataires du RSA',
      unit: 'foyers',
      sourceId: SOURCES.caf.id,
    });
  }
  const jobFile =
    findFile(o.from, 'population', /demandeurs_emploi.*\.json$/i) ??
    findFile(o.from, 'besoins', /demandeurs_emploi/i);
  if (jobFile) {
    const r = parseJobSeekers(
      readTableFile(jobFile),
      needCtx(SOURCES.jobSeekers.id, 'demandeurs-emploi', 'Demandeurs d’emploi par commune'),
      2025,
    );
    use(SOURCES.jobSeekers);
    reports.push(r.report);
    needs.push(...r.needs);
    needIndicators.push({
      id: NEED_IDS.jobSeekers,
      label: 'Demandeurs d’emploi',
      unit: 'personnes',
      sourceId: SOURCES.jobSeekers.id,
    });
  }
  const filoFile = findFile(o.from, 'besoins', /filosofi/i);
  if (filoFile) {
    const year = Number(/filosofi(20\d{2})/i.exec(basename(filoFile))?.[1] ?? 2016);
    const src = use(
      sourceFor('filosofi', {
        id: `insee-filosofi-${year}`,
        millesime: String(year),
        title: SOURCES.filosofi.title.replace('2016', String(year)),
      }),
    );
    const r = parseFilosofi(
      readTableFile(filoFile),
      needCtx(src, 'filosofi', `Ménages pauvres (Filosofi ${year})`),
      year,
    );
    reports.push(r.report);
    needs.push(...r.needs);
    needIndicators.push({
      id: NEED_IDS.poorHouseholds,
      label: 'Ménages sous le seuil de pauvreté (estimation)',
      unit: 'ménages',
      sourceId: src,
    });
  }
  step('besoins');

  // --- offer -------------------------------------------------------------------------------
  const polygons = [...contours.polygons].map(([code, geometry]) => ({ code, geometry }));
  const communeAt = pointLocator(polygons);
  const bbox = bboxOf(communes, polygons);
  const sites: Site[] = [];
  const offer = (
    file: string,
    key: 'franceServices' | 'franceTravail' | 'siae' | 'dataInclusion' | 'offerTemplate',
    prefix: string,
    label: string,
    structuresFile?: string | null,
  ) => {
    const src = sourceFor(key, {
      id: `${SOURCES[key].id}-${prefix}`,
      millesime: millesimeOfFileName(file) || 'non précisé',
      note: [SOURCES[key].note, `Fichier ${basename(file)}.`].filter(Boolean).join(' '),
    });
    const ctx: OfferContext = {
      dep,
      communes: index,
      bbox,
      communeAt,
      sourceId: src.id,
      idPrefix: prefix,
      inputId: prefix,
      label,
    };
    const structures = structuresFile
      ? readDataInclusionStructures(readTableFile(structuresFile))
      : new Map();
    const r = parseOffer(readTableFile(file), ctx, structures);
    use(src);
    reports.push(r.report);
    sites.push(...r.sites);
    log(`${label} : ${r.sites.length} site(s)`);
  };
  const fsFile = findFile(o.from, 'accueil', /france-services.*\.csv$/i);
  if (fsFile) offer(fsFile, 'franceServices', 'fs', 'France Services (ANCT)');
  const ftFile = findFile(o.from, 'accueil', /(pole_emploi|france_travail).*agences.*\.csv$/i);
  if (ftFile) offer(ftFile, 'franceTravail', 'ft', 'Agences France Travail');
  const siaeFile = findFile(o.from, 'siae', /siae_liste.*\.csv$/i);
  if (siaeFile) offer(siaeFile, 'siae', 'siae', 'SIAE conventionnées (ASP)');
  const diServices = findFile(
    o.from,
    'data-inclusion',
    new RegExp(`^services-${dep}.*\\.(json|csv)$`, 'i'),
  );
  if (diServices)
    offer(
      diServices,
      'dataInclusion',
      'di',
      'data·inclusion',
      findFile(o.from, 'data-inclusion', new RegExp(`^structures-${dep}.*\\.(json|csv)$`, 'i')),
    );
  const templates = [...(o.offers ?? []), ...listOfferTemplates(o.from)];
  templates.forEach((f, i) =>
    offer(f, 'offerTemplate', `offre${i + 1}`, `Offre locale (${basename(f)})`),
  );
  step('offre');

  const name = cog.name;
  const defaultNeed =
    [NEED_IDS.rsa, NEED_IDS.jobSeekers, NEED_IDS.poorHouseholds].find((id) =>
      needIndicators.some((n) => n.id === id),
    ) ?? '';
  const territories: Territory[] = schemes.flatMap((s) => s.territories);
  const memberships: Membership[] = schemes.flatMap((s) => s.memberships);
  const schemeList: Scheme[] = schemes.map((s) => s.scheme);
  const bundle: DatasetBundle = {
    meta: {
      id: datasetIdOf(dep),
      name: `${name} (${dep})`,
      departement: { code: dep, name },
      fictional: false,
      schemes: schemeList,
      needIndicators,
      defaultNeed,
      populationSourceId,
      sources: [...sources.values()],
      reports: 'reports.json',
    },
    communes,
    polygons: contours.polygons,
    territories,
    memberships,
    sites,
    needs,
    barriers: [],
  };
  step('assemblage');
  return { bundle, reports, timings };
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

function bboxOf(
  communes: Commune[],
  polygons: { geometry: import('geojson').Polygon | import('geojson').MultiPolygon }[],
): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { geometry } of polygons) {
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    for (const ring of rings)
      for (const [x, y] of ring) {
        if (x === undefined || y === undefined) continue;
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
  }
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
