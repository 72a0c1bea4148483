/** Write a file so that readers see the old content or the new, never half of it. */
import {randomBytes} from 'node:crypto'
import {mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {threadId} from 'node:worker_threads'

// Temp names unique to this process and thread (and machine, for an OUT that several
// share), with a counter: cheaper than random bytes for every file.
const WRITER = `${process.pid}.${threadId}.${randomBytes(4).toString('hex')}`
let written = 0

/**
 * `tempDir` (on the same file system) keeps unfinished files out of the output
 * folders: a process killed between write and rename leaves nothing there.
 * Blocking, for the worker threads that write outputs (they have nothing else
 * to do meanwhile). Folders are made only when a write finds them missing.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, tempDir?: string): void {
  const temp = join(tempDir ?? dirname(path), `${basename(path)}.${WRITER}.${(written++).toString(36)}.tmp`)
  try {
    inFolder(temp, () => writeFileSync(temp, data))
    inFolder(path, () => renameSync(temp, path))
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
}

/** Run a write to `path`; if its folder is missing, make it and run the write again. */
function inFolder(path: string, write: () => void): void {
  try {
    write()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(dirname(path), {recursive: true})
    write()
  }
}

/**
 * Remove what earlier writers left of `name` in `dir` (a process killed between
 * write and rename leaves its temp file): `report.json.<writer>.<n>.tmp` and the like.
 * This process's own temp names are left alone.
 */
export function removeLeftoverTemps(dir: string, name: string): void {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  const prefix = `${name}.`
  for (const entry of entries)
    if (
      entry.startsWith(prefix) &&
      entry.endsWith('.tmp') &&
      !entry.startsWith(`${prefix}${WRITER}.`) &&
      LEFTOVER.test(entry.slice(prefix.length))
    )
      rmSync(join(dir, entry), {force: true})
}

// `<pid>.<thread>.<8 hex>.<counter>.tmp`: the shape of WRITER's temp names.
const LEFTOVER = /^\d+\.\d+\.[0-9a-f]{8}\.[0-9a-z]+\.tmp$/
