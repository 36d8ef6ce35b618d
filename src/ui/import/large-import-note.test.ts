import { describe, expect, it } from 'vitest';
import type { StoredImport } from '../../data/import-storage.ts';
import { largeImportNote } from './large-import-note.ts';

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
