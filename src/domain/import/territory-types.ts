/** What a territory file's readers (a list of communes, or polygons) take and give. */
import type { Membership, Territory } from '../model.ts';
import type { CommuneIndex } from './commune-index.ts';
import type { CommunePolygon } from './point-locator.ts';
import type { ValidationReport } from './report.ts';

export interface Epci {
  code: string;
  name: string;
  communes: string[];
}

export interface TerritoryContext {
  dep: string;
  communes: CommuneIndex;
  epcis: readonly Epci[];
  /** The communes' polygons, for a territory drawn as a polygon that holds no chef-lieu. */
  polygons?: readonly CommunePolygon[];
  schemeId: string;
  sourceId: string;
  inputId: string;
  label: string;
}

export interface TerritoryResult {
  territories: Territory[];
  memberships: Membership[];
  report: ValidationReport;
  /** Communes of the département that the file put in no territory. */
  unassigned: string[];
}

/** Where the communes a file puts in no territory go, so every commune is in one. */
export const UNASSIGNED_TERRITORY = { code: 'HORS', name: 'Hors territoire du fichier' };
