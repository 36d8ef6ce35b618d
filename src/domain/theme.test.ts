import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THEME,
  THEME_FORMAT,
  contrastRatio,
  parseTheme,
  textOn,
  themeProperties,
} from './theme.ts';

const good = {
  format: THEME_FORMAT,
  name: 'Département de Valmont',
  logo: { file: 'logo.svg', alt: 'Département de Valmont' },
  colors: { accent: '#7a1f3d', focus: '#1d4ed8' },
  font: { family: 'Atkinson Hyperlegible', file: 'atkinson.woff2', licence: 'SIL OFL 1.1' },
  legalNotice: 'https://www.valmont.example/mentions-legales',
};

describe('the public build’s theme', () => {
  it('reads a département’s theme', () => {
    const { theme, errors } = parseTheme(good);
    expect(errors).toEqual([]);
    expect(theme).toEqual({
      name: good.name,
      logo: good.logo,
      colors: good.colors,
      font: good.font,
      legalNotice: good.legalNotice,
    });
    expect(themeProperties(theme!)).toEqual({
      '--accent': '#7a1f3d',
      '--accent-text': '#ffffff',
      '--focus': '#1d4ed8',
    });
  });

  it('refuses colours that do not read, naming the contrast', () => {
    const { theme, errors } = parseTheme({
      ...good,
      colors: { accent: '#6fa8dc', focus: '#ffe08a' },
    });
    expect(theme).toBeNull();
    expect(errors).toEqual([
      expect.stringMatching(
        /^« colors\.accent » #6fa8dc sur fond blanc : contraste 2,\d\d:1, il faut 4,5:1/,
      ),
      expect.stringMatching(/^« colors\.focus » #ffe08a .+ il faut 3:1/),
    ]);
  });

  it('refuses files outside the theme folder, a font without its licence, a plain-http notice', () => {
    const { errors } = parseTheme({
      ...good,
      logo: { file: '../secret.svg', alt: '' },
      font: { family: 'X', file: 'x.woff2', licence: '' },
      legalNotice: 'http://example.org',
    });
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toMatch(
      /logo\.file[\s\S]*logo\.alt[\s\S]*font\.licence[\s\S]*legalNotice/,
    );
    expect(parseTheme({ ...good, format: 'autre' }).errors).toEqual([
      `« format » doit valoir « ${THEME_FORMAT} ».`,
    ]);
  });

  it('defaults to the product’s own colours, as app.css declares them', () => {
    const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8');
    expect(css).toContain(`--accent: ${DEFAULT_THEME.colors.accent};`);
    expect(css).toContain(`--focus: ${DEFAULT_THEME.colors.focus};`);
    expect(parseTheme({ format: THEME_FORMAT, ...DEFAULT_THEME }).errors).toEqual([]);
  });

  it('puts readable text on the accent', () => {
    expect(textOn('#0b5563')).toBe('#ffffff');
    expect(textOn('#f4c542')).toBe('#1b1f24');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
