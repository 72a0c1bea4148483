/**
 * report.json's one table of `[stage, rule, reason]`: a document's line lists
 * indices into it rather than the entries themselves. The table is the
 * report's last key (it is complete only once every document is written), so
 * a reader takes it from the end of the file first.
 */
import {open} from 'node:fs/promises'
import {Interner} from './interner.js'
import {REPORT_VERSION, type DocumentReport, type RuleEntry, type StoredDocument} from './schema.js'

/** The report's `[stage, rule, reason]` entries, each once. */
export class RuleTable extends Interner<RuleEntry> {
  constructor() {
    super((entry) => entry.join('\u0000'))
  }
}

const RULES_KEY = ',"rules":'
const EDITS_KEY = ',"edits":'

/**
 * A document entry as JSON (its `rules` the entries themselves, or indices into
 * `previous`, the table of the report.json it was read from) made its line of
 * the report being written: only the `rules` list is rewritten, the edits are
 * copied as they are. JSON.stringify never writes a bare `"` inside a string,
 * so the first `,"rules":` and `,"edits":` are the keys (rules comes before edits).
 */
export function storedLine(json: string, table: RuleTable, previous: () => readonly RuleEntry[]): string {
  const from = json.indexOf(RULES_KEY)
  const to = json.indexOf(EDITS_KEY, from)
  if (from < 0 || to < 0) throw new Error(`not a report entry: ${json.slice(0, 80)}`)
  const rules = JSON.parse(json.slice(from + RULES_KEY.length, to)) as Array<RuleEntry | number>
  const ids = rules.map((rule) => table.get(typeof rule === 'number' ? entryOf(previous(), rule) : rule))
  return `${json.slice(0, from)}${RULES_KEY}${JSON.stringify(ids)}${json.slice(to)}`
}

function entryOf(table: readonly RuleEntry[], i: number): RuleEntry {
  const entry = table[i]
  if (!entry) throw new Error(`report.json has no rule ${i} in its table`)
  return entry
}

/** A document line of report.json with its rules resolved through the report's table. */
export function resolveDocument(document: StoredDocument, table: readonly RuleEntry[]): DocumentReport {
  return {...document, rules: document.rules.map((i) => entryOf(table, i))}
}

const TAIL_KEY = '\n  "rules": '

/**
 * The rule table of a version-2 report.json, read from its end; undefined for
 * a report of another version (which is not read further) or one without it.
 */
export async function readRuleTable(file: string): Promise<RuleEntry[] | undefined> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(256)
    const {bytesRead} = await handle.read(head, 0, head.length, 0)
    if (!head.toString('utf8', 0, bytesRead).includes(`\n  "version": ${REPORT_VERSION},\n`)) return undefined
    const {size} = await handle.stat()
    for (let take = 64 * 1024; ; take *= 4) {
      const start = Math.max(0, size - take)
      const buffer = Buffer.alloc(size - start)
      await handle.read(buffer, 0, buffer.length, start)
      const text = buffer.toString('utf8')
      const at = text.lastIndexOf(TAIL_KEY)
      if (at >= 0) {
        const end = text.indexOf('\n', at + 1)
        try {
          return JSON.parse(text.slice(at + TAIL_KEY.length, end < 0 ? undefined : end)) as RuleEntry[]
        } catch {
          // Not on one line as rinse writes it (a report.json rewritten by another tool): the reader takes the file whole.
          return undefined
        }
      }
      if (start === 0) return undefined
    }
  } finally {
    await handle.close()
  }
}
