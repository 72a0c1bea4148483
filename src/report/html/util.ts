/** Escaping and number formatting for the HTML report. */
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {createGzip, gzipSync} from 'node:zlib'

const HTML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Text for an HTML element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!)
}

/**
 * The page's data for its `#rinse-data` element: JSON, gzip-compressed and
 * base64-encoded. Real pages' texts compress to about a quarter, which keeps
 * report.html well under the size of the input; base64 holds no `<`, `>` or `&`,
 * so no document text can end or confuse the element.
 */
export function packForScript(value: object): string {
  return gzipSync(JSON.stringify(value)).toString('base64')
}

/**
 * `packForScript` in pieces, for a page too large to hold as one string: the
 * JSON is made one element of each top-level array at a time (a large batch's
 * documents), compressed as it goes and handed to `write` as base64.
 */
export async function packForScriptStream(value: object, write: (base64: string) => Promise<void>): Promise<void> {
  let carry: Buffer = Buffer.alloc(0)
  await pipeline(Readable.from(jsonPieces(value)), createGzip(), async (compressed: AsyncIterable<Buffer>) => {
    for await (const chunk of compressed) {
      // base64 of whole 3-byte groups only, so the pieces join into one encoding.
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk
      const whole = bytes.length - (bytes.length % 3)
      carry = bytes.subarray(whole)
      if (whole > 0) await write(bytes.subarray(0, whole).toString('base64'))
    }
  })
  if (carry.length) await write(carry.toString('base64'))
}

/** `JSON.stringify(value)` of an object, in pieces of at most about 1 MiB, its arrays' elements made one at a time. */
function* jsonPieces(value: object): Generator<string> {
  let piece = '{'
  let first = true
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function') continue
    piece += `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (!Array.isArray(field)) {
      piece += JSON.stringify(field)
      continue
    }
    piece += '['
    for (const [i, element] of (field as unknown[]).entries()) {
      piece += (i ? ',' : '') + (JSON.stringify(element) ?? 'null')
      if (piece.length >= 1 << 20) {
        yield piece
        piece = ''
      }
    }
    piece += ']'
  }
  yield piece + '}'
}

/** `12345` -> `12,345`. */
export function fmtInt(n: number): string {
  const sign = n < 0 ? '-' : ''
  const digits = String(Math.round(Math.abs(n)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Byte counts with binary units: `1.5 KiB`. */
export function fmtBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = n
  let unit = 0
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${fmtInt(value)} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`
}

/** A share in 0..1 as a percentage: `0.1234` -> `12.3%`. */
export function fmtPct(share: number): string {
  if (!Number.isFinite(share)) return '–'
  return `${(share * 100).toFixed(1)}%`
}

/** Milliseconds: `850 ms`, `12.3 s`. */
export function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${fmtInt(ms)} ms`
}

/** The share of bytes removed, 0 when there was no input. May be negative when text grew. */
export function removedShare(bytesIn: number, bytesOut: number): number {
  return bytesIn > 0 ? (bytesIn - bytesOut) / bytesIn : 0
}
