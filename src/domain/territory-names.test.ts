import { describe, expect, it } from 'vitest';
import { shortTerritoryName } from './territory-names.ts';

describe('shortTerritoryName', () => {
  it('abbreviates EPCI kinds and leaves other names alone', () => {
    expect(shortTerritoryName('Communauté de communes du Ternois')).toBe('CC du Ternois');
    expect(shortTerritoryName("Communauté d'agglomération de Lens-Liévin")).toBe(
      'CA de Lens-Liévin',
    );
    expect(shortTerritoryName('CU d’Arras')).toBe('CU d’Arras');
    expect(shortTerritoryName('Territoire de Flavanges')).toBe('Territoire de Flavanges');
  });
});
