import { describe, expect, it } from 'vitest';
import { clipLabel, LABEL_LINE_CHARS, LABEL_MAX_CHARS, wrapLabel } from './labels-layer.ts';

describe('territory labels', () => {
  it('breaks lines between words, after hyphens, never inside a word', () => {
    expect(wrapLabel('Saint-Germain-Estrennes')).toBe('Saint-Germain-\nEstrennes');
    expect(wrapLabel('Territoire Pays des Étangs')).toBe('Territoire Pays des\nÉtangs');
    expect(wrapLabel('Verdun')).toBe('Verdun');
    expect(wrapLabel('CC de Commercy - Void - Vaucouleurs')).toBe(
      'CC de Commercy -\nVoid - Vaucouleurs',
    );
    expect(wrapLabel('Constantinopolitanisation', 10)).toBe('Constantinopolitanisation');
  });

  it('keeps every word whole and every line within the width when it can', () => {
    const names = [
      'Saint-Germain-Estrennes',
      'Bassin de vie de Bar-le-Duc',
      'Communauté de communes du Pays de Montmédy',
      "Aubigny-sur-l'Arnelle-les-Vignes",
      'CC du Pays de Stenay et du Val Dunois',
    ];
    for (const name of names) {
      const lines = wrapLabel(name).split('\n');
      expect(lines.join(' ').replace(/- /g, '-')).toBe(name);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(LABEL_LINE_CHARS);
    }
  });
});

describe('a territory name from a file', () => {
  it('is cut on the map, however long', () => {
    expect(clipLabel('Ouest')).toBe('Ouest');
    const label = clipLabel('Territoire '.repeat(10_000));
    expect(label.length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
    expect(label.endsWith('…')).toBe(true);
  });
});
