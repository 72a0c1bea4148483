/** Write a file so that readers see the old content or the new, never half of it. */
import {randomBytes} from 'node:crypto'
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
  const temp = join(tempDir ?? dir, `${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, data)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}
