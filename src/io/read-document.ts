/** Read one input file as text, or say precisely why it cannot be cleaned. */
import {isUtf8} from 'node:buffer'
import {readFileSync} from 'node:fs'
import {open} from 'node:fs/promises'
import {contentHash} from './content-hash.js'
import {retrying, retryingSync} from './transient.js'
import {readStop} from './write-error.js'
import {InputError} from '../errors.js'

/** Larger files are refused: one runaway file must not exhaust memory for the batch. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/**
 * Blocking: the worker threads that read inputs have nothing else to do meanwhile.
 * With `hash`, also the content hash of the bytes (for the resume manifest).
 * Out of file descriptors is tried again briefly; if it lasts, the WriteError
 * thrown stops the run (the file itself is fine).
 */
export function readDocumentSync(path: string, label = path, hash = false): {text: string; bytes: number; hash?: string} {
  let bytes: Buffer
  try {
    bytes = retryingSync(() => readFileSync(path))
  } catch (error) {
    throw readStop(path, error) ?? new InputError(label, cannotRead(error))
  }
  const text = decodeDocument(bytes, label)
  return hash ? {text, bytes: bytes.length, hash: contentHash(bytes)} : {text, bytes: bytes.length}
}

/** A stream of the input at `path` (a JSONL file), opened as readDocumentSync reads: out of file descriptors for long stops the run. */
export async function openInputStream(path: string): Promise<NodeJS.ReadableStream> {
  try {
    return (await retrying(() => open(path))).createReadStream()
  } catch (error) {
    throw readStop(path, error) ?? error
  }
}

/** Why a file could not be stated, opened or read, in the words every runner reports it with. */
export function cannotRead(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'EACCES' ? 'cannot read the file: permission denied' : `cannot read the file (${code ?? String(error)})`
}

export function decodeDocument(bytes: Uint8Array, label: string): string {
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(label, `file too large (${bytes.length} bytes; the limit is ${MAX_FILE_BYTES})`)
  const utf16 = utf16Order(bytes)
  if (utf16)
    throw new InputError(label, `UTF-16 text (${utf16} byte order mark), not UTF-8; convert the file first (e.g. iconv -f UTF-16 -t UTF-8)`)
  const nul = bytes.subarray(0, 8192).indexOf(0)
  if (nul !== -1) throw new InputError(label, `binary file, not text (NUL byte at offset ${nul})`)
  // The native check first; the byte offset is only looked for in a file that fails it.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes)
  if (invalid !== -1)
    throw new InputError(label, `invalid UTF-8 at byte ${invalid}; convert the file to UTF-8 first (e.g. iconv -f windows-1252 -t utf-8)`)
  // Keep a byte order mark in the text: normalize removes it as an edit, so the diff applies to the file as it is.
  return new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
}

/** `little-endian` or `big-endian` for a file that starts with a UTF-16 byte order mark. */
function utf16Order(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian'
  return undefined
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]!
    if (byte < 0x80) {
      i++
      continue
    }
    let length: number
    let min: number
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80]
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800]
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000]
    else return i
    if (i + length > bytes.length) return i
    let code = byte & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!
      if ((next & 0xc0) !== 0x80) return i
      code = (code << 6) | (next & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += length
  }
  return -1
}
