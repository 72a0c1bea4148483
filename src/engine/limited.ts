/**
 * Bounded concurrency over a long list, fed to p-limit as slots free up.
 * Handing p-limit every file at once (`Promise.all(files.map(limit…))`) keeps a
 * pending promise and its closures per file alive for the whole pass: about
 * 40 MB of the main thread's heap for 100,000 files.
 */
import type {LimitFunction} from 'p-limit'

/**
 * Run `task` on every item, at most `limit.concurrency` at once; stops starting
 * new ones after a failure (and throws it once those in flight have settled),
 * and stops taking items (a file being read, say) once `signal` aborts.
 */
export async function forEachLimited<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: LimitFunction,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal
): Promise<void> {
  const inFlight = new Set<Promise<void>>()
  // Kept here: a task that fails while no one awaits it must not be lost.
  let failure: {error: unknown} | undefined
  let index = 0
  for await (const item of items) {
    if (signal?.aborted || failure) break
    const run = limit(task, item, index++)
    inFlight.add(run)
    run.then(
      () => inFlight.delete(run),
      (error: unknown) => {
        inFlight.delete(run)
        failure ??= {error}
      }
    )
    if (inFlight.size >= limit.concurrency) await Promise.race(inFlight).catch(() => {})
  }
  await Promise.allSettled(inFlight)
  if (failure) throw failure.error
}

/** `mapper` over every item with the same bound; results in item order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: LimitFunction,
  mapper: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  await forEachLimited(items, limit, async (item, index) => {
    results[index] = await mapper(item, index)
  })
  return results
}
