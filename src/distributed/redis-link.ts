/**
 * The coordinator's and the workers' hold on Redis. At start Redis is tried for a
 * bounded time, then given up on with one line that says why; every connection
 * BullMQ and ioredis open gets an error handler (without one, ioredis printed a stack
 * trace per reconnect attempt, about forty a second, and never stopped); a Redis lost
 * mid-run is said once, waited for with a bounded backoff, and given up on after the
 * outage timeout. Ctrl-C stops every wait at once. Whatever stops a run leaves it to
 * be continued (see run-state.ts).
 */
import {Redis} from 'ioredis'
import {UsageError} from '../errors.js'

import {DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_OUTAGE_TIMEOUT_MS, RedisUnavailable} from './limits.js'

export {DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_OUTAGE_TIMEOUT_MS, REDIS_UNAVAILABLE_EXIT, RedisUnavailable} from './limits.js'

export interface LinkOptions {
  /** How long to keep trying to reach Redis at start. */
  connectTimeoutMs?: number
  /** How long to wait for a Redis lost mid-run before giving up. */
  outageTimeoutMs?: number
  /** Ctrl-C: ends every wait. */
  signal?: AbortSignal
  /** One line each time Redis is lost or back, and for an error that is not about the connection. */
  onNotice?: (line: string) => void
  /** Appended to the line said when Redis is lost (how to stop, what a stop leaves). */
  lostHint?: string
  /** Appended to the reason the link gave up after the outage timeout. */
  stoppedHint?: string
}

/** Options for ioredis and for BullMQ's connections (a plain object, as both take it). */
export interface ConnectionOptions {
  host: string
  port: number
  db: number
  maxRetriesPerRequest: null
  retryStrategy: (times: number) => number
}

/** What BullMQ opens: a Queue, a QueueEvents, a Worker. */
export interface BullClient {
  on(event: 'error', listener: (error: Error) => void): unknown
  close(): Promise<void>
  disconnect(): Promise<void>
}

export interface RedisLink {
  /** ioredis options for BullMQ's connections: the same backoff as the link's own. */
  readonly connection: ConnectionOptions
  /** The link's own client, for plain commands. */
  readonly redis: Redis
  /** Aborted by the caller's signal or by a failure (see `failure`). */
  readonly signal: AbortSignal
  /** Why the link gave up, if it did (not set by Ctrl-C). */
  readonly failure: RedisUnavailable | undefined
  /** Give up: stop every wait, with this reason. */
  fail(error: RedisUnavailable): void
  /** Called each time Redis is back after being lost. */
  onBack(listener: () => void): void
  /**
   * Handle the errors of a BullMQ client (connection errors are the link's to report)
   * and close it with the link; `cut` closes it with Redis away (default: disconnect).
   */
  watch<T extends BullClient>(client: T, cut?: () => Promise<void>): T
  /** `work`'s value, or undefined as soon as the signal aborts (the work is left to fail on its own). */
  until<T>(work: Promise<T>): Promise<T | undefined>
  /** Close the clients watched and the link's own: quickly, even with Redis away. */
  close(): Promise<void>
}

/** ioredis options from `redis://host:port[/db]`; BullMQ needs `maxRetriesPerRequest: null` (commands wait for a lost Redis). */
export function connectionOptions(url: string): ConnectionOptions {
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    // Reported below.
  }
  if (parsed?.protocol !== 'redis:') throw new UsageError(`--queue expects redis://HOST:PORT, not \`${url}\``)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    db: Number(parsed.pathname.slice(1) || 0),
    maxRetriesPerRequest: null,
    // 0.1 s, 0.2 s, 0.4 s … up to 2 s between attempts, for as long as the link waits.
    retryStrategy: (times: number) => Math.min(100 * 2 ** (times - 1), 2_000)
  }
}

/**
 * Reach Redis at `url`, trying for `connectTimeoutMs`. Throws RedisUnavailable when it
 * cannot; undefined when the signal aborted first.
 */
export async function openLink(url: string, options: LinkOptions = {}): Promise<RedisLink | undefined> {
  const connection = connectionOptions(url)
  const notice = options.onNotice ?? (() => {})
  const stopper = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stopper.signal]) : stopper.signal
  const redis = new Redis(connection)
  const watched: Array<{client: BullClient; cut: () => Promise<void>}> = []
  const backListeners: Array<() => void> = []
  let lastError: Error | undefined
  let failure: RedisUnavailable | undefined
  let up = false
  let closing = false
  let outage: NodeJS.Timeout | undefined
  redis.on('error', (error: Error) => (lastError = error))

  const reached = await new Promise<boolean>((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', aborted)
      resolve(ok)
    }
    const aborted = (): void => done(false)
    const timer = setTimeout(() => done(false), options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS)
    redis.once('ready', () => done(true))
    options.signal?.addEventListener('abort', aborted, {once: true})
    if (options.signal?.aborted) done(false)
  })
  if (!reached) {
    redis.disconnect()
    if (options.signal?.aborted) return undefined
    throw new RedisUnavailable(`cannot reach Redis at ${url} (${reason(lastError)}): start it or check --queue`)
  }
  up = true

  const fail = (error: RedisUnavailable): void => {
    failure ??= error
    stopper.abort()
  }
  const outageTimeoutMs = options.outageTimeoutMs ?? DEFAULT_OUTAGE_TIMEOUT_MS
  redis.on('close', () => {
    if (closing || !up) return
    up = false
    notice(`lost Redis at ${url}; waiting for it to come back (${options.lostHint ?? 'Ctrl-C to stop'})`)
    outage = setTimeout(
      () =>
        fail(
          new RedisUnavailable(
            `Redis at ${url} did not come back within ${seconds(outageTimeoutMs)} (${reason(lastError)}); stopped${options.stoppedHint ?? ''}`
          )
        ),
      outageTimeoutMs
    )
  })
  redis.on('ready', () => {
    if (closing || up) return
    up = true
    clearTimeout(outage)
    notice(`Redis at ${url} is back; going on`)
    for (const listener of backListeners) listener()
  })

  return {
    connection,
    redis,
    signal,
    get failure() {
      return failure
    },
    fail,
    onBack: (listener) => void backListeners.push(listener),
    watch(client, cut = () => client.disconnect()) {
      client.on('error', (error) => {
        // A lost connection is said once by the link; anything else in one line, never a stack trace.
        if (!closing && !isConnectionError(error)) notice(`Redis: ${error.message}`)
      })
      watched.push({client, cut})
      return client
    },
    async until(work) {
      work.catch(() => {})
      if (signal.aborted) return undefined
      let onAbort: (() => void) | undefined
      const aborted = new Promise<undefined>((resolve) => {
        onAbort = () => resolve(undefined)
        signal.addEventListener('abort', onAbort, {once: true})
      })
      try {
        return await Promise.race([work, aborted])
      } finally {
        signal.removeEventListener('abort', onAbort!)
      }
    },
    async close() {
      closing = true
      clearTimeout(outage)
      // With Redis away a polite close waits for it (commands queued meanwhile go first): cut instead.
      const away = !up || failure !== undefined
      const closed = Promise.all(watched.map(({client, cut}) => (away ? cut() : client.close()).catch(() => {})))
      // Never hang on the way out: what is not closed in 5 s is cut with the process.
      let timer: NodeJS.Timeout | undefined
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 5_000).unref()))])
      clearTimeout(timer)
      redis.disconnect()
    }
  }
}

/** A connection error's cause in a few words: `connection refused`, `host not found`. */
export function reason(error: Error | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found'
    case 'ETIMEDOUT':
      return 'timed out'
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable'
    case 'ECONNRESET':
      return 'connection reset'
    default:
      return error?.message ?? 'no answer'
  }
}

function isConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return (
    (code !== undefined && /^E[A-Z]+$/.test(code)) ||
    /Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Stream isn't writeable|Socket closed unexpectedly/.test(error.message)
  )
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
