/**
 * Content hashes of inputs and outputs for the resume manifest: a file copied or
 * touched since it was cleaned (new mtime, same bytes) is recognised by them and
 * not cleaned again.
 */
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'

/** The hash of some bytes. */
export function contentHash(bytes: Uint8Array): string {
  const hash = contentHasher()
  hash.update(bytes)
  return hash.digest()
}

/**
 * The hash of a file read as a stream (a JSONL dump may be large); undefined when
 * there is no file to read there. Other errors (too many open files, I/O) are
 * thrown: taking them for a changed file would redo work without saying why.
 */
export async function hashFile(path: string): Promise<string | undefined> {
  const hash = contentHasher()
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch (error) {
    if (NO_FILE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined
    throw error
  }
  return hash.digest()
}

const NO_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ELOOP'])

/**
 * Hashes bytes as they go by (a JSONL file as it is read or written): SHA-256 as
 * 32 hex digits (128 bits: no two files of a batch collide).
 */
export function contentHasher(): {update(bytes: Uint8Array | string): void; digest(): string} {
  const hash = createHash('sha256')
  return {
    update: (bytes) => void hash.update(bytes),
    digest: () => hash.digest('hex').slice(0, 32)
  }
}

/**
 * A short key for a JSON-able value (a pipeline's stages, a batch's file list, a
 * run's settings): equal values, equal keys. SHA-256 as 16 hex digits.
 */
export function jsonKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)
}
