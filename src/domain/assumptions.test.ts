import { describe, expect, it } from 'vitest';
import {
  assumptionLines,
  capacityYearsAssumption,
  indicatorAssumptionsOf,
  concernedShareAssumption,
  needAssumption,
  offerIncompleteAssumption,
  platformCapacityAssumption,
  surveyAssumptions,
  travelTimeAssumption,
  uniqueAssumptions,
  unknownCapacityAssumption,
} from './assumptions.ts';
import { SURVEY_SOURCE } from './survey-pas-de-calais.ts';

describe('assumptions named on the figures', () => {
  it('names the Pas-de-Calais shares applied in another département, with source and year', () => {
    const [a] = surveyAssumptions('55', ['default'], [SURVEY_SOURCE.id]);
    expect(a!.badge).toBe('hypothèse : parts du Pas-de-Calais, 2009');
    expect(a!.detail).toMatch(/échelles de distance à l'emploi.*\(2009\)/);
    expect(a).toMatchObject({ sourceId: SURVEY_SOURCE.id, year: '2009' });
    // The demo's rows are the survey's, one per territory: still another département's.
    expect(surveyAssumptions('00', ['territory'], [`${SURVEY_SOURCE.id}-Calaisis`])[0]!.id).toBe(
      'survey_other_departement',
    );
  });

  it('in the Pas-de-Calais, names only the « Département » row applied to a territory', () => {
    expect(surveyAssumptions('62', ['territory'], [SURVEY_SOURCE.id])).toEqual([]);
    expect(surveyAssumptions('62', ['territory', 'default'], [SURVEY_SOURCE.id])[0]!.badge).toBe(
      "hypothèse : ligne « Département » de l'enquête, 2009",
    );
    // Shares the user entered are the département's own: no badge but for the others.
    expect(surveyAssumptions('55', ['territory'], ['parts-saisies'])).toEqual([]);
    expect(surveyAssumptions('55', ['override'], [])[0]!.id).toBe('survey_share_override');
  });

  it('names a substitute need indicator, a rule for unknown capacities, modelled times', () => {
    expect(needAssumption('rsa_foyers', 'Foyers RSA')).toBeNull();
    expect(
      needAssumption('demandeurs_emploi', 'Demandeurs d’emploi', {
        id: 'gip',
        label: 'GIP, demandeurs',
        millesime: '2025',
      })!.badge,
    ).toBe('hypothèse : « Demandeurs d’emploi » au lieu des foyers RSA');
    expect(unknownCapacityAssumption('unlimited', 0, 4)).toBeNull();
    expect(unknownCapacityAssumption('unlimited', 117, 117)!.badge).toBe(
      'hypothèse : capacité inconnue comptée sans limite (117 lieux sur 117)',
    );
    expect(unknownCapacityAssumption('zero', 1, 3)!.detail).toMatch(/sous-estime/);
    expect(travelTimeAssumption({ label: 'M', description: 'd', approximation: true })!.badge).toBe(
      'hypothèse : temps de trajet estimés',
    );
    expect(travelTimeAssumption({ label: 'M', description: 'd', approximation: false })).toBeNull();
    expect(
      travelTimeAssumption({
        id: 'reseau',
        label: 'Réseau (© OSM)',
        description: 'd',
        approximation: false,
      }),
    ).toEqual({
      id: 'network_time',
      badge: 'temps calculés sur le réseau',
      detail: 'Réseau (© OSM) : d',
    });
    expect(
      travelTimeAssumption({
        id: 'matrice',
        label: 'Matrice',
        description: 'd',
        approximation: false,
        fallback: { id: 'reseau', label: 'Réseau (© OSM)', approximation: false },
      })!.detail,
    ).toBe('Les paires absentes de la matrice importée sont prises dans : Réseau (© OSM).');
    expect(platformCapacityAssumption(null, 0).badge).toMatch(/sans limite/);
    expect(platformCapacityAssumption(120, 5).detail).toMatch(/médiane des 5 plateformes/);
    expect(concernedShareAssumption(1)).toBeNull();
    expect(concernedShareAssumption(0.625)!.badge).toBe(
      'hypothèse : 62,5 % des bénéficiaires concernés',
    );
    expect(capacityYearsAssumption(1).badge).toBe('hypothèse : besoin à couvrir en 1 an');
  });

  it('says a count rests on kinds the data has no site of', () => {
    expect(offerIncompleteAssumption(['action', 'siae'], ['mds'])).toBeNull();
    expect(
      offerIncompleteAssumption(['action', 'siae', 'mobilite'], ['action', 'mobilite'])!.badge,
    ).toBe(
      "données incomplètes : aucun lieu « Action d'insertion, Service de mobilité solidaire »",
    );
  });

  it('lists each assumption once, as lines for exports', () => {
    const a = capacityYearsAssumption(2.5);
    const list = uniqueAssumptions([a, null, capacityYearsAssumption(3)]);
    expect(list).toEqual([a]);
    expect(assumptionLines(list)).toEqual([
      'Hypothèse : besoin à couvrir en 2,5 ans — ' + a.detail,
    ]);
  });
});

describe('assumptions of the explore indicators', () => {
  it('names the substitute need and the kinds absent from the offer the indicator counts', () => {
    const ctx = { needId: 'demandeurs_emploi', needLabel: 'Demandeurs d’emploi' };
    const list = indicatorAssumptionsOf(['offer', 'need'], ['action', 'siae'], ['action'], ctx);
    expect(list.map((a) => a.id)).toEqual(['need_substitute', 'offer_incomplete']);
    expect(indicatorAssumptionsOf(['population'], [], ['action'], ctx)).toEqual([]);
  });
});
