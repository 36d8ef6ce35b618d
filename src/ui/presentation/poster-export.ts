/**
 * The poster of the step on screen: the map drawn again at A3 300 dpi in the poster's map box
 * (at most the resolution WebGL allows here, the rest enlarged and said so on the poster), with
 * the step's title, text and figures, the same legends as the screen's, sources and date.
 */
import type { ImageLegend } from '../../map/export-image.ts';
import type { MapHandle } from '../../map/map-handle.ts';
import { composePoster, posterLayout, type PosterOptions } from '../../map/poster.ts';
import { formatNumber } from '../format.ts';
import type { StepFigure } from './step-figures.ts';

export interface StepPosterInput {
  handle: MapHandle;
  background: string;
  orientation?: PosterOptions['orientation'];
  title: string;
  text: string;
  subtitle: string;
  figures: StepFigure[];
  figuresOf: string;
  legends: ImageLegend[];
  sources: string[];
  warning?: string;
}

export async function stepPoster(i: StepPosterInput): Promise<Blob> {
  const orientation = i.orientation ?? 'paysage';
  const layout = posterLayout(orientation);
  const screen = i.handle.canvases()[0];
  if (!screen) throw new Error("La carte n'est pas encore prête");
  const cssW = screen.clientWidth || 1;
  const cssH = screen.clientHeight || 1;
  // The map keeps its on-screen extent: one CSS pixel becomes `asked` poster pixels.
  const asked = Math.min(layout.map.w / cssW, layout.map.h / cssH);
  const drawn = await i.handle.renderAt(asked);
  const first = drawn.canvases[0]!;
  const renderNote =
    drawn.ratio < asked * 0.99
      ? `Carte dessinée à ${formatNumber(first.width)} × ${formatNumber(first.height)} px puis agrandie ` +
        `${formatNumber(asked / drawn.ratio, 2)} fois : le WebGL de ce navigateur limite un dessin à ` +
        `${formatNumber(drawn.maxSize)} px de côté.`
      : undefined;
  return composePoster({
    canvases: drawn.canvases,
    background: i.background,
    orientation,
    title: i.title,
    text: i.text,
    subtitle: i.subtitle,
    figures: i.figures,
    figuresOf: i.figuresOf,
    legends: i.legends,
    sources: i.sources,
    renderNote,
    warning: i.warning,
    date: new Date(),
  });
}
