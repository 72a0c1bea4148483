/** Write a file so that readers see the old content or the new, never half of it. */
import {randomBytes} from 'node:crypto'
import {mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {threadId} from 'node:worker_threads'
import {retryingSync} from './transient.js'
import {writeError} from './write-error.js'

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
  // The temp name does not hold the file's name: a name near the file system's limit
  // (255 bytes, 85 CJK characters) plus a suffix would be too long (ENAMETOOLONG).
  const temp = join(tempDir ?? dirname(path), `.rinse-${WRITER}.${(written++).toString(36)}.tmp`)
  let renaming = false
  try {
    retryingSync(() => inFolder(temp, () => writeFileSync(temp, data)))
    renaming = true
    retryingSync(() => inFolder(path, () => renameSync(temp, path)))
  } catch (error) {
    // A write cut short by a full disk leaves part of the temp file.
    rmSync(temp, {force: true})
    // The temp folder is every file's: a failure there stops the run, and a permission
    // problem is named by that folder, not by the output.
    const inTemp = !renaming && tempDir !== undefined
    const code = (error as NodeJS.ErrnoException).code
    throw writeError(inTemp && (code === 'EACCES' || code === 'EPERM') ? tempDir : path, error, inTemp)
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
 * Remove the temp files that earlier writers left in `dir` (a process killed between
 * write and rename leaves one: a report's is as large as the report). Only names of
 * the writer's shape, `.rinse-<pid>.<thread>.<8 hex>.<n>.tmp` (and `report.json.<same>.tmp`,
 * as rinse named them before), or the streamed reports' `.report.json.<pid>.<8 hex>.tmp` (and `.report.html.…`),
 * and never this process's own.
 */
export function removeLeftoverTemps(dir: string): void {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const entry of entries) if (LEFTOVER.test(entry) && !entry.includes(WRITER)) rmSync(join(dir, entry), {force: true})
}

const LEFTOVER = /^(?:(?:\.rinse-|report\.(?:json|html)\.)\d+\.\d+\.[0-9a-f]{8}\.[0-9a-z]+|\.report\.(?:json|html)\.\d+\.[0-9a-f]{8})\.tmp$/
