import { TextLayer } from '@deck.gl/layers';

export interface Label {
  code: string;
  text: string;
  position: [number, number];
}

export interface LabelsLayerOptions {
  labels: Label[];
  sizePixels: number;
}

/** Characters per line of a label, about the width deck.gl used to wrap at (12 em). */
export const LABEL_LINE_CHARS = 20;

/**
 * A name on lines of at most `maxChars`, broken only between words: at spaces, and after the
 * hyphens of compound names ("Saint-Germain-" / "Estrennes", never "Estre" / "nnes"). A word
 * longer than a line stays whole on its own line.
 */
export function wrapLabel(text: string, maxChars = LABEL_LINE_CHARS): string {
  // Pieces that may end a line: each word, split after its hyphens.
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces = word.split(/(?<=-)/);
    pieces.forEach((piece, i) => {
      const glue = line === '' || i > 0 ? '' : ' ';
      if (line !== '' && line.length + glue.length + piece.length > maxChars) {
        lines.push(line);
        line = piece;
      } else line += glue + piece;
    });
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** Characters of a label on the map: a name from a file may be any length. */
export const LABEL_MAX_CHARS = 60;

/** A label cut at `LABEL_MAX_CHARS` with « … »; the tooltip and the tables give it whole. */
export const clipLabel = (text: string): string =>
  text.length <= LABEL_MAX_CHARS ? text : text.slice(0, LABEL_MAX_CHARS - 1).trimEnd() + '…';

/**
 * Territory names, drawn by deck.gl from a system font: the map needs no glyph server. A white
 * halo keeps them legible over any fill. Lines are broken here, between words (`wrapLabel`):
 * deck.gl's own wrapping breaks a long compound name in the middle of a word.
 */
export function labelsLayer(o: LabelsLayerOptions) {
  return new TextLayer<Label>({
    id: 'territory-labels',
    data: o.labels,
    getPosition: (l) => l.position,
    getText: (l) => wrapLabel(clipLabel(l.text)),
    getSize: o.sizePixels,
    sizeUnits: 'pixels',
    getColor: [25, 25, 40, 255],
    fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 230],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
  });
}
