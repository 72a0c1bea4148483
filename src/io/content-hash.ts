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

/** The hash of a file read as a stream (a JSONL dump may be large); undefined when it cannot be read. */
export async function hashFile(path: string): Promise<string | undefined> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch {
    return undefined
  }
  return hash.digest('hex').slice(0, 32)
}
