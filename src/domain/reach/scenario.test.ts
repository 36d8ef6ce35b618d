import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  defaultAssumptions,
  parseScenario,
  type ReachScenario,
} from './scenario.ts';

const valid: ReachScenario = {
  version: 1,
  datasetId: 'demo',
  edits: [
    {
      op: 'open',
      site: {
        id: 'nouveau-1',
        name: 'Nouvel accueil',
        kind: 'france_services',
        lon: 2.4,
        lat: 46.9,
        communeCode: '00412',
        capacity: null,
      },
    },
    { op: 'close', siteId: 'demo-ccas-004' },
    { op: 'move', siteId: 'demo-mds-002', lon: 2.2, lat: 46.8, communeCode: '00200' },
  ],
  assumptions: {
    ...defaultAssumptions(),
    mode: 'sans-voiture',
    maxMinutes: 45,
    barriers: {
      schemeId: 'pti',
      rows: { T2: 'Lensois' },
      shares: {
        T1: {
          aucune_difficulte: 0.4,
          mobile_plus_25km: 0.1,
          mobile_moins_25km: 0.1,
          vehicule_avec_difficultes: 0.1,
          transports_en_commun_seulement: 0.2,
          aucun_moyen: 0.1,
        },
      },
    },
  },
};

describe('scenario files', () => {
  it('round-trip through JSON unchanged', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });

  it('take default assumptions for what a file leaves out', () => {
    const s = parseScenario({ version: 1, datasetId: 'demo', edits: [] });
    expect(s.assumptions).toEqual(defaultAssumptions());
    expect(
      parseScenario({
        version: 1,
        datasetId: 'x',
        edits: [],
        assumptions: { car: { mountainFactor: 1.7 } },
      }).assumptions.car,
    ).toEqual({ ...defaultAssumptions().car, mountainFactor: 1.7 });
  });

  it('list every problem of a bad file', () => {
    const bad = {
      version: 2,
      edits: [
        { op: 'open', site: { id: 'a', kind: 'boulangerie', lon: 2, lat: 46, communeCode: '1' } },
        { op: 'close' },
        { op: 'move', siteId: 'b', lon: 500, lat: 46, communeCode: '1' },
        { op: 'rename' },
      ],
      assumptions: { mode: 'vélo', maxMinutes: 0, car: { mountainFactor: 0.5 } },
    };
    try {
      parseScenario(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).problems).toEqual([
        'version 2 inconnue (version attendue : 1).',
        '« datasetId » manquant.',
        'modification n° 1 (open) : type de site inconnu « boulangerie ».',
        'modification n° 2 (close) : « siteId » manquant.',
        'modification n° 3 (move) : coordonnées invalides.',
        'modification n° 4 : opération inconnue « rename » (open, close ou move).',
        'assumptions.mode : « vélo » (voiture ou sans-voiture).',
        'assumptions.maxMinutes : nombre de 1 à 240 attendu.',
        'assumptions.car : Paramètre invalide : le facteur montagne ne peut être inférieur à 1 (reçu 0.5).',
      ]);
    }
  });

  it("keep an imported matrix's stated access time, and refuse an impossible one", () => {
    const matrices = [{ mode: 'voiture', name: 'osrm.csv', pairs: 12, accessMinutes: 4 }];
    const file = (m: unknown) => ({ version: 1, datasetId: 'demo', edits: [], assumptions: m });
    expect(parseScenario(file({ matrices })).assumptions.matrices).toEqual(matrices);
    expect(() =>
      parseScenario(file({ matrices: [{ ...matrices[0], accessMinutes: -2 }] })),
    ).toThrow(/assumptions\.matrices \(osrm\.csv\).*accès/);
  });

  it('refuse survey shares that are not shares', () => {
    const bad = (barriers: unknown) => () =>
      parseScenario({ version: 1, datasetId: 'demo', edits: [], assumptions: { barriers } });
    expect(bad({ schemeId: 'pti', rows: { T1: 'Atlantide' } })).toThrow(/ligne inconnue/);
    expect(bad({ schemeId: 'pti', shares: { T1: { aucun_moyen: 2 } } })).toThrow(
      /assumptions.barriers/,
    );
  });

  it('refuse what is not a scenario', () => {
    expect(() => parseScenario([])).toThrow(ScenarioError);
    expect(() => parseScenario(null)).toThrow(/objet JSON/);
  });
});
