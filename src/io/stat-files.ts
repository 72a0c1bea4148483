/** The size and mtime of every input file, for the resume check and the batch key; whether an output is there. */
import {statSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {setImmediate as yieldToEvents} from 'node:timers/promises'

/** Only size and mtime are kept: a full fs.Stats is about 900 bytes, 90 MB for 100,000 files. */
export interface FileStat {
  size: number
  mtimeMs: number
}

/** Files stated between two turns of the event loop: about a millisecond of blocking. */
const CHUNK = 256

/**
 * Each file's size and mtime, or the error that kept it from being stated. A
 * stat of a file the system has cached is a few microseconds; through the
 * thread pool, each one cost the main thread a round trip of 30-40 µs (0.3 s
 * for 10,000 files). So they are done here in order, in chunks, with the event
 * loop let through between chunks (progress, Ctrl-C).
 */
export async function statFiles(paths: readonly string[]): Promise<Array<FileStat | NodeJS.ErrnoException>> {
  const stats: Array<FileStat | NodeJS.ErrnoException> = []
  for (let i = 0; i < paths.length; i++) {
    if (i > 0 && i % CHUNK === 0) await yieldToEvents()
    try {
      const info = statSync(paths[i]!)
      stats.push({size: info.size, mtimeMs: info.mtimeMs})
    } catch (error) {
      stats.push(error as NodeJS.ErrnoException)
    }
  }
  return stats
}

/** A file's size, or undefined when it cannot be stated (absent, say). */
export async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size
  } catch {
    return undefined
  }
}

export async function exists(path: string): Promise<boolean> {
  return (await sizeOf(path)) !== undefined
}
