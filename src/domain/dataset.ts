import type { MultiPolygon, Polygon } from 'geojson';
import type {
  BarrierShare,
  CodeInsee,
  Commune,
  DatasetMeta,
  Membership,
  NeedValue,
  Site,
  Territory,
} from './model.ts';

/** A whole dataset in memory, as the build scripts assemble it before writing its artefacts. */
export interface DatasetBundle {
  meta: Omit<DatasetMeta, 'tables' | 'topology' | 'bbox'>;
  communes: Commune[];
  /** Polygon of every commune, keyed by INSEE code, WGS84. */
  polygons: Map<CodeInsee, Polygon | MultiPolygon>;
  territories: Territory[];
  memberships: Membership[];
  sites: Site[];
  needs: NeedValue[];
  barriers: BarrierShare[];
}
