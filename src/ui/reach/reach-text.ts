/**
 * French wording of the reach figures: minutes, site states, edits of the scenario, and the
 * difference from the initial situation ("+1 240 bénéficiaires à moins de 30 min").
 */
import type { SiteStatus } from '../../domain/reach/session.ts';
import type { ReachDelta } from '../../domain/reach/summary.ts';
import { STATE_LABELS, type Figure } from '../../domain/value-state.ts';
import type { ReachTool } from '../../state/reach.svelte.ts';
import { SECRET_MARK, formatNumber } from '../format.ts';

/** The tools of the reach map, with the hint under them. */
export const REACH_TOOLS: { value: ReachTool; label: string; hint: string }[] = [
  { value: 'inspect', label: 'Consulter', hint: 'Survolez une commune pour lire son temps.' },
  {
    value: 'open',
    label: 'Ouvrir',
    hint: 'Cliquez sur la carte pour ouvrir un site à cet endroit.',
  },
  {
    value: 'move',
    label: 'Déplacer',
    hint: 'Faites glisser un site vers son nouvel emplacement.',
  },
  { value: 'close', label: 'Fermer', hint: 'Cliquez sur un site pour le fermer.' },
];

export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  existing: 'Site existant',
  opened: 'Site ouvert dans le scénario',
  moved: 'Site déplacé dans le scénario',
  closed: 'Site fermé dans le scénario',
};

/** A signed count: "+1 240", "−35", "0". */
export function signed(n: number): string {
  if (n === 0) return '0';
  return `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n))}`;
}

/**
 * The change from the initial situation in words, one line per figure that changed; empty when
 * nothing changed.
 */
export function deltaLines(delta: ReachDelta, needUnit: string, maxMinutes: number): string[] {
  const within = `à moins de ${formatNumber(maxMinutes)} min`;
  const lines: string[] = [];
  if (delta.needWithin !== null && delta.needWithin !== 0) {
    lines.push(`${signed(delta.needWithin)} ${needUnit} ${within}`);
  }
  if (delta.populationWithin !== 0) {
    lines.push(`${signed(delta.populationWithin)} habitants ${within}`);
  }
  if (delta.communesWithin !== 0) {
    lines.push(
      `${signed(delta.communesWithin)} commune${Math.abs(delta.communesWithin) > 1 ? 's' : ''} ${within}`,
    );
  }
  return lines;
}

/**
 * A count of people beyond N minutes in a table cell: the number; "≥ 120" for a sum over the
 * communes whose value is known while others are masked (a lower bound, counts being
 * non-negative); the secrecy mark « secret »; or the state in words.
 */
export function countCell(f: Figure): string {
  if (f.value !== null) return `${f.state === 'partial' ? '≥ ' : ''}${formatNumber(f.value)}`;
  if (f.state === 'secret') return SECRET_MARK;
  return f.state === 'known' || f.state === 'partial' ? '–' : STATE_LABELS[f.state];
}
