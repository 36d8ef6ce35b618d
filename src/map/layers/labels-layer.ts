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

/**
 * Territory names, drawn by deck.gl from a system font: the map needs no glyph server. A white
 * halo keeps them legible over any fill.
 */
export function labelsLayer(o: LabelsLayerOptions) {
  return new TextLayer<Label>({
    id: 'territory-labels',
    data: o.labels,
    getPosition: (l) => l.position,
    getText: (l) => l.text,
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
    maxWidth: 12,
    wordBreak: 'break-word',
    pickable: false,
  });
}
