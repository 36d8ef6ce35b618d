/**
 * The public build's theme (src/domain/theme.ts), read once from its folder: until it arrives,
 * and when it cannot be read, the product's neutral default.
 */
import { messageOf } from '../domain/errors.ts';
import { fetchThemeFile, themeFileUrl } from '../data/artefacts.ts';
import { DEFAULT_THEME, parseTheme, type Theme } from '../domain/theme.ts';

export class PublicTheme {
  theme = $state.raw<Theme>(DEFAULT_THEME);
  /** Why the theme file was not used, if it was not. */
  errors = $state.raw<string[]>([]);

  async load(): Promise<void> {
    try {
      const { theme, errors } = parseTheme(await fetchThemeFile());
      this.errors = errors;
      if (theme) this.theme = theme;
    } catch (e) {
      this.errors = [messageOf(e)];
    }
  }

  get logoUrl(): string | null {
    return this.theme.logo ? themeFileUrl(this.theme.logo.file) : null;
  }

  get fontUrl(): string | null {
    return this.theme.font ? themeFileUrl(this.theme.font.file) : null;
  }
}

export const publicTheme = new PublicTheme();
