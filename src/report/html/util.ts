/** Escaping and number formatting for the HTML report. */
import {gzipSync} from 'node:zlib'

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
export function packForScript(value: unknown): string {
  return gzipSync(JSON.stringify(value)).toString('base64')
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
