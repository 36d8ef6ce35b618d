/**
 * Step "polygons" (communes.topo.json): the commune contours of the département, from the first
 * contour file found (georef 2024, then france-geojson 2018, then any), brought to the COG.
 * Stops the build when a commune of the COG has no contour.
 */
import { basename } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { toWgs84 } from '../../../src/domain/import/geojson-crs.ts';
import { FileRefused } from '../../../src/domain/import/refusal.ts';
import { COG_YEAR } from '../cog.ts';
import { harmoniseContours, type HarmonisedContours } from '../contours.ts';
import { findFile, readJsonFile } from '../files.ts';
import { sourceFor, SOURCES } from '../sources.ts';
import type { CommuneList } from './commune-list.ts';
import type { BuildContext } from './context.ts';

export interface CommunePolygons extends HarmonisedContours {
  /** Source of the contours (and of the zonings a georef file carries). */
  sourceId: string;
}

function contourFileOf(ctx: BuildContext): string {
  const { dep, from } = ctx;
  const file =
    ctx.options.contours ??
    findFile(from, 'contours/georef-2024', new RegExp(`^communes-${dep}\\.geojson$`, 'i')) ??
    findFile(
      from,
      'contours/france-geojson-2018',
      new RegExp(`^communes-${dep}-.*\\.geojson$`, 'i'),
    ) ??
    findFile(from, 'contours', new RegExp(`^communes-${dep}.*\\.geojson$`, 'i'));
  if (!file) {
    throw new Error(
      `Aucun fichier de contours des communes pour le ${dep} dans ${from} (voir data/sources.md).`,
    );
  }
  return file;
}

export function polygonsStep(ctx: BuildContext, list: CommuneList): CommunePolygons {
  const contourFile = contourFileOf(ctx);
  const fc = readJsonFile<FeatureCollection>(contourFile);
  // The coordinate system first: contours in metres read as degrees would exhaust the memory.
  let crsNote: string | null;
  try {
    crsNote = toWgs84(fc).note;
  } catch (e) {
    if (e instanceof FileRefused)
      throw new FileRefused(e.code, `« ${basename(contourFile)} » refusé : ${e.message}`);
    throw e;
  }
  const probe = harmoniseContours(
    fc,
    basename(contourFile),
    ctx.dep,
    list.index,
    list.passages,
    'contours',
  );
  const contourSource =
    probe.flavour === 'georef'
      ? sourceFor('contoursGeoref', { millesime: probe.year ?? SOURCES.contoursGeoref.millesime })
      : sourceFor('contoursCodeNom', {
          millesime: /20\d{2}/.exec(contourFile)?.[0] ?? 'non précisé',
          note: `Fichier ${basename(contourFile)} ; codes ramenés au COG ${COG_YEAR}.`,
        });
  ctx.use(contourSource);
  const notes = crsNote ? [crsNote, ...probe.report.notes] : probe.report.notes;
  const contours = { ...probe, report: { ...probe.report, sourceId: contourSource.id, notes } };
  ctx.accept(contours.report);
  const missing = list.cog.communes.filter((c) => !contours.polygons.has(c.code));
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
  ctx.log(
    `Contours : ${contours.polygons.size} communes (${contours.report.remaps.length} code(s) ramené(s) au COG ${COG_YEAR})`,
  );
  return { ...contours, sourceId: contourSource.id };
}
