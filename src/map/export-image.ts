/**
 * The map as a PNG for a report or a slide: the map canvases composed on a white page with a
 * title, the legend, the sources and the date. Everything is drawn as canvas text: no data string
 * is ever parsed as HTML.
 */
import { wrapText } from './canvas-text.ts';
import type { Classes } from '../domain/classify.ts';
import { frenchDate } from '../domain/french.ts';

export interface LegendItem {
  color: string;
  label: string;
  /** Drawn as a dot (points) rather than a swatch (areas). */
  dot?: boolean;
  /** Colour of the dot's ring, for hollow points (a white dot ringed in the points' colour). */
  ring?: string;
}

export interface ImageLegend {
  title: string;
  items: LegendItem[];
  /**
   * The values the classes were cut from, for the histogram under the legend on screen (the
   * image export draws the classes only).
   */
  distribution?: LegendDistribution;
}

export interface LegendDistribution {
  values: readonly (number | null)[];
  classes: Classes;
  /** One colour per class, as the map draws them. */
  colors: readonly string[];
  decimals: number;
  /** What one value is of ("commune", "EPCI"…), singular and plural. */
  noun: [string, string];
}

export interface MapImageOptions {
  /** Canvases to draw, bottom first (the MapLibre canvas, then the deck.gl one). */
  canvases: HTMLCanvasElement[];
  background: string;
  title: string;
  subtitle: string;
  legends: ImageLegend[];
  /** Source line(s), already formatted. */
  sources: string[];
  date: Date;
  /** Printed in red under the title when the data is fictional. */
  warning?: string;
}

const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';

export async function composeMapImage(o: MapImageOptions): Promise<Blob> {
  const first = o.canvases[0];
  if (!first) throw new Error('Aucune carte à exporter');
  // Canvas pixels already carry the device pixel ratio.
  const scale = first.width / first.clientWidth || 1;
  const mapW = first.width;
  const mapH = first.height;
  const pad = 24 * scale;
  const legendW = 300 * scale;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D indisponible');

  const headerH = (o.warning ? 92 : 70) * scale;
  const footerH = (18 * o.sources.length + 30) * scale;
  canvas.width = mapW + legendW + 3 * pad;
  canvas.height = headerH + mapH + footerH + 2 * pad;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  ctx.fillStyle = '#161616';
  ctx.textBaseline = 'top';
  ctx.font = `700 ${22 * scale}px ${FONT}`;
  ctx.fillText(o.title, pad, pad);
  ctx.font = `${15 * scale}px ${FONT}`;
  ctx.fillStyle = '#444';
  ctx.fillText(o.subtitle, pad, pad + 30 * scale);
  if (o.warning) {
    ctx.fillStyle = '#c9191e';
    ctx.font = `600 ${14 * scale}px ${FONT}`;
    ctx.fillText(o.warning, pad, pad + 54 * scale);
  }

  const mapY = pad + headerH;
  ctx.fillStyle = o.background;
  ctx.fillRect(pad, mapY, mapW, mapH);
  for (const c of o.canvases) ctx.drawImage(c, pad, mapY, mapW, mapH);
  ctx.strokeStyle = '#cccccc';
  ctx.strokeRect(pad, mapY, mapW, mapH);

  // Legends, right of the map.
  let y = mapY;
  const x = mapW + 2 * pad;
  for (const legend of o.legends) {
    ctx.fillStyle = '#161616';
    ctx.font = `700 ${14 * scale}px ${FONT}`;
    for (const line of wrapText(ctx, legend.title, legendW)) {
      ctx.fillText(line, x, y);
      y += 18 * scale;
    }
    y += 4 * scale;
    ctx.font = `${13 * scale}px ${FONT}`;
    for (const item of legend.items) {
      ctx.fillStyle = item.color;
      if (item.dot) {
        ctx.beginPath();
        ctx.arc(x + 9 * scale, y + 8 * scale, 6 * scale, 0, 2 * Math.PI);
        ctx.fill();
        if (item.ring) {
          ctx.strokeStyle = item.ring;
          ctx.lineWidth = 2.5 * scale;
          ctx.stroke();
          ctx.lineWidth = 1;
        }
      } else {
        ctx.fillRect(x, y + 2 * scale, 22 * scale, 13 * scale);
        ctx.strokeStyle = 'rgba(0,0,0,0.3)';
        ctx.strokeRect(x, y + 2 * scale, 22 * scale, 13 * scale);
      }
      ctx.fillStyle = '#161616';
      ctx.fillText(item.label, x + 30 * scale, y + 2 * scale, legendW - 30 * scale);
      y += 19 * scale;
    }
    y += 14 * scale;
  }

  // Sources and date, under the map.
  let fy = mapY + mapH + 12 * scale;
  ctx.fillStyle = '#555';
  ctx.font = `${12 * scale}px ${FONT}`;
  for (const s of o.sources) {
    ctx.fillText(s, pad, fy, canvas.width - 2 * pad);
    fy += 18 * scale;
  }
  ctx.fillText(`Carte produite le ${frenchDate(o.date)}`, pad, fy);

  return new Promise((ok, fail) =>
    canvas.toBlob(
      (b) => (b ? ok(b) : fail(new Error("L'image n'a pas pu être produite"))),
      'image/png',
    ),
  );
}
