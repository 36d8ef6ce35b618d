import { describe, expect, it } from 'vitest';
import type { StoredImport } from '../../data/import-storage.ts';
import { largeImportNote, reloadingNote } from './large-import-note.ts';

describe('largeImportNote', () => {
  it('names each large file with its sites, and what counts them and what does not', () => {
    const r = { fileName: 'offre.csv', sites: [], siteCount: 300000 } as unknown as StoredImport;
    const note = largeImportNote([r]);
    expect(note).toMatch(/^« offre\.csv » \(300\s000 sites\)/);
    expect(note).toContain('comptés dans les chiffres par territoire');
    expect(note).toContain('ne les comptent pas');
    expect(largeImportNote([])).toBe('');
  });
});

describe('reloadingNote', () => {
  const r = { fileName: 'offre.csv' } as unknown as StoredImport;
  it('says whether the figures on screen count the import being applied again', () => {
    expect(reloadingNote([r], true)).toBe(
      'Import en cours de rechargement : « offre.csv ». Les chiffres par territoire le comptent déjà ; la carte et les outils l’attendent.',
    );
    expect(reloadingNote([r, r], false)).toMatch(
      /^Import en cours de rechargement : « offre\.csv », « offre\.csv »\. Les chiffres affichés sont ceux du jeu de données seul/,
    );
    expect(reloadingNote([], true)).toBe('');
  });
});
