/** French wording of travel times, shared by every tool that shows them. */
import { formatDecimal } from '../../domain/format.ts';
import { formatNumber } from '../format.ts';

/**
 * "23 min", "1 h 05", "plus de 90 min" beyond the horizon. Minutes are rounded up, so that a time
 * reads as N min or less exactly when it is within N minutes (a commune "au-delà de 30 min" never
 * reads "30 min"): one rule, the one the figures count by (summary.ts).
 */
export function formatMinutes(minutes: number, horizon = 90): string {
  if (!Number.isFinite(minutes)) return `plus de ${formatNumber(horizon)} min`;
  const m = Math.ceil(minutes);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
}

/** "30 min sans voiture". */
export function reachText(minutes: number, mode: 'voiture' | 'sans-voiture'): string {
  return `${formatDecimal(minutes, 3)} min ${mode === 'voiture' ? 'en voiture' : 'sans voiture'}`;
}
