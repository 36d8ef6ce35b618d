import { describe, expect, it } from 'vitest';
import { STATE_COLORS } from '../map/colors.ts';
import { stateLegendItems, unitPlural } from './legend-items.ts';

describe('legend lines of values that are not there', () => {
  it('gives each state its own colour and its count, never a class', () => {
    const items = stateLegendItems([
      { state: 'missing', count: 487 },
      { state: 'secret', count: 1 },
      { state: 'na', count: 0 },
    ]);
    expect(items).toEqual([
      { color: STATE_COLORS.missing, label: 'Non renseigné : 487 communes' },
      { color: STATE_COLORS.secret, label: 'Secret : 1 commune' },
    ]);
    expect(stateLegendItems([{ state: 'unknown', count: 3 }], ['EPCI', 'EPCI'])[0]!.label).toBe(
      'Inconnu : 3 EPCI',
    );
  });

  it('writes the plural of a territory noun', () => {
    expect(unitPlural('commune')).toBe('communes');
    expect(unitPlural('bassin de vie')).toBe('bassins de vie');
    expect(unitPlural('EPCI')).toBe('EPCI');
    expect(unitPlural('territoire')).toBe('territoires');
  });
});
