import { AXIS_LABELS } from '../../domain/labels.ts';
import type { Site, Source } from '../../domain/model.ts';
import { siteKindLabel, siteSourceText } from '../../domain/site-table.ts';
import { formatNumber } from '../format.ts';
import type { TooltipContent } from '../map-mode.ts';

/**
 * Tooltip lines of an offer site, shared by every mode that draws sites: its kind, axes,
 * capacity (« inconnue » when the source does not give it, never 0), and its source and date.
 */
export function describeSite(s: Site, sources?: ReadonlyMap<string, Source>): TooltipContent {
  return {
    title: s.name,
    lines: [
      siteKindLabel(s),
      s.axes.map((a) => AXIS_LABELS[a]).join(', '),
      s.capacity !== null ? `${formatNumber(s.capacity)} places` : 'Capacité inconnue',
      ...(sources ? [siteSourceText(s, sources)] : []),
    ],
  };
}
