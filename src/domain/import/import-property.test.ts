/**
 * Property test of the imports: for random files (offer and beneficiaries, random separators,
 * line ends and encodings) with a random share of bad rows of every kind and Excel's empty rows,
 * every row read is kept, rejected or set aside (kept + rejected + ignored = read), no good row is
 * lost, and every bad row is reported with its own line.
 */
import { decimalComma } from '../format.ts';
import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../random.ts';
import { TEST_BBOX, TEST_COMMUNES, testCommuneAt, testIndex } from './fixtures/communes.ts';
import { parseCafRsa } from './needs.ts';
import { parseOffer } from './offer.ts';
import { readTableBytes } from './table.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const own = TEST_COMMUNES.filter((c) => c.dep === '01');

type Row = { cells: string[]; good: boolean };

/** A file of `rows` with a random separator, line end and encoding, and Excel's empty rows. */
function fileOf(
  rnd: Random,
  header: string[],
  rows: Row[],
): { bytes: Uint8Array; lines: number[] } {
  const sep = rnd.pick([';', ',', '\t']);
  const eol = rnd.pick(['\n', '\r\n']);
  const quote = (v: string) => (/[;,\t"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out = [header.join(sep)];
  const lines: number[] = [];
  for (const r of rows) {
    // Excel's separator-only rows, anywhere: never counted as rows.
    if (rnd.chance(0.05)) out.push(sep.repeat(header.length - 1));
    lines.push(out.length + 1);
    out.push(r.cells.map(quote).join(sep));
  }
  const text = out.join(eol) + eol;
  const bytes = rnd.chance(0.3)
    ? Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff))
    : new TextEncoder().encode(text);
  return { bytes, lines };
}

const badCode = (rnd: Random) => rnd.pick(['0X003', '99999', '01050', '', 'abc', '1234567']);

describe('every row of a random offer file is accounted for', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const rnd = createRandom(seed);
    const badShare = rnd.next();
    const rows: Row[] = [];
    const count = rnd.int(1, 80);
    for (let i = 0; i < count; i++) {
      const c = rnd.pick(own);
      if (!rnd.chance(badShare)) {
        const withPoint = rnd.chance(0.5);
        rows.push({
          good: true,
          cells: [
            `Bon ${i} é`,
            'action',
            rnd.chance(0.3) ? c.code.replace(/^0/, '') : c.code,
            withPoint ? decimalComma(c.lon as number) : '',
            withPoint ? String(c.lat) : '',
          ],
        });
        continue;
      }
      const kind = rnd.int(0, 3);
      const cells =
        kind === 0
          ? [`Mauvais ${i}`, 'action', badCode(rnd), '', '']
          : kind === 1
            ? [`Mauvais ${i}`, 'action', c.code, '0', '0']
            : kind === 2
              ? ['', 'action', c.code, '', '']
              : [`Mauvais ${i}`, 'action', '', '-73.98', '40.75'];
      rows.push({ good: false, cells });
    }
    const { bytes, lines } = fileOf(
      rnd,
      ['nom', 'type', 'code_insee', 'longitude', 'latitude'],
      rows,
    );
    const { sites, report } = parseOffer(readTableBytes(bytes, 'offre.csv'), {
      dep: '01',
      communes: testIndex(),
      bbox: TEST_BBOX,
      communeAt: testCommuneAt,
      sourceId: 's',
      idPrefix: 's',
      inputId: 's',
      label: 'Offre',
    });
    expect(report.rowsRead).toBe(rows.length);
    expect(report.kept + report.rejectedRows + report.ignoredRows).toBe(report.rowsRead);
    expect(sites).toHaveLength(report.kept);
    const goodNames = rows.filter((r) => r.good).map((r) => r.cells[0]);
    expect(sites.map((s) => s.name)).toEqual(goodNames);
    const badLines = lines.filter((_, i) => !rows[i]!.good);
    expect(report.rejected.map((r) => r.line)).toEqual(badLines);
  });
});

describe('every row of a random beneficiaries file is accounted for', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const rnd = createRandom(seed * 7919);
    const badShare = rnd.next();
    const rows: (Row & { code?: string; value?: number })[] = [];
    const free = rnd.shuffle([...own]);
    for (let i = 0; rows.length < 20 && i < 40; i++) {
      if (!rnd.chance(badShare) && free.length > 0) {
        const c = free.pop()!;
        const value = rnd.int(5, 5000);
        rows.push({
          good: true,
          code: c.code,
          value,
          cells: ['2023-12-31', c.code, String(value)],
        });
      } else {
        const kind = rnd.int(0, 2);
        const cells =
          kind === 0
            ? ['2023-12-31', badCode(rnd), '12']
            : kind === 1
              ? ['2023-12-31', rnd.pick(own).code, '-3']
              : ['2023-12-31', '02001', '40'];
        rows.push({ good: false, cells });
      }
    }
    const { bytes } = fileOf(rnd, ['dtreffre', 'numcomdo', 'indfoy_rsa'], rows);
    const { needs, report } = parseCafRsa(readTableBytes(bytes, 'caf.csv'), {
      dep: '01',
      communes: testIndex(),
      sourceId: 'caf',
      inputId: 'caf',
      label: 'CAF',
    });
    expect(report.rowsRead).toBe(rows.length);
    expect(report.kept + report.rejectedRows + report.ignoredRows).toBe(report.rowsRead);
    const got = new Map(needs.map((n) => [n.communeCode, n.value]));
    for (const r of rows.filter((x) => x.good)) expect(got.get(r.code!)).toBe(r.value);
  });
});
