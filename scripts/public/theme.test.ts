import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, THEME_FORMAT } from '../../src/domain/theme.ts';
import { stageTheme } from './theme.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'theme-'));

describe('the theme folder of the public build', () => {
  it('writes the neutral default when no theme is given', () => {
    const out = join(dir(), 'theme');
    expect(stageTheme(null, out)).toEqual(DEFAULT_THEME);
    expect(JSON.parse(readFileSync(join(out, 'theme.json'), 'utf8'))).toEqual({
      format: THEME_FORMAT,
      ...DEFAULT_THEME,
    });
  });

  it('copies the logo the theme names beside it, and refuses a theme whose file is missing', () => {
    const src = dir();
    const theme = {
      format: THEME_FORMAT,
      name: 'Département de Valmont',
      logo: { file: 'logo.svg', alt: 'Département de Valmont' },
      colors: { accent: '#7a1f3d' },
    };
    writeFileSync(join(src, 'theme.json'), JSON.stringify(theme));
    expect(() => stageTheme(join(src, 'theme.json'), join(dir(), 'theme'))).toThrow(
      /Fichier du thème absent : logo\.svg/,
    );
    writeFileSync(join(src, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const out = join(dir(), 'theme');
    expect(stageTheme(join(src, 'theme.json'), out).colors).toEqual({
      accent: '#7a1f3d',
      focus: DEFAULT_THEME.colors.focus,
    });
    expect(readdirSync(out).sort()).toEqual(['logo.svg', 'theme.json']);
  });

  it('names every problem of a refused theme', () => {
    const src = dir();
    writeFileSync(
      join(src, 'theme.json'),
      JSON.stringify({ format: THEME_FORMAT, name: '', colors: { accent: '#aaaaaa' } }),
    );
    expect(() => stageTheme(join(src, 'theme.json'), join(dir(), 'theme'))).toThrow(
      /Thème refusé[\s\S]*« name »[\s\S]*colors\.accent/,
    );
  });
});
