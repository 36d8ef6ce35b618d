/**
 * The dataset tables as Arrow IPC streams: their columns, and the mapping between domain records
 * and table rows. The build scripts encode with `encodeTable`; the app and the tests hand the bytes
 * to DuckDB (`insertArrowFromIPCStream`), which needs no extension.
 *
 * Column names are snake_case, as the SQL in `queries/` uses them. `data/README.md` documents them.
 */
import {
  DataType,
  type Data,
  Float64,
  Int32,
  Table,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import type {
  BarrierShare,
  Commune,
  DatasetTable,
  Membership,
  NeedValue,
  Site,
  Source,
  Territory,
} from '../domain/model.ts';

type ColumnType = 'text' | 'int' | 'float';

/** Column name → type, in order, for every table. */
export const TABLE_COLUMNS: Record<DatasetTable, Record<string, ColumnType>> = {
  communes: {
    code: 'text',
    name: 'text',
    population: 'int',
    lon: 'float',
    lat: 'float',
    area_km2: 'float',
    density: 'int',
    // 1 in the mountain zone, 0 outside it, null when the contours do not say.
    mountain: 'int',
  },
  territories: { scheme_id: 'text', code: 'text', name: 'text' },
  memberships: { scheme_id: 'text', commune_code: 'text', territory_code: 'text' },
  sites: {
    id: 'text',
    name: 'text',
    kind: 'text',
    detail: 'text',
    // Axes joined with '|': DuckDB splits them in the `site_axes` view.
    axes: 'text',
    capacity: 'float',
    lon: 'float',
    lat: 'float',
    commune_code: 'text',
    operator: 'text',
    public: 'text',
    hours: 'text',
    source_id: 'text',
  },
  needs: {
    commune_code: 'text',
    indicator: 'text',
    // Null: the producer masked the value (secret); a commune without a row has none (missing).
    value: 'float',
    year: 'int',
    source_id: 'text',
  },
  barriers: {
    scheme_id: 'text',
    territory_code: 'text',
    question: 'text',
    answer: 'text',
    share: 'float',
    year: 'int',
    source_id: 'text',
  },
  published_needs: {
    scheme_id: 'text',
    territory_code: 'text',
    indicator: 'text',
    // Sum over the communes with a value; null where secrecy hides it or no commune has one.
    value: 'float',
    year: 'int',
    source_id: 'text',
    // Communes with a value, communes masked at the source, population of the former.
    communes_known: 'int',
    communes_secret: 'int',
    population_known: 'float',
    // 1 where the publication's statistical secrecy hides the value.
    suppressed: 'int',
  },
  sources: {
    id: 'text',
    producer: 'text',
    title: 'text',
    licence: 'text',
    millesime: 'text',
    url: 'text',
    note: 'text',
  },
};

export type TableRow = Record<string, string | number | null>;

function arrowType(t: ColumnType): DataType {
  switch (t) {
    case 'text':
      return new Utf8();
    case 'int':
      return new Int32();
    case 'float':
      return new Float64();
  }
}

function arrowTable(table: DatasetTable, rows: readonly TableRow[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of Object.entries(TABLE_COLUMNS[table])) {
    vectors[name] = vectorFromArray(rows.map((r) => r[name] ?? null) as unknown[], arrowType(type));
  }
  return new Table(vectors);
}

/** Encode rows of one table as an Arrow IPC stream, with the table's exact column types. */
export function encodeTable(table: DatasetTable, rows: readonly TableRow[]): Uint8Array {
  return tableToIPC(arrowTable(table, rows), 'stream');
}

/** Records per record batch of `encodeRecords`. */
export const RECORDS_PER_BATCH = 20_000;

/**
 * Encode records of one table as one Arrow IPC stream of record batches of `batchSize` records:
 * only one batch exists as rows at a time, the rest as compact Arrow columns. The build writes
 * 300 000 sites this way; as rows all at once they took several hundred megabytes.
 */
export function encodeRecords<T>(
  table: DatasetTable,
  records: readonly T[],
  toRow: (r: T) => TableRow,
  batchSize = RECORDS_PER_BATCH,
): Uint8Array {
  if (records.length <= batchSize) return encodeTable(table, records.map(toRow));
  const batches = [];
  for (let i = 0; i < records.length; i += batchSize)
    batches.push(...arrowTable(table, records.slice(i, i + batchSize).map(toRow)).batches);
  return tableToIPC(new Table(batches), 'stream');
}

/** Decode an Arrow IPC stream into plain rows. */
export function decodeTable(bytes: Uint8Array): TableRow[] {
  return arrowToRows(tableFromIPC(bytes));
}

const utf8 = new TextDecoder();

/**
 * The strings of a chunk of a UTF-8 column, decoded at once: one decode of the chunk's bytes,
 * then each string cut out of it, its byte offsets counted in UTF-16 units (a continuation byte
 * adds none, a four-byte sequence two). Decoding each string on its own is what made reading
 * large tables slow.
 */
function utf8Strings(data: Data<Utf8>): (string | null)[] {
  const { valueOffsets: offsets, values, offset, length, nullBitmap, nullCount } = data;
  const out: (string | null)[] = new Array<string | null>(length);
  if (length === 0) return out;
  const first = offsets[offset]!;
  const text = utf8.decode(values.subarray(first, offsets[offset + length]));
  let byte = first;
  let unit = 0;
  for (let j = 0; j < length; j++) {
    const end = offsets[offset + j + 1]!;
    const startUnit = unit;
    for (; byte < end; byte++) {
      const b = values[byte]!;
      if (b < 0x80 || b >= 0xc0) unit += b >= 0xf0 ? 2 : 1;
    }
    const k = offset + j;
    const isNull = nullCount > 0 && nullBitmap && ((nullBitmap[k >> 3]! >> (k & 7)) & 1) === 0;
    out[j] = isNull ? null : text.slice(startUnit, unit);
  }
  return out;
}

/**
 * The strings of a UTF-8 column, decoded a chunk at a time (as `arrowToRows` does): reading a
 * column of 20 000 values this way is several times faster than `get(i)` on each.
 */
export function stringColumn(table: Table, name: string): (string | null)[] | null {
  const column = table.getChild(name);
  if (!column || !DataType.isUtf8(column.type)) return null;
  return (column.data as Data<Utf8>[]).flatMap(utf8Strings);
}

/**
 * Arrow table → plain rows. DuckDB returns BIGINT for counts and HUGEINT (an Arrow decimal) for
 * integer sums: every figure of the app fits in a double, so all become numbers, with the decimal
 * scale applied.
 */
export function arrowToRows(table: Table): TableRow[] {
  const out: TableRow[] = [];
  for (let i = 0; i < table.numRows; i++) out.push({});
  // Column by column, each read by its own iterator: about three times faster than through
  // row proxies and their toJSON, which counts when 300 000 imported sites are read back.
  table.schema.fields.forEach((f, c) => {
    const column = table.getChildAt(c);
    if (!column) return;
    const scale = DataType.isDecimal(f.type) ? f.type.scale : undefined;
    let i = 0;
    if (DataType.isUtf8(f.type)) {
      for (const data of column.data as Data<Utf8>[])
        for (const v of utf8Strings(data)) out[i++]![f.name] = v;
      return;
    }
    for (const v of column as Iterable<unknown>) {
      const row = out[i++]!;
      if (v === null || v === undefined) row[f.name] = null;
      else if (scale !== undefined) row[f.name] = Number(v) / 10 ** scale;
      else if (typeof v === 'bigint') row[f.name] = Number(v);
      else row[f.name] = v as string | number;
    }
  });
  return out;
}

// ---- domain records <-> rows ----------------------------------------------------------------

export const communeToRow = (c: Commune): TableRow => ({
  code: c.code,
  name: c.name,
  population: c.population,
  lon: c.lon,
  lat: c.lat,
  area_km2: c.areaKm2,
  density: c.density,
  mountain: c.mountain === undefined ? null : c.mountain ? 1 : 0,
});

export const rowToCommune = (r: TableRow): Commune => ({
  code: String(r.code),
  name: String(r.name),
  population: Number(r.population ?? 0),
  lon: Number(r.lon),
  lat: Number(r.lat),
  areaKm2: Number(r.area_km2 ?? 0),
  density: Number(r.density ?? 4) as Commune['density'],
  ...(r.mountain === null || r.mountain === undefined
    ? {}
    : { mountain: Number(r.mountain) === 1 }),
});

export const territoryToRow = (t: Territory): TableRow => ({
  scheme_id: t.schemeId,
  code: t.code,
  name: t.name,
});

export const membershipToRow = (m: Membership): TableRow => ({
  scheme_id: m.schemeId,
  commune_code: m.communeCode,
  territory_code: m.territoryCode,
});

export const siteToRow = (s: Site): TableRow => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  detail: s.detail,
  axes: s.axes.join('|'),
  capacity: s.capacity,
  lon: s.lon,
  lat: s.lat,
  commune_code: s.communeCode,
  operator: s.operator,
  public: s.public,
  hours: s.hours,
  source_id: s.sourceId,
});

export const rowToSite = (r: TableRow): Site => ({
  id: String(r.id),
  name: String(r.name ?? ''),
  kind: String(r.kind) as Site['kind'],
  detail: String(r.detail ?? ''),
  axes: String(r.axes ?? '')
    .split('|')
    .filter((a) => a !== '') as Site['axes'],
  capacity: r.capacity === null || r.capacity === undefined ? null : Number(r.capacity),
  lon: Number(r.lon),
  lat: Number(r.lat),
  communeCode: String(r.commune_code ?? ''),
  operator: String(r.operator ?? ''),
  public: String(r.public ?? ''),
  hours: String(r.hours ?? ''),
  sourceId: String(r.source_id ?? ''),
});

export const needToRow = (n: NeedValue): TableRow => ({
  commune_code: n.communeCode,
  indicator: n.indicator,
  value: n.value,
  year: n.year,
  source_id: n.sourceId,
});

export const barrierToRow = (b: BarrierShare): TableRow => ({
  scheme_id: b.schemeId,
  territory_code: b.territoryCode,
  question: b.question,
  answer: b.answer,
  share: b.share,
  year: b.year,
  source_id: b.sourceId,
});

export const rowToBarrier = (r: TableRow): BarrierShare => ({
  schemeId: String(r.scheme_id),
  territoryCode: String(r.territory_code),
  question: String(r.question),
  answer: String(r.answer),
  share: Number(r.share),
  year: Number(r.year),
  sourceId: String(r.source_id ?? ''),
});

export const sourceToRow = (s: Source): TableRow => ({ ...s });
