import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_LOCALE } from './map-locale.ts';

describe('MapLibre in French', () => {
  it('translates every string of MapLibre’s own table', () => {
    // The keys of MapLibre's default locale, as its type declarations list them.
    const dts = readFileSync(
      new URL('../../node_modules/maplibre-gl/dist/maplibre-gl.d.ts', import.meta.url),
      'utf8',
    );
    const block = /declare const defaultLocale: \{([^}]*)\}/.exec(dts)?.[1] ?? '';
    const keys = [...block.matchAll(/"([^"]+)": string/g)].map((m) => m[1]);
    expect(keys).toContain('NavigationControl.ZoomIn');
    expect(Object.keys(MAP_LOCALE).sort()).toEqual([...keys].sort());
    expect(MAP_LOCALE['NavigationControl.ZoomIn']).toBe('Zoom avant');
    expect(MAP_LOCALE['NavigationControl.ZoomOut']).toBe('Zoom arrière');
  });
});
