/** Write a file so that readers see the old content or the new, never half of it. */
import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

// Folders already made in this process: one mkdir per folder, not per file.
const made = new Set<string>()

/**
 * `tempDir` (on the same file system) keeps unfinished files out of the output
 * folders: a process killed between write and rename leaves nothing there.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, tempDir?: string): Promise<void> {
  const dir = dirname(path)
  for (const folder of tempDir ? [dir, tempDir] : [dir]) {
    if (!made.has(folder)) {
      await mkdir(folder, {recursive: true})
      made.add(folder)
    }
  }
  const temp = tempPath(path, tempDir)
  try {
    await writeFile(temp, data)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

/** The same, blocking: for worker threads, which have nothing else to do meanwhile. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, tempDir?: string): void {
  const dir = dirname(path)
  for (const folder of tempDir ? [dir, tempDir] : [dir]) {
    if (!made.has(folder)) {
      mkdirSync(folder, {recursive: true})
      made.add(folder)
    }
  }
  const temp = tempPath(path, tempDir)
  try {
    try {
      writeFileSync(temp, data)
    } catch (error) {
      // A folder made earlier in this process may have been removed since.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      mkdirSync(dirname(temp), {recursive: true})
      writeFileSync(temp, data)
    }
    try {
      renameSync(temp, path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      mkdirSync(dir, {recursive: true})
      renameSync(temp, path)
    }
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
}

function tempPath(path: string, tempDir: string | undefined): string {
  return join(tempDir ?? dirname(path), `${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}
