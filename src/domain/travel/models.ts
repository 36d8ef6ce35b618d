/**
 * The model in use for a travel mode, by precedence: the matrix the user imported for that mode
 * (its missing pairs taken from the next model), then the times the dataset computed on a real
 * network for that mode, then the mode's estimate — the distance model by car, the conservative
 * approximation without a car.
 */
import { carDistanceModel, type CarParameters } from './distance-model.ts';
import { matrixModel, type MatrixSource } from './matrix-model.ts';
import type { TravelMode, TravelModel, TravelNetwork } from './model.ts';
import { networkModel, type NetworkSource } from './network-model.ts';
import { noCarModel, type NoCarParameters } from './no-car-model.ts';

export interface TravelAssumptions {
  mode: TravelMode;
  car: CarParameters;
  noCar: NoCarParameters;
}

export function modelFor(
  net: TravelNetwork,
  a: TravelAssumptions,
  matrix: MatrixSource | null = null,
  network: NetworkSource | null = null,
): TravelModel {
  const base = network
    ? networkModel(network)
    : a.mode === 'voiture'
      ? carDistanceModel(net, a.car)
      : noCarModel(net, a.noCar);
  return matrix ? matrixModel(matrix, base) : base;
}
