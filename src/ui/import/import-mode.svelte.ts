/**
 * The import mode on the map: a base map (the explore map, so imported sites and territories show
 * as the figures will count them), the sites of large imports by cells, and the sites of the
 * import whose report is open ringed.
 */
import type { PickingInfo } from '@deck.gl/core';
import { importedCellsLayer, importedSitesLayer } from '../../map/layers/imported-sites-layer.ts';
import type { ImportStore } from '../../state/imports.svelte.ts';
import type { MapMode, TooltipContent } from '../map-mode.ts';

export class ImportMapMode implements MapMode {
  #explore: MapMode;
  #imports: ImportStore;

  constructor(explore: MapMode, imports: ImportStore) {
    this.#explore = explore;
    this.#imports = imports;
  }

  get mapLabel(): string {
    return `${this.#explore.mapLabel}, avec les sites importés`;
  }

  get title(): string {
    return this.#explore.title;
  }

  get legends() {
    return this.#explore.legends;
  }

  get sourceIds(): string[] {
    return this.#explore.sourceIds;
  }

  readonly layers = $derived.by(() => {
    const sites = this.#imports.shownSites;
    const shown = this.#imports.shownCells;
    const cells = [...this.#imports.cells].map(([id, c]) =>
      importedCellsLayer({ id, cells: c, ringed: c === shown }),
    );
    const base = [...this.#explore.layers, ...cells];
    if (sites.length === 0) return base;
    return [...base, importedSitesLayer({ sites, radiusPixels: 9 })];
  });

  describe(info: PickingInfo): TooltipContent | null {
    return this.#explore.describe(info);
  }

  click(info: PickingInfo): void {
    this.#explore.click(info);
  }
}
