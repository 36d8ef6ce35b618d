/**
 * The public build's theme folder: the département's theme file (src/domain/theme.ts), checked,
 * with the logo and font files it names copied beside it; or the neutral default when none is
 * given. The app reads it at start, so a published folder can also take a new theme later by
 * replacing this folder, without a new build.
 */
import { messageOf } from '../../src/domain/errors.ts';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_THEME, THEME_FORMAT, parseTheme, type Theme } from '../../src/domain/theme.ts';

/** Writes `outDir`/theme.json (and the theme's files); throws with every problem found. */
export function stageTheme(themePath: string | null, outDir: string): Theme {
  mkdirSync(outDir, { recursive: true });
  let theme = DEFAULT_THEME;
  if (themePath) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(themePath, 'utf8'));
    } catch (e) {
      throw new Error(`Thème illisible (${themePath}) : ${messageOf(e)}`);
    }
    const { theme: parsed, errors } = parseTheme(raw);
    const files = [parsed?.logo?.file, parsed?.font?.file].filter((f): f is string => !!f);
    for (const f of files) {
      if (!existsSync(join(dirname(themePath), f))) {
        errors.push(`Fichier du thème absent : ${f} (attendu à côté de ${themePath}).`);
      }
    }
    if (!parsed || errors.length > 0) {
      throw new Error(`Thème refusé (${themePath}) :\n- ${errors.join('\n- ')}`);
    }
    for (const f of files) copyFileSync(join(dirname(themePath), f), join(outDir, f));
    theme = parsed;
  }
  writeFileSync(
    join(outDir, 'theme.json'),
    JSON.stringify({ format: THEME_FORMAT, ...theme }, null, 2) + '\n',
  );
  return theme;
}
