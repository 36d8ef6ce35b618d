/**
 * The benchmark report: what `bench/results/*.json` holds, and its section of the README
 * (between the markers below), rewritten by every full run. Pure functions, unit-tested.
 */
import type { BenchNote } from './notes.ts';
import { meetsTarget } from './stats.ts';
import { formatMarkdownTable, formatValue } from './table.ts';
import type { BenchRow } from './types.ts';

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

export interface Machine {
  cores: number;
  memoryBytes: number;
  cpuModel: string;
  platform: string;
  node: string;
  /** Version string of the Chromium that drove the pages, or null if none was found. */
  chromium: string | null;
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadStart: number[];
  loadEnd: number[];
}

export interface BenchReport {
  /** ISO 8601 date and time the run started. */
  date: string;
  /** Commit measured, and whether the working tree had changes. */
  commit: string;
  dirty: boolean;
  machine: Machine;
  options: { runs: number; only: string[] | null };
  durationMs: number;
  rows: BenchRow[];
  /** What could not be measured, and why. */
  notes: BenchNote[];
  /** Suites that failed: the other suites' rows are still reported. */
  errors: { suite: string; message: string }[];
}

/** Replaces what lies between the two markers; throws unless each appears once, in order. */
export function replaceSection(text: string, content: string): string {
  const count = (marker: string) => text.split(marker).length - 1;
  if (count(README_START) !== 1 || count(README_END) !== 1) {
    throw new Error(
      `the README must contain ${README_START} and ${README_END} exactly once each ` +
        `(found ${count(README_START)} and ${count(README_END)})`,
    );
  }
  const start = text.indexOf(README_START) + README_START.length;
  const end = text.indexOf(README_END);
  if (end < start) throw new Error(`${README_END} comes before ${README_START} in the README`);
  const body = content.trim();
  return `${text.slice(0, start)}\n${body}${body ? '\n' : ''}${text.slice(end)}`;
}

const GB = 1e9;

/** "2 cœurs AMD EPYC, 23 Go de mémoire, linux, Node v20.20.2, Chromium 156.0" */
export function describeMachine(m: Machine): string {
  const memory = formatValue(Math.round((m.memoryBytes / GB) * 10) / 10);
  const parts = [
    `${m.cores} cœurs ${m.cpuModel.trim()}`,
    `${memory} Go de mémoire`,
    m.platform,
    `Node ${m.node}`,
  ];
  if (m.chromium) parts.push(m.chromium);
  return parts.join(', ');
}

const formatLoad = (load: readonly number[]) => load.map((l) => formatValue(l)).join(' / ');

/** The README section: date, machine, load, the table, and the targets missed. */
export function formatReadmeSection(report: BenchReport): string {
  const day = report.date.slice(0, 10);
  const lines = [
    `Dernière mesure : ${day}, commit \`${report.commit.slice(0, 12)}\`` +
      `${report.dirty ? ' (avec modifications non commitées)' : ''}, ` +
      `${report.options.runs} essais par mesure de page, ` +
      `durée ${Math.round(report.durationMs / 1000)} s.`,
    '',
    `Machine : ${describeMachine(report.machine)}. Charge moyenne (1 / 5 / 15 min) au début : ` +
      `${formatLoad(report.machine.loadStart)}, à la fin : ${formatLoad(report.machine.loadEnd)}.`,
    '',
    formatMarkdownTable(report.rows).trimEnd(),
  ];
  const missed = report.rows.filter((r) => meetsTarget(r) === false);
  lines.push('');
  if (missed.length === 0) {
    lines.push('Toutes les cibles mesurées sont atteintes.');
  } else {
    lines.push('Cibles non atteintes :');
    for (const r of missed) {
      lines.push(
        `- ${r.suite} · ${r.metric} : ${formatValue(r.median)} ${r.unit} pour une cible de ` +
          `${formatValue(r.target as number)} ${r.unit}.`,
      );
    }
  }
  if (report.notes.length > 0) {
    lines.push('', 'Non mesuré :');
    for (const n of mergeNotes(report.notes)) lines.push(`- ${n.suites.join(', ')} : ${n.text}`);
  }
  if (report.errors.length > 0) {
    lines.push('', 'Suites en échec :');
    for (const e of report.errors) lines.push(`- ${e.suite} : ${e.message.split('\n')[0]}`);
  }
  return lines.join('\n') + '\n';
}

/** Notes of the same text left by several suites, said once with the list of suites. */
export function mergeNotes(notes: readonly BenchNote[]): { suites: string[]; text: string }[] {
  const merged: { suites: string[]; text: string }[] = [];
  for (const n of notes) {
    const same = merged.find((m) => m.text === n.text);
    if (!same) merged.push({ suites: [n.suite], text: n.text });
    else if (!same.suites.includes(n.suite)) same.suites.push(n.suite);
  }
  return merged;
}

/** `bench/results/<date>.json` name: the ISO date with the colons a file name cannot hold. */
export function resultFileName(isoDate: string): string {
  return `${isoDate.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.json`;
}
