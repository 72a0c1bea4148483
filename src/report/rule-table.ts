/**
 * A table of `[stage, rule, reason]`, each once: a document's compact form names
 * rules by index into its table. A report.json of version 2 had one such table,
 * its last key, which a reader takes from the end of the file first.
 */
import {open} from 'node:fs/promises'
import {Interner} from './interner.js'
import type {DocumentReport, RuleEntry, StoredDocument} from './schema.js'

/** The report's `[stage, rule, reason]` entries, each once. */
export class RuleTable extends Interner<RuleEntry> {
  constructor() {
    super((entry) => entry.join('\u0000'))
  }
}

function entryOf(table: readonly RuleEntry[], i: number): RuleEntry {
  const entry = table[i]
  if (!entry) throw new Error(`report.json has no rule ${i} in its table`)
  return entry
}

/** A document line of a version-2 report.json with its rules resolved through the report's table. */
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
    if (!head.toString('utf8', 0, bytesRead).includes('\n  "version": 2,\n')) return undefined
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
