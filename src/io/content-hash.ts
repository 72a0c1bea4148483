/**
 * The input's content hash for the resume manifest: a file copied or touched
 * since it was cleaned (new mtime, same bytes) is recognised by it and not
 * cleaned again.
 */
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'

/** SHA-256 of the bytes, as 32 hex digits (128 bits: no two inputs of a batch collide). */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32)
}

/**
 * The hash of a file read as a stream (a JSONL dump may be large); undefined when
 * there is no file to read there. Other errors (too many open files, I/O) are
 * thrown: taking them for a changed file would redo work without saying why.
 */
export async function hashFile(path: string): Promise<string | undefined> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch (error) {
    if (NO_FILE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined
    throw error
  }
  return hash.digest('hex').slice(0, 32)
}

const NO_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ELOOP'])

/** Hashes bytes as they go by (a JSONL file as it is read or written). */
export function contentHasher(): {update(bytes: Uint8Array | string): void; digest(): string} {
  const hash = createHash('sha256')
  return {
    update: (bytes) => void hash.update(bytes),
    digest: () => hash.digest('hex').slice(0, 32)
  }
}
