/**
 * Adds travel times computed on a real network to a dataset being built: the Arrow artefact
 * (src/data/network-times.ts), its entry in meta.networkTimes and the network's source.
 */
import { encodeNetworkTimes, type NetworkTimesRows } from '../../src/data/network-times.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { NetworkTimesMeta, Source } from '../../src/domain/model.ts';
import type { TravelMode } from '../../src/domain/travel/model.ts';

export interface NetworkTimes {
  mode: TravelMode;
  network: NetworkTimesMeta['network'];
  label: string;
  source: Source;
  maxMinutes: number;
  rows: NetworkTimesRows;
  detail?: string;
}

const networkTimesFile = (mode: TravelMode) => `temps-${mode}.arrow`;

export function addNetworkTimes(
  bundle: DatasetBundle,
  files: Map<string, Uint8Array>,
  times: NetworkTimes,
): void {
  const file = networkTimesFile(times.mode);
  files.set(file, encodeNetworkTimes(times.rows));
  const meta = bundle.meta;
  meta.sources = [...meta.sources.filter((s) => s.id !== times.source.id), times.source];
  meta.networkTimes = {
    ...meta.networkTimes,
    [times.mode]: {
      file,
      network: times.network,
      label: times.label,
      sourceId: times.source.id,
      maxMinutes: times.maxMinutes,
      pairs: times.rows.origin.length,
      ...(times.detail ? { detail: times.detail } : {}),
    },
  };
}
