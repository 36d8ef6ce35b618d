/**
 * A presentation step as a poster: A3 at 300 dpi (4961 × 3508 px landscape, 3508 × 4961
 * portrait), the map drawn again at that resolution (MapLibre and deck.gl canvases composed, as
 * the PNG export does), with the step's title and text, its figures, the legend of the map, the
 * sources and the date. The PNG says its resolution (pHYs, 11 811 px/m) so that it prints at
 * A3. All text is canvas text, cut with « … » when too long, never HTML.
 */
import { frenchDate } from '../domain/french.ts';
import type { ImageLegend } from './export-image.ts';
import { withPngChunks } from './png-chunks.ts';
import { fitText, wrapText } from './canvas-text.ts';

export const POSTER_DPI = 300;
/** A3 in pixels at 300 dpi: 297 × 420 mm. */
export const A3_PX = {
  short: Math.round((297 / 25.4) * POSTER_DPI),
  long: Math.round((420 / 25.4) * POSTER_DPI),
};

export interface PosterOptions {
  /** The map canvases at poster resolution, bottom first. */
  canvases: HTMLCanvasElement[];
  background: string;
  orientation: 'paysage' | 'portrait';
  title: string;
  text: string;
  subtitle: string;
  figures: { label: string; value: string; detail: string }[];
  /** The territory the figures are of. */
  figuresOf: string;
  legends: ImageLegend[];
  sources: string[];
  /** A line saying the map was enlarged, when WebGL could not draw it at full resolution. */
  renderNote?: string;
  warning?: string;
  date: Date;
}

const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
const INK = '#161616';
const MUTED = '#4a4a4a';
/** Pixels of a millimetre at 300 dpi. */
const MM = POSTER_DPI / 25.4;
/** Pixels of a typographic point at 300 dpi. */
const PT = POSTER_DPI / 72;

/** The size of the map's box on the poster, for a map of `aspect` (width / height) on screen. */
export function posterLayout(orientation: PosterOptions['orientation']) {
  const width = orientation === 'paysage' ? A3_PX.long : A3_PX.short;
  const height = orientation === 'paysage' ? A3_PX.short : A3_PX.long;
  const margin = Math.round(12 * MM);
  const header = Math.round(orientation === 'paysage' ? 44 * MM : 52 * MM);
  const footer = Math.round(30 * MM);
  const side = orientation === 'paysage' ? Math.round(110 * MM) : 0;
  const below = orientation === 'portrait' ? Math.round(120 * MM) : 0;
  const map = {
    x: margin,
    y: margin + header,
    w: width - 2 * margin - (side ? side + Math.round(8 * MM) : 0),
    h: height - 2 * margin - header - footer - (below ? below + Math.round(8 * MM) : 0),
  };
  const panel = side
    ? { x: map.x + map.w + Math.round(8 * MM), y: map.y, w: side, h: map.h }
    : { x: margin, y: map.y + map.h + Math.round(8 * MM), w: width - 2 * margin, h: below };
  return { width, height, margin, map, panel };
}

export async function composePoster(o: PosterOptions): Promise<Blob> {
  const first = o.canvases[0];
  if (!first) throw new Error('Aucune carte à exporter');
  const L = posterLayout(o.orientation);
  const canvas = document.createElement('canvas');
  canvas.width = L.width;
  canvas.height = L.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D indisponible');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, L.width, L.height);
  ctx.textBaseline = 'top';
  const textW = L.width - 2 * L.margin;

  // Header: the step's title, its text, the dataset.
  let y = L.margin;
  ctx.fillStyle = INK;
  ctx.font = `700 ${Math.round(30 * PT)}px ${FONT}`;
  for (const line of wrapText(ctx, o.title, textW, 1)) {
    ctx.fillText(line, L.margin, y);
    y += Math.round(36 * PT);
  }
  ctx.font = `${Math.round(16 * PT)}px ${FONT}`;
  ctx.fillStyle = MUTED;
  ctx.fillText(fitText(ctx, o.subtitle, textW), L.margin, y);
  y += Math.round(21 * PT);
  if (o.text) {
    ctx.fillStyle = INK;
    for (const line of wrapText(ctx, o.text, textW, 2)) {
      ctx.fillText(line, L.margin, y);
      y += Math.round(20 * PT);
    }
  }
  if (o.warning) {
    ctx.fillStyle = '#c9191e';
    ctx.font = `600 ${Math.round(13 * PT)}px ${FONT}`;
    ctx.fillText(fitText(ctx, o.warning, textW), L.margin, y);
  }

  // The map, its aspect kept, centred in its box.
  const m = L.map;
  const aspect = first.width / first.height;
  const w = Math.min(m.w, m.h * aspect);
  const h = w / aspect;
  const mx = m.x + (m.w - w) / 2;
  const my = m.y + (m.h - h) / 2;
  ctx.fillStyle = o.background;
  ctx.fillRect(mx, my, w, h);
  ctx.imageSmoothingQuality = 'high';
  for (const c of o.canvases) ctx.drawImage(c, mx, my, w, h);
  ctx.strokeStyle = '#b0b0b0';
  ctx.lineWidth = 3;
  ctx.strokeRect(mx, my, w, h);

  // The panel: figures, then legends.
  const p = L.panel;
  let py = p.y;
  const columns = o.orientation === 'portrait' ? 2 : 1;
  const colW = (p.w - (columns - 1) * 6 * MM) / columns;
  let col = 0;
  const colX = () => p.x + col * (colW + 6 * MM);
  if (o.figures.length > 0 && o.figuresOf) {
    ctx.fillStyle = INK;
    ctx.font = `700 ${Math.round(14 * PT)}px ${FONT}`;
    for (const line of wrapText(ctx, `Chiffres : ${o.figuresOf}`, colW, 2)) {
      ctx.fillText(line, colX(), py);
      py += Math.round(18 * PT);
    }
    py += Math.round(6 * PT);
  }
  for (const f of o.figures) {
    ctx.fillStyle = MUTED;
    ctx.font = `${Math.round(14 * PT)}px ${FONT}`;
    for (const line of wrapText(ctx, f.label, colW, 2)) {
      ctx.fillText(line, colX(), py);
      py += Math.round(18 * PT);
    }
    ctx.fillStyle = INK;
    ctx.font = `700 ${Math.round(30 * PT)}px ${FONT}`;
    ctx.fillText(fitText(ctx, f.value, colW), colX(), py + 2 * PT);
    py += Math.round(36 * PT);
    if (f.detail) {
      ctx.fillStyle = MUTED;
      ctx.font = `${Math.round(12 * PT)}px ${FONT}`;
      ctx.fillText(fitText(ctx, f.detail, colW), colX(), py);
      py += Math.round(16 * PT);
    }
    py += Math.round(8 * PT);
  }
  if (o.figures.length > 0) py += Math.round(6 * PT);
  if (columns === 2) {
    col = 1;
    py = p.y;
  }
  for (const legend of o.legends) {
    if (legend.items.length === 0) continue;
    if (legend.title) {
      ctx.fillStyle = INK;
      ctx.font = `700 ${Math.round(14 * PT)}px ${FONT}`;
      for (const line of wrapText(ctx, legend.title, colW, 2)) {
        ctx.fillText(line, colX(), py);
        py += Math.round(18 * PT);
      }
      py += Math.round(3 * PT);
    }
    ctx.font = `${Math.round(12 * PT)}px ${FONT}`;
    const box = Math.round(12 * PT);
    for (const item of legend.items) {
      if (py > p.y + p.h - box) break;
      ctx.fillStyle = item.color;
      if (item.dot) {
        ctx.beginPath();
        ctx.arc(colX() + box / 2, py + box / 2 + 2, box / 2.4, 0, 2 * Math.PI);
        ctx.fill();
        if (item.ring) {
          ctx.strokeStyle = item.ring;
          ctx.lineWidth = 8;
          ctx.stroke();
        }
      } else {
        ctx.fillRect(colX(), py + 2, box * 1.5, box);
        ctx.strokeStyle = 'rgba(0,0,0,0.35)';
        ctx.lineWidth = 2;
        ctx.strokeRect(colX(), py + 2, box * 1.5, box);
      }
      ctx.fillStyle = INK;
      const lines = wrapText(ctx, item.label, colW - box * 2, 2);
      lines.forEach((line, i) => ctx.fillText(line, colX() + box * 2, py + i * 15 * PT));
      py += Math.round((lines.length * 15 + 4) * PT);
    }
    py += Math.round(8 * PT);
  }

  // Sources, date and how the map was drawn, at the foot.
  const foot = [
    ...o.sources,
    ...(o.renderNote ? [o.renderNote] : []),
    `Affiche produite le ${frenchDate(o.date)} · A3 à ${POSTER_DPI} dpi`,
  ];
  ctx.fillStyle = MUTED;
  ctx.font = `${Math.round(10 * PT)}px ${FONT}`;
  const lineH = Math.round(13 * PT);
  let fy = L.height - L.margin - foot.length * lineH;
  for (const s of foot) {
    ctx.fillText(fitText(ctx, s, textW), L.margin, fy);
    fy += lineH;
  }

  const blob = await new Promise<Blob>((ok, fail) =>
    canvas.toBlob(
      (b) => (b ? ok(b) : fail(new Error("L'affiche n'a pas pu être produite"))),
      'image/png',
    ),
  );
  const png = withPngChunks(new Uint8Array(await blob.arrayBuffer()), {
    dpi: POSTER_DPI,
    text: { Title: o.title },
  });
  return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
