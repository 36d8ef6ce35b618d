import { describe, expect, it } from 'vitest';
import {
  departementOfCommune,
  departementsOfPostcode,
  isNullish,
  normaliseDepartementCode,
  isDepartementCode,
  normaliseInseeCode,
  normalisePostcode,
  parseNumber,
} from './values.ts';

describe('parseNumber', () => {
  it.each([
    ['12', 12, []],
    ['48,909987', 48.909987, ['decimal_comma']],
    ['-0,5', -0.5, ['decimal_comma']],
    ['1 234,5', 1234.5, ['decimal_comma']],
    ['1\u202f234', 1234, []],
    ['1.234,5', 1234.5, ['decimal_comma']],
    ['2.35', 2.35, []],
    ['1e3', 1000, []],
  ])('reads %j', (raw, value, repairs) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value, repairs });
  });

  it.each(['', 'NULL', 'null', 'NA', '-', ' '])('reads %j as no value', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: null, repairs: [] });
    expect(isNullish(raw)).toBe(true);
  });

  it.each(['12 %', 'abc', '1,2,3', '12 places'])('refuses %j', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false });
  });
});

describe('normaliseInseeCode', () => {
  it.each([
    ['62041', '62041', []],
    ['1001', '01001', ['insee_leading_zero']],
    ['12', '00012', ['insee_leading_zero']],
    ['1001.0', '01001', ['insee_from_number', 'insee_leading_zero']],
    ['2a004', '2A004', []],
    ['2B033', '2B033', []],
    ['97411', '97411', []],
    // As Excel formats a number: a space, a no-break space, a narrow no-break space, a dot.
    ['62 041', '62041', ['insee_separator']],
    ['62\u00a0041', '62041', ['insee_separator']],
    ['62\u202f041', '62041', ['insee_separator']],
    ['62.041', '62041', ['insee_separator']],
    ['1 001', '01001', ['insee_separator', 'insee_leading_zero']],
    ['2A 004', '2A004', ['insee_separator']],
  ])('reads %j as %s', (raw, code, repairs) => {
    expect(normaliseInseeCode(raw)).toEqual({ ok: true, code, repairs });
  });

  it.each([
    ['', 'missing'],
    ['NULL', 'missing'],
    ['620411', 'malformed'],
    ['2A04', 'malformed'],
    ['ABCDE', 'malformed'],
    ['62-041', 'malformed'],
    ['6 2041', 'malformed'],
    ['620 41', 'malformed'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(normaliseInseeCode(raw)).toEqual({ ok: false, reason });
  });

  it('tells a département that exists from a code that names none', () => {
    for (const dep of ['01', '62', '95', '2A', '2B', '971', '976', '975'])
      expect(isDepartementCode(dep), dep).toBe(true);
    for (const dep of ['00', '20', '96', '99', '979', '2C'])
      expect(isDepartementCode(dep), dep).toBe(false);
  });
});

describe('départements and postcodes', () => {
  it('gives the département of a commune code', () => {
    expect(departementOfCommune('62041')).toBe('62');
    expect(departementOfCommune('2A004')).toBe('2A');
    expect(departementOfCommune('97411')).toBe('974');
  });

  it.each([
    ['062', '62'],
    ['1', '01'],
    ['01', '01'],
    ['2a', '2A'],
    ['02B', '2B'],
    ['974', '974'],
    ['20', null],
    ['99', null],
    ['', null],
  ])('normalises département %j', (raw, dep) => {
    expect(normaliseDepartementCode(raw)).toBe(dep);
  });

  it('restores a postcode and gives its département(s)', () => {
    expect(normalisePostcode('1500')).toBe('01500');
    expect(normalisePostcode('62 000')).toBe('62000');
    expect(normalisePostcode('6200')).toBe('06200');
    expect(normalisePostcode('ABC')).toBeNull();
    expect(departementsOfPostcode('20000')).toEqual(['2A', '2B']);
    expect(departementsOfPostcode('97400')).toEqual(['974']);
    expect(departementsOfPostcode('62000')).toEqual(['62']);
  });
});
