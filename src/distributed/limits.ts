/**
 * What the command line needs of distributed mode before it is used: its exit
 * code, its default timeouts and its error. Kept apart from the Redis link so
 * that a run without --queue never loads ioredis or BullMQ (about a quarter of
 * a second of every start).
 */

/** The exit code when Redis cannot be reached or stayed away too long: EX_UNAVAILABLE of sysexits.h. */
export const REDIS_UNAVAILABLE_EXIT = 69
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000
export const DEFAULT_OUTAGE_TIMEOUT_MS = 600_000

/** Redis cannot be reached, stayed away longer than the outage timeout, or came back without the run. */
export class RedisUnavailable extends Error {}
