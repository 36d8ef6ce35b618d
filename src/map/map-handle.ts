/** The camera, and what the rest of the app may do with the map. */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapHandle {
  /** The drawn canvases, bottom first, for image exports. */
  canvases(): HTMLCanvasElement[];
  /**
   * The map drawn again at `pixelRatio` device pixels per CSS pixel (a poster's resolution),
   * copied into 2D canvases bottom first; the ratio may be lowered to the largest drawing buffer
   * this browser's WebGL allows (`ratio` says the one used). The screen is drawn as before after.
   */
  renderAt(
    pixelRatio: number,
  ): Promise<{ canvases: HTMLCanvasElement[]; ratio: number; maxSize: number }>;
  flyTo(camera: MapCamera, durationMs?: number): void;
  fitBounds(bbox: [number, number, number, number], durationMs?: number): void;
}
