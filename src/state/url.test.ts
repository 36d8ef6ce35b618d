import { describe, expect, it } from 'vitest';
import type { BarrierEdits } from '../domain/gaps/barrier-edits.ts';
import { createRandom } from '../domain/random.ts';
import { EMPTY_VIEW, decodeView, encodeEdits, encodeView, type ViewParams } from './url.ts';

describe('URL codec', () => {
  it('round-trips any valid view (randomised)', () => {
    const rnd = createRandom(7);
    const id = () => rnd.pick(['demo', 'dep-62', 'pti', 'epci', 'T3', '62041', 'rsa_foyers', null]);
    for (let k = 0; k < 500; k++) {
      const v: ViewParams = {
        dataset: id(),
        scheme: id(),
        indicator: id(),
        need: id(),
        territory: id(),
        camera: rnd.chance(0.5)
          ? {
              lon: Math.round(rnd.range(-5, 9) * 1e5) / 1e5,
              lat: Math.round(rnd.range(41, 51) * 1e5) / 1e5,
              zoom: Math.round(rnd.range(0, 20) * 100) / 100,
            }
          : null,
        mode: rnd.pick(['reach', 'import', null]),
        display: rnd.pick(['table', null] as const),
        minutes: rnd.pick([15, 30, 45, 240, null]),
        travel: rnd.pick(['voiture', 'sans-voiture', null] as const),
        kinds: rnd.pick([['mds', 'ccas'], ['france_services'], null]),
        edits: rnd.chance(0.5)
          ? [
              {
                op: 'open',
                site: {
                  id: `nouveau-${rnd.int(1, 9)}`,
                  name: rnd.pick(['Accueil « Saint-Éloi » & co', 'Site 2']),
                  kind: 'france_services',
                  lon: Math.round(rnd.range(-5, 9) * 1e5) / 1e5,
                  lat: Math.round(rnd.range(41, 51) * 1e5) / 1e5,
                  communeCode: '62041',
                  capacity: rnd.pick([null, 40]),
                },
              },
              { op: 'close', siteId: 'demo-ccas-004' },
              { op: 'move', siteId: 'demo-mds-002', lon: 2.2, lat: 46.8, communeCode: '00200' },
            ]
          : null,
        axis: rnd.pick(['mobilite', 'iae', null]),
        concernedPercent: rnd.pick([25, 12.5, 100, null]),
        barriers: rnd.pick<BarrierEdits | null>([
          null,
          { schemeId: 'bv2022', rows: {}, shares: {} },
          { schemeId: 'import-1', rows: { T1: 'Lensois' }, shares: {} },
          {
            schemeId: 'epci',
            rows: {},
            shares: {
              '200041630': {
                aucune_difficulte: 0.4,
                mobile_plus_25km: 0.1,
                mobile_moins_25km: 0.1234,
                vehicule_avec_difficultes: 0.05,
                transports_en_commun_seulement: 0.2,
                aucun_moyen: 0.1266,
              },
            },
          },
        ]),
      };
      expect(decodeView(encodeView(v))).toEqual(v);
    }
  });

  it('drops edits that are not a valid scenario, and leaves long scenarios to files', () => {
    expect(decodeView('?e=bm90LWpzb24').edits).toBeNull();
    expect(decodeView(`?e=${btoa(JSON.stringify([{ op: 'explode' }]))}`).edits).toBeNull();
    const many = Array.from({ length: 40 }, (_, i) => ({
      op: 'close' as const,
      siteId: `demo-ccas-${i}`,
    }));
    expect(encodeEdits(many)).toBeNull();
    expect(encodeView({ ...EMPTY_VIEW, edits: many })).toBe('');
  });

  it('ignores unknown parameters and invalid values', () => {
    expect(decodeView('?x=1&d=<script>&c=2,3')).toEqual(EMPTY_VIEW);
    expect(decodeView('?c=200,1,3').camera).toBeNull();
    expect(decodeView('?s=pti&t=T1').territory).toBe('T1');
    expect(decodeView('?bs=pti|T1:zzz').barriers).toBeNull();
    expect(decodeView('?bs=pti|T1=1,2').barriers).toBeNull();
    expect(decodeView('?bs=pti').barriers).toEqual({ schemeId: 'pti', rows: {}, shares: {} });
  });

  it('writes nothing for an empty view', () => {
    expect(encodeView(EMPTY_VIEW)).toBe('');
  });
});
