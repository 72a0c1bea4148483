/** Write a whole buffer through a file handle. */
import type {FileHandle} from 'node:fs/promises'

/**
 * One write may take only part of a buffer (a disk filling up); the next write
 * then gives the error. Writers that record byte offsets (the manifest, the trace
 * spool) must never go on past a short write, or every later offset is wrong.
 */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const {bytesWritten} = await handle.write(bytes, done, bytes.length - done)
    done += bytesWritten
  }
}
