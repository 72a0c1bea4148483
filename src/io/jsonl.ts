/** JSON Lines: one record per line; rinse cleans one string field and passes every other field through untouched. */
import {createInterface} from 'node:readline'
import {openInputStream} from './read-document.js'
import {recordSite} from './site.js'

export interface JsonlOptions {
  /** The field holding the text to clean. */
  textField: string
  /** The field naming the record in reports; the line number when absent. */
  idField?: string
}

export interface JsonlRecord {
  /** 1-based line number in its file. */
  line: number
  /** The line as read. */
  raw: string
  /** The parsed record, when the line is a JSON object with a string text field. */
  record?: Record<string, unknown>
  id: string
  text?: string
  /** The record's own site (its `site` field, or its `url`'s host), see site.ts. */
  site?: string
  /** Why the line cannot be cleaned (it is passed through unchanged). */
  problem?: string
  /** A blank line: written back as it is, so output lines stay aligned with input lines. */
  blank?: true
}

export function parseRecord(raw: string, line: number, options: JsonlOptions): JsonlRecord {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    return {line, raw, id: `line ${line}`, problem: `not valid JSON (${(error as Error).message})`}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {line, raw, id: `line ${line}`, problem: 'not a JSON object'}
  const record = value as Record<string, unknown>
  const idValue = options.idField ? record[options.idField] : undefined
  const id = typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : `line ${line}`
  const text = record[options.textField]
  if (typeof text !== 'string') {
    return {
      line,
      raw,
      record,
      id,
      problem: text === undefined ? `no \`${options.textField}\` field` : `\`${options.textField}\` is not a string`
    }
  }
  const site = recordSite(record)
  return site === undefined ? {line, raw, record, id, text} : {line, raw, record, id, text, site}
}

/**
 * The records of a JSONL file (or stream), one at a time; blank lines come as `blank` records.
 * `onBytes` sees a file's bytes as they are read (for its content hash).
 */
export async function* readJsonl(
  source: string | NodeJS.ReadableStream,
  options: JsonlOptions,
  onBytes?: (chunk: Buffer) => void
): AsyncGenerator<JsonlRecord> {
  // Bytes, decoded by readline; both listeners are attached in this same turn, so no chunk passes before readline sees it.
  const input = typeof source === 'string' ? await openInputStream(source) : source
  if (onBytes) input.on('data', (chunk: Buffer) => onBytes(chunk))
  const lines = createInterface({input, crlfDelay: Number.POSITIVE_INFINITY})
  let line = 0
  for await (const raw of lines) {
    line++
    yield raw.trim() === '' ? {line, raw, id: `line ${line}`, blank: true} : parseRecord(raw, line, options)
  }
}

/** The record with its text field replaced; key order and every other field kept. */
export function withText(record: Record<string, unknown>, field: string, text: string): string {
  return JSON.stringify({...record, [field]: text})
}
