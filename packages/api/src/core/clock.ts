/** Injected time, so tests can move it (session expiry, reservation expiry) without sleeping. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
