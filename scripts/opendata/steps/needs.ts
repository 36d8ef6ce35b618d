/**
 * Step "needs" (needs.arrow): the need indicators by commune the folder provides, CAF RSA
 * households, job seekers, Filosofi poor households, each with its indicator description.
 */
import { basename } from 'node:path';
import {
  NEED_IDS,
  parseCafRsa,
  parseFilosofi,
  parseJobSeekers,
  type NeedContext,
} from '../../../src/domain/import/needs.ts';
import type { NeedIndicator, NeedValue } from '../../../src/domain/model.ts';
import { findFile, readTableFile } from '../files.ts';
import { sourceFor, SOURCES } from '../sources.ts';
import type { CommuneList } from './commune-list.ts';
import type { BuildContext } from './context.ts';

export interface Needs {
  needs: NeedValue[];
  needIndicators: NeedIndicator[];
  /** The indicator standing for "beneficiaries" by default: RSA, else job seekers, else poverty. */
  defaultNeed: string;
}

export function needsStep(ctx: BuildContext, { index }: CommuneList): Needs {
  const { dep, from } = ctx;
  const needs: NeedValue[] = [];
  const needIndicators: NeedIndicator[] = [];
  const needCtx = (sourceId: string, inputId: string, label: string): NeedContext => ({
    dep,
    communes: index,
    sourceId,
    inputId,
    label,
  });
  const cafFile = ctx.options.caf ?? findFile(from, 'besoins', /caf|rsa/i);
  if (cafFile) {
    const r = parseCafRsa(
      readTableFile(cafFile),
      needCtx(SOURCES.caf.id, 'caf-rsa', 'Foyers allocataires du RSA (CAF)'),
      Number(/20\d{2}/.exec(basename(cafFile))?.[0]) || null,
    );
    // A file given with --caf must hold the département; one found in the folder may be of others.
    if (ctx.accept(r.report, { setAsideIsEmpty: !ctx.options.caf })) {
      ctx.use(
        sourceFor('caf', {
          millesime: r.year ? `décembre ${r.year}` : 'non précisé',
          note: `${SOURCES.caf.note} Fichier ${basename(cafFile)}.`,
        }),
      );
      for (const n of r.needs) needs.push(n);
      needIndicators.push({
        id: NEED_IDS.rsa,
        label: 'Foyers allocataires du RSA',
        unit: 'foyers',
        sourceId: SOURCES.caf.id,
      });
    }
  }
  const jobFile =
    findFile(from, 'population', /demandeurs_emploi.*\.json$/i) ??
    findFile(from, 'besoins', /demandeurs_emploi/i);
  if (jobFile) {
    const r = parseJobSeekers(
      readTableFile(jobFile),
      needCtx(SOURCES.jobSeekers.id, 'demandeurs-emploi', 'Demandeurs d’emploi par commune'),
      2025,
    );
    if (ctx.accept(r.report, { setAsideIsEmpty: true })) {
      ctx.use(SOURCES.jobSeekers);
      for (const n of r.needs) needs.push(n);
      needIndicators.push({
        id: NEED_IDS.jobSeekers,
        label: 'Demandeurs d’emploi',
        unit: 'personnes',
        sourceId: SOURCES.jobSeekers.id,
      });
    }
  }
  const filoFile = findFile(from, 'besoins', /filosofi/i);
  if (filoFile) {
    const year = Number(/filosofi(20\d{2})/i.exec(basename(filoFile))?.[1] ?? 2016);
    const source = sourceFor('filosofi', {
      id: `insee-filosofi-${year}`,
      millesime: String(year),
      title: SOURCES.filosofi.title.replace('2016', String(year)),
    });
    const r = parseFilosofi(
      readTableFile(filoFile),
      needCtx(source.id, 'filosofi', `Ménages pauvres (Filosofi ${year})`),
      year,
    );
    // The folder's Filosofi extract may cover other départements only.
    if (ctx.accept(r.report, { setAsideIsEmpty: true })) {
      const src = ctx.use(source);
      for (const n of r.needs) needs.push(n);
      needIndicators.push({
        id: NEED_IDS.poorHouseholds,
        label: 'Ménages sous le seuil de pauvreté (estimation)',
        unit: 'ménages',
        sourceId: src,
      });
    }
  }
  const defaultNeed =
    [NEED_IDS.rsa, NEED_IDS.jobSeekers, NEED_IDS.poorHouseholds].find((id) =>
      needIndicators.some((n) => n.id === id),
    ) ?? '';
  return { needs, needIndicators, defaultNeed };
}
