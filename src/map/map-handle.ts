/** The camera, and what the rest of the app may do with the map. */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapHandle {
  /** The drawn canvases, bottom first, for image exports. */
  canvases(): HTMLCanvasElement[];
  flyTo(camera: MapCamera, durationMs?: number): void;
  fitBounds(bbox: [number, number, number, number], durationMs?: number): void;
}
