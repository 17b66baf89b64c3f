// The one clock a running Netra reads: the HTTP handlers (deps.now) and the job worker (escalations,
// handovers, mail) get the same function, so a test (or a replay) drives both with one value.
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
