import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import {
  TRANSPORT_ANSWERS,
  TRANSPORT_SHARES_PERCENT,
  matchSurveyRow,
  matchSurveyTerritories,
  type TransportAnswer,
} from '../survey-pas-de-calais.ts';
import {
  SURVEY_ROWS,
  USER_SURVEY_SOURCE_ID,
  decodeBarrierEdits,
  effectiveBarriers,
  emptyBarrierEdits,
  encodeBarrierEdits,
  parseBarrierEdits,
  type BarrierEdits,
} from './barrier-edits.ts';
import { barrierProfile, communeShares, defaultBarrierAssumptions } from './barriers.ts';

/** The nine territories as a Pas-de-Calais PTI file may name them, and one odd name. */
const PTI = [
  { code: 'T1', name: "Territoire de l'Arrageois" },
  { code: 'T2', name: 'Artois' },
  { code: 'T3', name: 'Audomarois' },
  { code: 'T4', name: 'Boulonnais' },
  { code: 'T5', name: 'Calaisis' },
  { code: 'T6', name: 'Hénin-Carvin' },
  { code: 'T7', name: 'Lens-Liévin' },
  { code: 'T8', name: 'Montreuillois' },
  { code: 'T9', name: 'Ternois' },
  { code: 'HORS', name: 'Hors territoire du fichier' },
];

describe('survey rows matched by territory name', () => {
  it('finds the nine rows under their usual names, "Lens-Liévin" as « Lensois »', () => {
    const m = matchSurveyTerritories(PTI);
    expect(m.map((x) => [x.territoryCode, x.row, x.how])).toEqual([
      ['T1', 'Arrageois', 'name'],
      ['T2', 'Artois', 'name'],
      ['T3', 'Audomarois', 'name'],
      ['T4', 'Boulonnais', 'name'],
      ['T5', 'Calaisis', 'name'],
      ['T6', 'Hénin-Carvin', 'name'],
      ['T7', 'Lensois', 'alias'],
      ['T8', 'Montreuillois', 'name'],
      ['T9', 'Ternois', 'name'],
      ['HORS', 'Département', 'none'],
    ]);
    expect(m[6]!.alias).toBe('lens lievin');
  });

  it('matches main towns as whole words, and refuses a name that fits two rows', () => {
    expect(matchSurveyRow('MDS de Saint-Omer')?.row).toBe('Audomarois');
    expect(matchSurveyRow('Boulogne-sur-Mer')?.row).toBe('Boulonnais');
    expect(matchSurveyRow('Lens / Arras')).toBeNull();
    expect(matchSurveyRow('Calaisienne')).toBeNull();
    expect(matchSurveyRow('Flandre')).toBeNull();
    // The « Département » row is what no match applies, never a match by name.
    expect(matchSurveyRow('Franges du département')).toBeNull();
  });

  it('lets the user choose the row of a territory', () => {
    const m = matchSurveyTerritories(PTI, { HORS: 'Ternois', T7: 'Hénin-Carvin' });
    expect(m.find((x) => x.territoryCode === 'HORS')).toMatchObject({
      row: 'Ternois',
      how: 'user',
    });
    expect(m.find((x) => x.territoryCode === 'T7')).toMatchObject({ row: 'Hénin-Carvin' });
  });
});

describe('the survey shares the figures use', () => {
  const scheme = { id: 'pti', territories: PTI };

  it('applies in the Pas-de-Calais each territory its own row, the « Département » row elsewhere', () => {
    const e = effectiveBarriers([], '62', scheme, null, 2026);
    expect(e.schemeId).toBe('pti');
    const profile = barrierProfile(e.barriers, defaultBarrierAssumptions(), ['pti']);
    const chosen = defaultBarrierAssumptions().answers;
    const expected = (row: keyof typeof TRANSPORT_SHARES_PERCENT) =>
      chosen.reduce((s, a) => s + TRANSPORT_SHARES_PERCENT[row][a], 0) / 100;
    expect(profile.byTerritory.get('T7')!.share).toBeCloseTo(expected('Lensois'), 6);
    expect(profile.byTerritory.get('T9')!.share).toBeCloseTo(expected('Ternois'), 6);
    expect(profile.byTerritory.has('HORS')).toBe(false);
    const shares = communeShares(
      profile,
      ['c1', 'c2'],
      new Map([
        ['c1', 'T7'],
        ['c2', 'HORS'],
      ]),
    );
    expect(shares.origin).toEqual(['territory', 'default']);
    expect(shares.share[1]).toBeCloseTo(expected('Département'), 6);
  });

  it('adds nothing outside the Pas-de-Calais, and keeps the dataset rows as they are', () => {
    expect(effectiveBarriers([], '55', scheme, null, 2026)).toEqual({
      barriers: [],
      schemeId: null,
      matches: null,
    });
  });

  it('replaces a territory by the shares the user enters', () => {
    const entered = Object.fromEntries(
      TRANSPORT_ANSWERS.map((a, i) => [a.id, [0.2, 0.1, 0.1, 0.1, 0.4, 0.1][i]]),
    ) as Record<TransportAnswer, number>;
    const edits: BarrierEdits = { ...emptyBarrierEdits('pti'), shares: { T2: entered } };
    const e = effectiveBarriers([], '55', scheme, edits, 2026);
    expect(e.barriers).toHaveLength(6);
    expect(new Set(e.barriers.map((b) => b.sourceId))).toEqual(new Set([USER_SURVEY_SOURCE_ID]));
    const p = barrierProfile(e.barriers, defaultBarrierAssumptions(), ['pti']);
    expect(p.byTerritory.get('T2')!.share).toBeCloseTo(0.6, 9);
    const in62 = effectiveBarriers([], '62', scheme, edits, 2026);
    expect(in62.barriers.filter((b) => b.territoryCode === 'T2').map((b) => b.sourceId)).toEqual(
      Array(6).fill(USER_SURVEY_SOURCE_ID),
    );
  });
});

describe('barrier edits in links and files', () => {
  it('round-trips random edits through the link text', () => {
    const rnd = createRandom(13);
    for (let k = 0; k < 100; k++) {
      const e = emptyBarrierEdits(rnd.pick(['pti', 'import-1', 'é t']));
      for (let i = 0; i < rnd.int(0, 4); i++)
        e.rows[`T${rnd.int(0, 20)}|:=`] = rnd.pick(SURVEY_ROWS);
      for (let i = 0; i < rnd.int(0, 4); i++) {
        e.shares[`C${rnd.int(0, 20)}`] = Object.fromEntries(
          TRANSPORT_ANSWERS.map((a) => [a.id, rnd.int(0, 10_000) / 10_000]),
        ) as Record<TransportAnswer, number>;
      }
      expect(decodeBarrierEdits(encodeBarrierEdits(e))).toEqual(e);
    }
  });

  it('gives null for a text that is not edits, and a clear error for a bad file', () => {
    expect(decodeBarrierEdits('pti|T1:zzz')).toBeNull();
    expect(decodeBarrierEdits('pti|T1=1,2')).toBeNull();
    expect(decodeBarrierEdits('pti|T1=150,0,0,0,0,0')).toBeNull();
    expect(() => parseBarrierEdits({ schemeId: 'pti', rows: { T1: 'Flandre' } })).toThrow(
      /ligne inconnue/,
    );
    expect(() =>
      parseBarrierEdits({ schemeId: 'pti', shares: { T1: { aucun_moyen: 0.2 } } }),
    ).toThrow(/de 0 à 100 %/);
  });
});
