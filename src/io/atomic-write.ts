/** Write a file so that readers see the old content or the new, never half of it. */
import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'

// Folders already made in this process: one mkdir per folder, not per file.
const made = new Set<string>()

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  if (!made.has(dir)) {
    await mkdir(dir, {recursive: true})
    made.add(dir)
  }
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temp, data)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}
