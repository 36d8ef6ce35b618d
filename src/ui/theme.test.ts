/**
 * The look of the app (src/app.css): the product's own identity, never the State's design system
 * (DSFR) or its Marianne font, and every pair of colours that meets on screen readable by WCAG
 * 2.1 AA (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). axe-core checks the rendered pages
 * in the browser tests; this checks the tokens themselves, including pairs a page may not show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The style sheet without its comments (which may name what it does not use). */
const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);
const root = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
const tokens = new Map(
  [...root.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1]!, m[2]!]),
);
const token = (name: string): string => {
  const v = tokens.get(name);
  if (!v) throw new Error(`--${name} absent de app.css`);
  return v;
};

function luminance(hex: string): number {
  const h = hex.slice(1);
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the theme', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('is not the State’s: no DSFR token, no Marianne font', () => {
    expect(css).not.toMatch(/marianne/i);
    // Bleu France and the DSFR's other signature values.
    for (const dsfr of ['#000091', '#6a6af4', '#e3e3fd', '#c9191e', '#18753c', '#0a76f6']) {
      expect(css.toLowerCase()).not.toContain(dsfr);
    }
    expect(root).toMatch(/font-family:[^;]*system-ui/);
  });

  it('reads at WCAG AA: 4.5:1 for text, 3:1 for the focus ring', () => {
    const text: [string, string][] = [
      ['text', 'surface'],
      ['text-muted', 'surface'],
      ['accent', 'surface'],
      ['accent-text', 'accent'],
      ['header-text', 'header-bg'],
      ['danger', 'surface'],
      ['success', 'surface'],
      ['warning-text', 'warning-bg'],
      ['text', 'info-bg'],
      ['text-muted', 'info-bg'],
      ['accent', 'info-bg'],
    ];
    for (const [fg, bg] of text) {
      expect(contrast(token(fg), token(bg)), `${fg} sur ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(token('focus'), token('surface'))).toBeGreaterThanOrEqual(3);
    expect(contrast(token('border-strong'), token('surface'))).toBeGreaterThanOrEqual(3);
  });
});
