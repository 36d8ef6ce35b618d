import { formatNumber } from './format.ts';
/**
 * The look of the public build, given by the département as a small JSON file (README,
 * « Thème de la version publique »): its name, logo, colours, font with its licence, and the
 * link to its legal notice. Checked before use: every colour pair that meets on screen must read
 * at WCAG 2.1 AA (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio), every file must be one of
 * the site's own, and the default is the product's neutral, accessible look.
 */

export const THEME_FORMAT = 'carte-insertion-theme';

export interface Theme {
  /** The publisher's name, in the title bar. */
  name: string;
  /** A file beside the theme (SVG, PNG, WebP or JPEG) and its text alternative. */
  logo: { file: string; alt: string } | null;
  colors: {
    /** Buttons, links, the title and the rule under the title bar. */
    accent: string;
    /** Keyboard focus ring; must stand out from the white page. */
    focus: string;
  };
  /** A font file beside the theme (WOFF2, WOFF, TTF or OTF) and the licence it is used under. */
  font: { family: string; file: string; licence: string } | null;
  /** Address of the publisher's legal notice (https). */
  legalNotice: string | null;
}

export const DEFAULT_THEME: Theme = {
  name: "Carte de l'offre d'insertion",
  logo: null,
  colors: { accent: '#0b5563', focus: '#c2410c' },
  font: null,
  legalNotice: null,
};

const SURFACE = '#ffffff';
const HEX = /^#[0-9a-f]{6}$/i;
const FILE = /^[a-z0-9][a-z0-9._-]{0,80}$/i;
const FAMILY = /^[\p{L}\p{N} _-]{1,60}$/u;

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text on a filled accent: white or near-black, whichever reads better. */
export function textOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#1b1f24')
    ? '#ffffff'
    : '#1b1f24';
}

/** "2,43:1", as French writes it. */
const ratioText = (r: number) => `${formatNumber(r, 2)}:1`;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Reads a theme file; every problem is named, and a theme with one is refused as a whole. */
export function parseTheme(raw: unknown): { theme: Theme | null; errors: string[] } {
  const errors: string[] = [];
  if (typeof raw !== 'object' || raw === null) {
    return { theme: null, errors: ['Le thème doit être un objet JSON.'] };
  }
  const r = raw as Record<string, unknown>;
  if (r.format !== THEME_FORMAT) {
    errors.push(`« format » doit valoir « ${THEME_FORMAT} ».`);
  }
  const name = str(r.name);
  if (!name || name.length > 80) errors.push('« name » : le nom du site, 80 caractères au plus.');

  const colors = (r.colors ?? {}) as Record<string, unknown>;
  const accent = str(colors.accent) || DEFAULT_THEME.colors.accent;
  const focus = str(colors.focus) || DEFAULT_THEME.colors.focus;
  for (const [key, v] of [
    ['accent', accent],
    ['focus', focus],
  ] as const) {
    if (!HEX.test(v)) errors.push(`« colors.${key} » : une couleur #rrggbb (reçu « ${v} »).`);
  }
  if (HEX.test(accent)) {
    const onPage = contrastRatio(accent, SURFACE);
    if (onPage < 4.5) {
      errors.push(
        `« colors.accent » ${accent} sur fond blanc : contraste ${ratioText(onPage)}, il faut 4,5:1 au moins (texte des liens et des boutons).`,
      );
    }
  }
  if (HEX.test(focus)) {
    const ring = contrastRatio(focus, SURFACE);
    if (ring < 3) {
      errors.push(
        `« colors.focus » ${focus} sur fond blanc : contraste ${ratioText(ring)}, il faut 3:1 au moins (anneau de focus).`,
      );
    }
  }

  let logo: Theme['logo'] = null;
  if (r.logo !== undefined && r.logo !== null) {
    const l = r.logo as Record<string, unknown>;
    const file = str(l.file);
    const alt = str(l.alt);
    if (!FILE.test(file) || !/\.(svg|png|webp|jpe?g)$/i.test(file)) {
      errors.push('« logo.file » : un fichier SVG, PNG, WebP ou JPEG posé à côté du thème.');
    }
    if (!alt) errors.push('« logo.alt » : le texte qui remplace le logo (« Département de … »).');
    logo = { file, alt };
  }

  let font: Theme['font'] = null;
  if (r.font !== undefined && r.font !== null) {
    const f = r.font as Record<string, unknown>;
    const family = str(f.family);
    const file = str(f.file);
    const licence = str(f.licence);
    if (!FAMILY.test(family))
      errors.push('« font.family » : le nom de la police (lettres, chiffres).');
    if (!FILE.test(file) || !/\.(woff2?|ttf|otf)$/i.test(file)) {
      errors.push('« font.file » : un fichier WOFF2, WOFF, TTF ou OTF posé à côté du thème.');
    }
    if (!licence) {
      errors.push(
        '« font.licence » : la licence sous laquelle la police est publiée (ex. SIL OFL 1.1).',
      );
    }
    font = { family, file, licence };
  }

  let legalNotice: string | null = null;
  if (r.legalNotice !== undefined && r.legalNotice !== null) {
    legalNotice = str(r.legalNotice);
    let ok = false;
    try {
      ok = new URL(legalNotice).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) errors.push('« legalNotice » : l’adresse https:// des mentions légales.');
  }

  if (errors.length > 0) return { theme: null, errors };
  return { theme: { name, logo, colors: { accent, focus }, font, legalNotice }, errors };
}

/** The CSS custom properties a theme sets (app.css reads them). */
export function themeProperties(theme: Theme): Record<string, string> {
  return {
    '--accent': theme.colors.accent,
    '--accent-text': textOn(theme.colors.accent),
    '--focus': theme.colors.focus,
  };
}
