/**
 * Step "barriers" (barriers.arrow): one surveyed Pas-de-Calais territory's transport barrier
 * shares per PTI territory, the most urban profile to the densest territory. The shares are real
 * figures, quoted with their source; each gets a source entry saying which profile it applies.
 */
import type { BarrierShare, Source } from '../../../src/domain/model.ts';
import {
  SURVEY_SOURCE,
  SURVEY_YEAR,
  TRANSPORT_ANSWERS,
  TRANSPORT_QUESTION,
  TRANSPORT_SHARES_PERCENT,
  type SurveyTerritory,
} from '../../../src/domain/survey-pas-de-calais.ts';
import { at, round } from '../plane.ts';
import type { DemoCommunes } from './communes.ts';
import type { DemoTerritories } from './territories.ts';

/** Survey profiles, from the most urban to the most rural territory of the Pas-de-Calais PTI. */
const PROFILES_URBAN_TO_RURAL: SurveyTerritory[] = [
  'Lensois',
  'Hénin-Carvin',
  'Artois',
  'Calaisis',
  'Boulonnais',
  'Arrageois',
  'Audomarois',
  'Montreuillois',
  'Ternois',
];

export interface DemoBarriers {
  barriers: BarrierShare[];
  /** The survey sources the shares cite, one per profile used. */
  sources: Source[];
}

export function barriersStep(
  { communes }: DemoCommunes,
  { ptiRegion, ptiNames, ptiCode }: DemoTerritories,
): DemoBarriers {
  const ptiDensity = ptiNames.map((_, r) => {
    let pop = 0;
    let area = 0;
    communes.forEach((c, i) => {
      if (at(ptiRegion, i) === r) [pop, area] = [pop + c.population, area + c.areaKm2];
    });
    return pop / area;
  });
  const ptiByDensity = ptiNames
    .map((_, r) => r)
    .sort((a, b) => at(ptiDensity, b) - at(ptiDensity, a));
  const sources: Source[] = [];
  const barriers: BarrierShare[] = [];
  ptiByDensity.forEach((r, rank) => {
    const profile = at(PROFILES_URBAN_TO_RURAL, rank);
    const sourceId = `${SURVEY_SOURCE.id}-${profile
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}`;
    sources.push({
      ...SURVEY_SOURCE,
      id: sourceId,
      note: `${SURVEY_SOURCE.note} Parts du territoire « ${profile} » appliquées au territoire fictif « ${at(ptiNames, r)} ».`,
    });
    for (const a of TRANSPORT_ANSWERS) {
      barriers.push({
        schemeId: 'pti',
        territoryCode: ptiCode(r),
        question: TRANSPORT_QUESTION,
        answer: a.id,
        share: round(TRANSPORT_SHARES_PERCENT[profile][a.id] / 100, 6),
        year: SURVEY_YEAR,
        sourceId,
      });
    }
  });
  return { barriers, sources };
}
