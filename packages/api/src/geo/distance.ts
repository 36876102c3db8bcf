/** Approximate centre (latitude, longitude) of each region's administrative centre. */
const REGION_CENTRES: Record<string, readonly [number, number]> = {
  tashkent_city: [41.31, 69.28],
  tashkent: [41.04, 69.36],
  andijan: [40.78, 72.34],
  bukhara: [39.77, 64.42],
  fergana: [40.38, 71.79],
  jizzakh: [40.12, 67.84],
  khorezm: [41.55, 60.63],
  namangan: [41.0, 71.67],
  navoiy: [40.1, 65.38],
  kashkadarya: [38.86, 65.79],
  karakalpakstan: [42.46, 59.6],
  samarkand: [39.65, 66.96],
  sirdarya: [40.49, 68.78],
  surkhandarya: [37.22, 67.28],
};

/**
 * Great-circle distance in km between two regions' centres: how warehouse allocation ranks
 * "nearest". An unknown region code is treated as farthest, so it is picked last.
 */
export function regionDistanceKm(from: string, to: string): number {
  if (from === to) return 0;
  const a = REGION_CENTRES[from];
  const b = REGION_CENTRES[to];
  if (!a || !b) return Number.MAX_SAFE_INTEGER;
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}
