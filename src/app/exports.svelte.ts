/**
 * The map as an image: the PNG download and the printed sheet, both composed from the map's
 * canvases with the current tool's title, legends and sources.
 */
import { tick } from 'svelte';
import { messageOf } from '../domain/errors.ts';
import { BACKGROUND_COLOR } from '../map/colors.ts';
import { composeMapImage } from '../map/export-image.ts';
import type { MapHandle } from '../map/map-handle.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { downloadBlob, fileSlug } from '../ui/download.ts';
import { sourceLine } from '../ui/format.ts';
import type { MapMode } from '../ui/map-mode.ts';

export const FICTIONAL_WARNING =
  'Données fictives : département de démonstration, aucun territoire réel';

/** The sources of a map, one line each. */
export function sourceLines(app: AppState, map: MapMode): string[] {
  return map.sourceIds.flatMap((id) => {
    const s = app.data.sourceById(id);
    return s ? [`Source : ${sourceLine(s)}`] : [];
  });
}

export class MapExports {
  readonly #app: AppState;
  readonly #map: () => MapMode;
  /** The map on screen, once it is drawn. */
  handle: MapHandle | null = null;
  /** The map as an image, for the printed sheet. */
  printImage = $state<string | null>(null);
  error = $state<string | null>(null);

  constructor(app: AppState, map: () => MapMode) {
    this.#app = app;
    this.#map = map;
  }

  async #image(): Promise<Blob> {
    const meta = this.#app.data.meta;
    const map = this.#map();
    if (!this.handle || !meta) throw new Error("La carte n'est pas encore prête");
    const scheme =
      meta.schemes.find((s) => s.id === this.#app.effectiveSchemeId)?.label ?? 'Communes';
    return composeMapImage({
      canvases: this.handle.canvases(),
      background: BACKGROUND_COLOR,
      title: map.title,
      subtitle: `${meta.name} · ${scheme}`,
      legends: map.legends,
      sources: sourceLines(this.#app, map),
      date: new Date(),
      warning: meta.fictional ? FICTIONAL_WARNING : undefined,
    });
  }

  async downloadPng(): Promise<void> {
    this.error = null;
    try {
      const blob = await this.#image();
      downloadBlob(
        blob,
        `${fileSlug(`carte-${this.#app.data.meta?.id}-${this.#map().title}`)}.png`,
      );
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  async print(): Promise<void> {
    this.error = null;
    try {
      const blob = await this.#image();
      this.printImage = await new Promise<string>((ok) => {
        const reader = new FileReader();
        reader.onload = () => ok(String(reader.result));
        reader.readAsDataURL(blob);
      });
      await tick();
      window.print();
    } catch (e) {
      this.error = messageOf(e);
    }
  }
}
