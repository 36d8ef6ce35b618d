/**
 * The model in use for a travel mode: the imported matrix of that mode when there is one (its
 * missing pairs estimated by the mode's own model), otherwise the mode's estimate — the distance
 * model by car, the conservative approximation without a car.
 */
import { carDistanceModel, type CarParameters } from './distance-model.ts';
import { matrixModel, type MatrixSource } from './matrix-model.ts';
import type { TravelMode, TravelModel, TravelNetwork } from './model.ts';
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
): TravelModel {
  const estimate = a.mode === 'voiture' ? carDistanceModel(net, a.car) : noCarModel(net, a.noCar);
  return matrix ? matrixModel(matrix, estimate) : estimate;
}
