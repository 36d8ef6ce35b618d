import { describe, expect, it } from 'vitest';
import type { ScenarioEdit } from '../../domain/reach/scenario.ts';
import { summariseReach, territoryIndex } from '../../domain/reach/summary.ts';
import { editsLine, summaryCardModel, summaryCardText } from './summary-card-model.ts';

const codes = ['c1', 'c2', 'c3'];
const people = {
  population: Float64Array.from([12000, 2500, 300]),
  need: Float64Array.from([400, 110, 12]),
};
const index = territoryIndex(codes, new Map(), new Map());
const total = (minutes: number[]) =>
  summariseReach(Float64Array.from(minutes), people, index, 30).total;
const site = { kind: 'france_services' as const, lon: 0, lat: 0, communeCode: 'c1' };
const open = (id: string): ScenarioEdit => ({
  op: 'open',
  site: { ...site, id, name: id, capacity: null },
});

describe('summary card of a scenario', () => {
  const model = summaryCardModel({
    a: { label: 'A : situation actuelle', total: total([40, 35, 10]), edits: [] },
    b: {
      label: 'B : 2 modifications',
      total: total([20, 35, 10]),
      edits: [open('n1'), open('n2')],
    },
    maxMinutes: 30,
    modeLabel: 'En voiture',
    needLabel: 'Foyers allocataires du RSA',
    datasetName: 'Département de démonstration (données fictives)',
    badges: [{ id: 'modelled_time', badge: 'hypothèse : temps estimés', detail: '' }],
    sources: ['Source : INSEE, populations légales 2021'],
    fictional: true,
    title: 'Scénario A ou scénario B ?',
  });

  it('gives the figures as the comparison table writes them, with B − A', () => {
    expect(model.rows).toEqual([
      { label: 'Foyers allocataires du RSA au-delà de 30 min', a: '510', b: '110', delta: '−400' },
      {
        label: 'Population au-delà de 30 min',
        a: '14\u202f500',
        b: '2\u202f500',
        delta: '−12\u202f000',
      },
      { label: 'Communes au-delà de 30 min', a: '2', b: '1', delta: '−1' },
    ]);
    expect(model.subtitle).toBe(
      'Département de démonstration (données fictives) · au-delà de 30 min du site le plus proche, en voiture',
    );
    expect(model.warning).toMatch(/Données fictives/);
  });

  it('counts the sites each side changes, in agreement', () => {
    expect(model.sites).toEqual([
      'A : situation actuelle : aucune modification des sites',
      'B : 2 modifications : 2 sites ouverts',
    ]);
    expect(editsLine([open('x'), { op: 'close', siteId: 's' }])).toBe(
      '1 site ouvert, 1 site fermé',
    );
  });

  it('writes the card as text, badges and sources included', () => {
    const text = summaryCardText(model);
    expect(text).toContain('Population au-delà de 30 min : A : situation actuelle 14\u202f500');
    expect(text).toContain('Hypothèses : hypothèse : temps estimés');
    expect(text).toContain('Source : INSEE, populations légales 2021');
  });
});
