/**
 * Commune geometry from the dataset's TopoJSON: polygons for the choropleth, and the outlines of
 * any scheme as the mesh of arcs between communes of different territories.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type CommuneFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

export interface CommuneGeometry {
  topology: Topology;
  features: CommuneFeature[];
  /** Outline of the whole département. */
  border: MultiLineString;
}

function communesObject(topology: Topology): GeometryCollection<{ name: string }> {
  const obj = topology.objects.communes;
  if (!obj || obj.type !== 'GeometryCollection') {
    throw new Error('Géométrie invalide : objet « communes » absent de la topologie');
  }
  return obj as GeometryCollection<{ name: string }>;
}

export function readGeometry(topology: Topology): CommuneGeometry {
  const obj = communesObject(topology);
  const fc = feature(topology, obj) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const features = fc.features.map((f) => ({ ...f, id: String(f.id) }) as CommuneFeature);
  return { topology, features, border: mesh(topology, obj, (a, b) => a === b) };
}

/**
 * Borders between territories: arcs whose two sides belong to different territories, plus the
 * département's outline. With `territoryOf` the identity, the commune borders.
 */
export function schemeOutlines(
  geometry: CommuneGeometry,
  territoryOf: (communeCode: string) => string | undefined,
): MultiLineString {
  const obj = communesObject(geometry.topology);
  return mesh(
    geometry.topology,
    obj,
    (a, b) => a !== b && territoryOf(String(a.id)) !== territoryOf(String(b.id)),
  );
}

const communeMeshes = new WeakMap<CommuneGeometry, MultiLineString>();

/**
 * Borders between communes, each shared border once, computed once per geometry. Stroking the
 * polygons instead draws every shared border twice, and drawing lines is most of the cost of a
 * frame with software WebGL.
 */
export function communeBorders(geometry: CommuneGeometry): MultiLineString {
  let lines = communeMeshes.get(geometry);
  if (!lines) {
    lines = mesh(geometry.topology, communesObject(geometry.topology), (a, b) => a !== b);
    communeMeshes.set(geometry, lines);
  }
  return lines;
}

/** Outline of one territory: arcs with that territory on exactly one side, or on the border. */
export function territoryOutline(
  geometry: CommuneGeometry,
  territoryOf: (communeCode: string) => string | undefined,
  territoryCode: string,
): MultiLineString {
  const obj = communesObject(geometry.topology);
  const inside = (g: { id?: string | number }) => territoryOf(String(g.id)) === territoryCode;
  return mesh(geometry.topology, obj, (a, b) => (a === b ? inside(a) : inside(a) !== inside(b)));
}
