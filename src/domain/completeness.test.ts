import { describe, expect, it } from 'vitest';
import {
  defaultAccueilKinds,
  defaultCoverageAxis,
  kindsWithoutSites,
  millesimeDate,
  offerCompleteness,
} from './completeness.ts';
import { testSite } from './gaps/test-fixtures.ts';
import type { Source } from './model.ts';

const source = (id: string, millesime: string): Source => ({
  id,
  producer: 'P',
  title: id,
  licence: '',
  millesime,
  url: '',
  note: '',
});
const today = new Date(Date.UTC(2026, 0, 15));

describe('millésimes as dates', () => {
  it('reads the forms the sources use, a bare year counting from its last day', () => {
    const iso = (m: string) => millesimeDate(m)?.toISOString().slice(0, 10) ?? null;
    expect(iso('2024-08-01')).toBe('2024-08-01');
    expect(iso('2019-11')).toBe('2019-11-30');
    expect(iso('2021')).toBe('2021-12-31');
    expect(iso('COG 2024')).toBe('2024-12-31');
    expect(iso('publié en avril 2025')).toBe('2025-12-31');
    expect(iso('2018-2024')).toBe('2024-12-31');
    expect(iso('')).toBeNull();
  });
});

describe('completeness of the offer', () => {
  const sites = [
    { ...testSite('fs1', 'C0', ['accueil'], null, 'france_services'), sourceId: 'fs' },
    { ...testSite('siae1', 'C0', ['iae'], null, 'siae'), sourceId: 'siae' },
    { ...testSite('siae2', 'C1', ['iae'], null, 'siae'), sourceId: 'siae' },
    { ...testSite('siae3', 'C1', ['iae'], 12, 'siae'), sourceId: 'siae' },
    { ...testSite('a1', 'C1', ['numerique'], 5, 'action'), sourceId: 'local' },
  ];
  const sources = [source('fs', '2024-08-01'), source('siae', '2019-07'), source('local', '')];
  const c = offerCompleteness(sites, sources, today);
  const kind = (k: string) => c.kinds.find((x) => x.kind === k)!;

  it('counts every kind, absent ones included, with its sources and dates', () => {
    expect(c.kinds.map((k) => k.kind)).toContain('mds');
    expect(kind('mds')).toMatchObject({ sites: 0, flags: ['no_site'] });
    expect(kind('france_services')).toMatchObject({ sites: 1, flags: [] });
    expect(kind('france_services').sources[0]!.ageYears).toBeCloseTo(1.46, 1);
    expect(c.absentKinds).toEqual(['mds', 'ccas', 'caf_msa', 'france_travail', 'mobilite']);
  });

  it('flags old sources, undated ones, and capacities mostly unknown for the offer kinds', () => {
    expect(kind('siae').flags).toEqual(['old_source', 'capacity_unknown']);
    expect(kind('siae').unknownCapacity).toBe(2);
    expect(kind('action').flags).toEqual(['undated']);
    // France Services give no capacity, and need none: no flag.
    expect(kind('france_services').flags).not.toContain('capacity_unknown');
  });

  it('counts the sites of every axis', () => {
    expect(c.axes.find((a) => a.axis === 'iae')).toEqual({
      axis: 'iae',
      sites: 3,
      unknownCapacity: 2,
    });
    expect(c.axes.find((a) => a.axis === 'remobilisation')!.sites).toBe(0);
  });

  it('ticks by default only the accueil kinds that have sites, and names the others', () => {
    expect(defaultAccueilKinds(sites)).toEqual(['france_services']);
    expect(kindsWithoutSites(['mds', 'ccas', 'france_services'], sites)).toEqual(['mds', 'ccas']);
  });

  it('opens the coverage on the preferred axis if it has sites, else the first that has', () => {
    expect(defaultCoverageAxis(sites, 'remobilisation')).toBe('accueil');
    expect(defaultCoverageAxis(sites, 'iae')).toBe('iae');
    expect(defaultCoverageAxis([], 'remobilisation')).toBe('remobilisation');
  });
});
