/**
 * A scenario's summary card as a PNG for a workshop slide (1920 × 1080): title, dataset and
 * date, the key figures of A and B with B − A, the sites each changes, the assumptions' badges,
 * and a small map of the communes drawn from their polygons (no WebGL: the card has its own
 * extent and size, whatever the map on screen shows). All text is canvas text, never HTML, and a
 * text too wide for its place is cut with « … ».
 */
import type { Polygon, Position } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import { frenchDate } from '../domain/french.ts';
import type { ImageLegend } from './export-image.ts';
import { fitText } from './canvas-text.ts';
import { withPngChunks } from './png-chunks.ts';

export const CARD_WIDTH = 1920;
export const CARD_HEIGHT = 1080;

export interface SummaryCardContent {
  title: string;
  subtitle: string;
  heads: [string, string, string];
  rows: { label: string; a: string; b: string; delta: string }[];
  sites: string[];
  badges: string[];
  sources: string[];
  warning?: string;
}

export interface SummaryCardOptions {
  content: SummaryCardContent;
  /** The card as text, written into the PNG (tEXt « Description »). */
  text: string;
  features: readonly CommuneFeature[];
  /** Fill of a commune on the small map (CSS colour). */
  fillOf: (code: string) => string;
  legend: ImageLegend;
  date: Date;
}

const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
const INK = '#161616';
const MUTED = '#4a4a4a';

function rings(f: CommuneFeature): Position[][] {
  const g = f.geometry;
  return g.type === 'Polygon'
    ? g.coordinates
    : g.coordinates.flatMap((p: Polygon['coordinates']) => p);
}

/** Draws the communes in a box, north up, with the longitude scaled by the cosine of the latitude. */
function drawCommunes(
  ctx: CanvasRenderingContext2D,
  features: readonly CommuneFeature[],
  fillOf: (code: string) => string,
  box: { x: number; y: number; w: number; h: number },
): void {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const f of features)
    for (const r of rings(f))
      for (const [lon, lat] of r as [number, number][]) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  if (!Number.isFinite(west)) return;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min(box.w / ((east - west) * k || 1), box.h / (north - south || 1));
  const ox = box.x + (box.w - (east - west) * k * scale) / 2;
  const oy = box.y + (box.h - (north - south) * scale) / 2;
  ctx.lineWidth = 0.6;
  ctx.strokeStyle = 'rgba(255,255,255,0.8)';
  for (const f of features) {
    ctx.beginPath();
    for (const r of rings(f)) {
      r.forEach(([lon, lat], i) => {
        const x = ox + ((lon as number) - west) * k * scale;
        const y = oy + (north - (lat as number)) * scale;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.closePath();
    }
    ctx.fillStyle = fillOf(f.id);
    ctx.fill('evenodd');
    ctx.stroke();
  }
}

export async function composeSummaryCard(o: SummaryCardOptions): Promise<Blob> {
  const c = o.content;
  const canvas = document.createElement('canvas');
  canvas.width = CARD_WIDTH;
  canvas.height = CARD_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D indisponible');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.textBaseline = 'top';
  const pad = 72;
  const leftW = 1000;

  ctx.fillStyle = INK;
  ctx.font = `700 54px ${FONT}`;
  ctx.fillText(fitText(ctx, c.title, CARD_WIDTH - 2 * pad), pad, 56);
  ctx.font = `30px ${FONT}`;
  ctx.fillStyle = MUTED;
  ctx.fillText(fitText(ctx, c.subtitle, CARD_WIDTH - 2 * pad), pad, 128);
  let y = 176;
  if (c.warning) {
    ctx.fillStyle = '#c9191e';
    ctx.font = `600 24px ${FONT}`;
    ctx.fillText(fitText(ctx, c.warning, CARD_WIDTH - 2 * pad), pad, y);
    y += 36;
  }

  // The figures: a label line, then A, B and B − A in three columns.
  y += 28;
  const colX = [pad, pad + 340, pad + 680];
  ctx.font = `600 24px ${FONT}`;
  ctx.fillStyle = MUTED;
  c.heads.forEach((h, i) => ctx.fillText(fitText(ctx, h, 320), colX[i]!, y));
  y += 42;
  for (const r of c.rows) {
    ctx.fillStyle = INK;
    ctx.font = `600 28px ${FONT}`;
    ctx.fillText(fitText(ctx, r.label, leftW - pad), pad, y);
    y += 40;
    ctx.font = `700 52px ${FONT}`;
    [r.a, r.b, r.delta].forEach((v, i) => {
      ctx.fillStyle =
        i === 2 ? (v.startsWith('−') ? '#2166ac' : v.startsWith('+') ? '#b2182b' : INK) : INK;
      ctx.fillText(fitText(ctx, v, 320), colX[i]!, y);
    });
    y += 78;
  }

  ctx.font = `26px ${FONT}`;
  ctx.fillStyle = INK;
  for (const line of c.sites) {
    ctx.fillText(fitText(ctx, line, leftW - pad), pad, y);
    y += 38;
  }
  // Badges as on screen: a rounded outline around each assumption's short text.
  y += 12;
  let x = pad;
  ctx.font = `22px ${FONT}`;
  for (const badge of c.badges) {
    const text = fitText(ctx, badge, leftW - pad - 24);
    const w = ctx.measureText(text).width + 24;
    if (x + w > leftW) {
      x = pad;
      y += 44;
    }
    ctx.strokeStyle = '#7a5c00';
    ctx.fillStyle = '#fff6d6';
    ctx.beginPath();
    ctx.roundRect(x, y, w, 36, 18);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#4d3a00';
    ctx.fillText(text, x + 12, y + 7);
    x += w + 10;
  }

  // The small map and its legend, right.
  const mapBox = { x: leftW + 40, y: 240, w: CARD_WIDTH - leftW - 40 - pad, h: 520 };
  ctx.fillStyle = '#eef1f4';
  ctx.fillRect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  drawCommunes(ctx, o.features, o.fillOf, {
    x: mapBox.x + 12,
    y: mapBox.y + 12,
    w: mapBox.w - 24,
    h: mapBox.h - 24,
  });
  let ly = mapBox.y + mapBox.h + 16;
  ctx.font = `600 20px ${FONT}`;
  ctx.fillStyle = INK;
  ctx.fillText(fitText(ctx, o.legend.title, mapBox.w), mapBox.x, ly);
  ly += 30;
  ctx.font = `17px ${FONT}`;
  for (const item of o.legend.items) {
    ctx.fillStyle = item.color;
    ctx.fillRect(mapBox.x, ly + 2, 24, 16);
    ctx.strokeStyle = 'rgba(0,0,0,0.35)';
    ctx.strokeRect(mapBox.x, ly + 2, 24, 16);
    ctx.fillStyle = INK;
    ctx.fillText(fitText(ctx, item.label, mapBox.w - 34), mapBox.x + 34, ly);
    ly += 24;
  }

  // Sources and date, at the foot.
  ctx.font = `18px ${FONT}`;
  ctx.fillStyle = MUTED;
  const foot = [...c.sources, `Fiche produite le ${frenchDate(o.date)}`];
  let fy = CARD_HEIGHT - 28 - 24 * foot.length;
  for (const s of foot) {
    ctx.fillText(fitText(ctx, s, leftW - pad), pad, fy);
    fy += 24;
  }

  const blob = await new Promise<Blob>((ok, fail) =>
    canvas.toBlob(
      (b) => (b ? ok(b) : fail(new Error("L'image n'a pas pu être produite"))),
      'image/png',
    ),
  );
  const png = withPngChunks(new Uint8Array(await blob.arrayBuffer()), {
    text: { Title: c.title, Description: o.text },
  });
  return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
