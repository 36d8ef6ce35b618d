/**
 * Step "territories" (territories.arrow, memberships.arrow): the territory schemes of the
 * département, EPCI (from the COG), the INSEE zonings (bassins de vie, zones d'emploi; from
 * INSEE's membership table, else from a georef contour file) and the PTI territories when a file
 * gives them.
 */
import { basename } from 'node:path';
import { parsePtiTerritories } from '../../../src/domain/import/pti-territories.ts';
import { findFile, millesimeOfFileName, readTableFile } from '../files.ts';
import { sourceFor, SOURCES } from '../sources.ts';
import {
  contourZoningSchemes,
  epciScheme,
  inseeZoningSchemes,
  type SchemeBuild,
} from '../zonings.ts';
import type { CommuneList } from './commune-list.ts';
import type { Communes } from './communes.ts';
import type { BuildContext } from './context.ts';
import type { CommunePolygons } from './polygons.ts';

export function territoriesStep(
  ctx: BuildContext,
  list: CommuneList,
  contours: CommunePolygons,
  { index }: Communes,
): SchemeBuild[] {
  const { dep, from } = ctx;
  const schemes: SchemeBuild[] = [epciScheme(list.cog.epcis, list.codes, SOURCES.cog.id)];
  const zoningFile = findFile(from, 'territoires', /appartenance.*\.csv$/i);
  if (zoningFile) {
    const labelsFile = findFile(from, 'territoires', /libelles_zonages.*\.csv$/i);
    const z = inseeZoningSchemes(
      readTableFile(zoningFile),
      labelsFile ? readTableFile(labelsFile) : null,
      dep,
      list.codes,
      ctx.use(SOURCES.zonings),
    );
    schemes.push(...z.schemes);
    ctx.accept(z.report);
  } else if (contours.flavour === 'georef') {
    schemes.push(...contourZoningSchemes(contours.zonings, list.codes, contours.sourceId));
  }
  const ptiFile =
    ctx.options.pti ??
    findFile(from, 'territoires', new RegExp(`^pti-${dep}.*\\.(csv|json|geojson)$`, 'i'));
  if (ptiFile) {
    const src = ctx.use(
      sourceFor('pti', {
        title: `Territoires du PTI (${basename(ptiFile)})`,
        millesime: millesimeOfFileName(ptiFile) || 'non précisé',
      }),
    );
    const r = parsePtiTerritories(readTableFile(ptiFile), {
      dep,
      communes: index,
      epcis: list.cog.epcis,
      polygons: [...contours.polygons].flatMap(([code, geometry]) =>
        geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? [{ code, geometry }] : [],
      ),
      schemeId: 'pti',
      sourceId: src,
      inputId: 'pti',
      label: 'Territoires du PTI',
    });
    ctx.accept(r.report);
    if (r.territories.length > 0) {
      schemes.push({
        scheme: { id: 'pti', label: 'Territoires PTI', unitLabel: 'territoire', sourceId: src },
        territories: r.territories,
        memberships: r.memberships,
      });
    }
  }
  return schemes;
}
