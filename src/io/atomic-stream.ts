/**
 * A large file written in pieces and published atomically: the pieces go to a
 * temp file beside it, renamed over the file once all are written. Readers see
 * the old file or the new one, and the writer never holds the whole file.
 */
import {createWriteStream} from 'node:fs'
import {once} from 'node:events'
import {finished} from 'node:stream/promises'
import {rename, rm} from 'node:fs/promises'
import {randomBytes} from 'node:crypto'
import {basename, dirname, join} from 'node:path'
import {writeError} from './write-error.js'

export interface AtomicStream {
  /** Appends text (buffered up to 1 MiB before it is handed to the file). */
  write(piece: string | Uint8Array): Promise<void>
  /** Bytes written so far. */
  readonly bytes: number
}

/**
 * Runs `fill` with a stream onto a temp file and renames it over `file` when
 * `fill` resolves; when it throws (or a write fails), the temp file is removed
 * and the error is a WriteError naming `file`. The temp name has the shape
 * `removeLeftoverTemps` clears after a killed run.
 */
export async function writeFileAtomicStream<T>(file: string, fill: (stream: AtomicStream) => Promise<T>): Promise<T> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const stream = createWriteStream(temp)
  // A write fails after it returned (a full disk): kept here, not left as an 'error' event nobody listens to.
  let failed: Error | undefined
  stream.on('error', (error) => (failed ??= error))
  let pending: Array<string | Uint8Array> = []
  let pendingLength = 0
  let bytes = 0
  const flush = async (): Promise<void> => {
    if (failed) throw failed
    if (pending.length === 0) return
    const pieces = pending
    pending = []
    pendingLength = 0
    const full = !stream.write(pieces.every((p) => typeof p === 'string') ? pieces.join('') : Buffer.concat(pieces.map(toBuffer)))
    if (full) await once(stream, 'drain')
  }
  const writer: AtomicStream = {
    async write(piece) {
      bytes += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength
      pending.push(piece)
      pendingLength += piece.length
      if (pendingLength >= 1 << 20) await flush()
    },
    get bytes() {
      return bytes
    }
  }
  try {
    const result = await fill(writer)
    await flush()
    stream.end()
    // Unlike once('finish'), also settles for a stream that failed before.
    await finished(stream)
    await rename(temp, file)
    return result
  } catch (error) {
    stream.destroy()
    await rm(temp, {force: true})
    throw writeError(file, failed ?? error, true)
  }
}

function toBuffer(piece: string | Uint8Array): Buffer {
  return typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)
}
