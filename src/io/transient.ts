/**
 * Out of file descriptors (the process's or the system's) passes as files in
 * flight finish and close theirs: a read or write that meets it waits a moment
 * and tries again, and only if it persists does the run stop (see write-error.ts).
 */
import {TRANSIENT} from '../errors.js'

/** Waits before each try again: 0.6 s in all. */
const RETRY_MS = [10, 20, 40, 80, 160, 320]
const sleeper = new Int32Array(new SharedArrayBuffer(4))

export function isTransient(error: unknown): boolean {
  return TRANSIENT.has((error as NodeJS.ErrnoException | undefined)?.code ?? '')
}

/** Run `operation`, trying again a few times while out of file descriptors; blocking (for worker threads). */
export function retryingSync<T>(operation: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return operation()
    } catch (error) {
      if (!isTransient(error) || attempt >= RETRY_MS.length) throw error
      Atomics.wait(sleeper, 0, 0, RETRY_MS[attempt])
    }
  }
}

/** The same for an asynchronous operation, waiting without blocking. */
export async function retrying<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      if (!isTransient(error) || attempt >= RETRY_MS.length) throw error
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[attempt]))
    }
  }
}
