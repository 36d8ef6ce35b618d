/**
 * Step "needs" (needs.arrow): RSA households, people subject to rights and duties and job
 * seekers of every demo commune.
 */
import { NEED_RSA_FOYERS, type NeedValue } from '../../../src/domain/model.ts';
import type { Random } from '../../../src/domain/random.ts';
import { at } from '../plane.ts';
import type { DemoCommunes } from './communes.ts';
import { DEMO_SOURCE_ID, DEMO_YEAR } from './sources.ts';
import { PTI_COUNT, type DemoTerritories } from './territories.ts';

/**
 * RSA households per inhabitant by density level: about 7 % in dense poles down to 2.5 % in very
 * sparse areas (national mean near 2.8 %, Pas-de-Calais 4.3 % in the PDI seed).
 */
const RSA_RATE = { 1: 0.07, 2: 0.045, 3: 0.03, 4: 0.025 } as const;

export function needsStep(
  { communes }: DemoCommunes,
  { ptiRegion }: DemoTerritories,
  rnd: Random,
): NeedValue[] {
  const ptiFactor = Array.from({ length: PTI_COUNT }, () => rnd.range(0.85, 1.2));
  const needs: NeedValue[] = [];
  const need = (communeCode: string, indicator: string, value: number): NeedValue => ({
    communeCode,
    indicator,
    value,
    year: DEMO_YEAR,
    sourceId: DEMO_SOURCE_ID,
  });
  communes.forEach((c, i) => {
    // Rates of large communes vary less than those of villages.
    const sigma = 0.3 * Math.min(1, Math.sqrt(1000 / Math.max(1, c.population)));
    const rate =
      RSA_RATE[c.density] * at(ptiFactor, at(ptiRegion, i)) * Math.exp(sigma * rnd.normal());
    const foyers = Math.round(c.population * rate);
    // Personnes soumises aux droits et devoirs: 53 491 for 62 549 households in the PDI seed.
    const sdd = Math.round(foyers * rnd.range(0.8, 0.9));
    const de = Math.round(c.population * rate * rnd.range(1.6, 2.2));
    needs.push(
      need(c.code, NEED_RSA_FOYERS, foyers),
      need(c.code, 'rsa_sdd', sdd),
      need(c.code, 'demandeurs_emploi', de),
    );
  });
  return needs.sort(
    (a, b) => a.communeCode.localeCompare(b.communeCode) || a.indicator.localeCompare(b.indicator),
  );
}
