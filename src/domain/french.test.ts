import { describe, expect, it } from 'vitest';
import { agreePlural, frenchDate, ofPlace } from './french.ts';

describe('French grammar around names and counts', () => {
  it('elides and contracts "de" before a name', () => {
    expect(ofPlace('Verdun')).toBe('de Verdun');
    expect(ofPlace('Aubcourt')).toBe("d'Aubcourt");
    expect(ofPlace("Estray-sur-l'Ormance")).toBe("d'Estray-sur-l'Ormance");
    expect(ofPlace('Étain')).toBe("d'Étain");
    expect(ofPlace('Ouzavent')).toBe("d'Ouzavent");
    expect(ofPlace('Le Rouvy')).toBe('du Rouvy');
    expect(ofPlace('Les Islettes')).toBe('des Islettes');
    expect(ofPlace('La Chamville')).toBe('de La Chamville');
    expect(ofPlace("L'Isle-en-Rigault")).toBe("de l'Isle-en-Rigault");
    expect(ofPlace('Ensemble du département')).toBe("de l'ensemble du département");
    expect(ofPlace('CC du Pays d’Etain')).toBe('de CC du Pays d’Etain');
    expect(ofPlace('Haudainville')).toBe('de Haudainville');
  });

  it('agrees a participle with the noun it follows', () => {
    expect(agreePlural('couverts', 'personnes')).toBe('couvertes');
    expect(agreePlural('couverts', 'foyers')).toBe('couverts');
    expect(agreePlural('couverts', 'ménages')).toBe('couverts');
    expect(agreePlural('comptés', 'personnes')).toBe('comptées');
    expect(agreePlural('non couverts', 'personnes')).toBe('non couvertes');
  });

  it('writes the first of the month as an ordinal', () => {
    expect(frenchDate(new Date(2025, 11, 1))).toBe('1er décembre 2025');
    expect(frenchDate(new Date(2025, 11, 6))).toBe('6 décembre 2025');
    expect(frenchDate(new Date(2026, 1, 21))).toBe('21 février 2026');
  });
});
