import { describe, expect, it } from 'vitest';
import { arrayElementLines, locateJsonError, parseJsonText, recordsOfJson } from './json.ts';

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1,\n  "b" 2}', { line: 2, column: 7, expected: '« : » après le nom de clé' }],
    ['[1, 2\n', { line: 2, column: 1, expected: '« , » ou « ] »', found: 'fin du fichier' }],
    ['{"type": "FeatureCollection",\n "features": [\n  {"a": tru}', { line: 3, column: 9 }],
    [
      '[1] [2]',
      { line: 1, column: 5, expected: 'la fin du fichier (une seule valeur JSON par fichier)' },
    ],
    ["{'a': 1}", { line: 1, column: 2, expected: 'un nom de clé entre guillemets ou « } »' }],
    ['[1,]', { line: 1, column: 4 }],
  ])('places the error of %j', (text, place) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toMatchObject(place);
  });

  it('accepts what JSON.parse accepts', () => {
    for (const t of ['[]', '{}', ' {"a":[1,-2.5e3,true,null,"x\\u00e9\\n"],"b":{}} ', '"s"', '0'])
      expect(locateJsonError(t)).toBeNull();
  });

  it('survives a million nested brackets', () => {
    const deep = '['.repeat(1_000_000);
    expect(locateJsonError(deep)).toMatchObject({ found: 'fin du fichier' });
  });
});

describe('parseJsonText', () => {
  it('says where a truncated file stops', () => {
    expect(() =>
      parseJsonText('{"type": "FeatureCollection", "features": [\n{"type": "Fea'),
    ).toThrow(
      /JSON invalide, ligne 2, colonne 14 : .*fin du fichier trouvé \(le fichier semble tronqué\)/,
    );
  });
});

describe('recordsOfJson', () => {
  it('reads an API page and says when it is short of the total', () => {
    const text =
      '{"items": [\n  {"id": "a"},\n  {"id": "b"}\n], "total": 250, "page": 1, "size": 2}';
    const r = recordsOfJson(JSON.parse(text), text);
    expect(r.items).toHaveLength(2);
    expect(r.lines).toEqual([2, 3]);
    expect(r.notes[0]).toMatch(/page 1, 2 éléments sur 250/);
  });

  it('reads the points of a FeatureCollection with their coordinates', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: 'X' },
          geometry: { type: 'Point', coordinates: [2.5, 50.1] },
        },
      ],
    });
    expect(recordsOfJson(JSON.parse(text), text)).toMatchObject({
      items: [{ nom: 'X', longitude: 2.5, latitude: 50.1 }],
      lines: [1],
    });
  });

  it('gives ranks, not lines, for a minified array', () => {
    const text = '[{"a":1},{"a":2}]';
    expect(recordsOfJson(JSON.parse(text), text).lines).toBeNull();
  });

  it('refuses a JSON that holds no list of records, naming its keys', () => {
    const text = '{"nom": "x", "valeur": 3}';
    expect(() => recordsOfJson(JSON.parse(text), text)).toThrow(
      /clés trouvées « nom », « valeur »/,
    );
  });

  it('finds element lines past brackets inside strings', () => {
    expect(arrayElementLines('[\n"a[",\n{"b": "]"},\n3\n]', null)).toEqual([2, 3, 4]);
  });
});
