/**
 * Builds the dataset of one real département from official open-data files laid out like the
 * open-data folder (data/sources.md lists the files and where each comes from). Each input kind
 * has its module; the parsing and validation are those of src/domain/import, which the browser
 * runs too. Every input gets a validation report, written next to the dataset.
 *
 * The build is a sequence of steps (steps/), each named after the artefact it returns; they
 * share a BuildContext (options, log, reports, sources cited).
 */
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { ValidationReport } from '../../src/domain/import/report.ts';
import { StepTimer } from '../lib/steps.ts';
import { communeListStep } from './steps/commune-list.ts';
import { communesStep } from './steps/communes.ts';
import { BuildContext, type BuildOptions } from './steps/context.ts';
import { metaStep } from './steps/meta.ts';
import { needsStep } from './steps/needs.ts';
import { polygonsStep } from './steps/polygons.ts';
import { sitesStep } from './steps/sites.ts';
import { territoriesStep } from './steps/territories.ts';

export type { BuildOptions };

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) + '\n');
export { datasetIdOf } from './steps/meta.ts';

export interface BuildResult {
  bundle: DatasetBundle;
  reports: ValidationReport[];
  /** Files written beside the tables: `reports.json`, and those of steps that write their own. */
  files: Map<string, Uint8Array>;
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

export function buildDepartement(options: BuildOptions): BuildResult {
  const ctx = new BuildContext(options);
  const time = new StepTimer();
  const list = time.step('commune-list', () => communeListStep(ctx));
  // The need files first: one that keeps no row stops the build before the heavy steps run.
  const needs = time.step('needs', () => needsStep(ctx, list));
  const contours = time.step('polygons', () => polygonsStep(ctx, list));
  const communes = time.step('communes', () => communesStep(ctx, list, contours));
  const schemes = time.step('territories', () => territoriesStep(ctx, list, contours, communes));
  const sites = time.step('sites', () => sitesStep(ctx, communes, contours));
  const meta = time.step('meta', () => metaStep(ctx, list.cog, schemes, communes, needs));
  const bundle: DatasetBundle = {
    meta,
    communes: communes.communes,
    polygons: contours.polygons,
    territories: schemes.flatMap((s) => s.territories),
    memberships: schemes.flatMap((s) => s.memberships),
    sites,
    needs: needs.needs,
    barriers: [],
  };
  const files = new Map([['reports.json', jsonBytes(ctx.reports)]]);
  return { bundle, reports: ctx.reports, files, timings: time.timings };
}
