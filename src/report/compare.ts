/**
 * What changed between two runs (`rinse compare OLD_OUT NEW_OUT`): the documents
 * whose cleaned text differs, and the edits gained and lost per rule and per
 * site. Read from each run's report.json (one document at a time) and cleaned files.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {cleanedPath} from '../io/out-paths.js'
import {siteOf} from '../io/site.js'
import {mapReportDocuments} from './read-report.js'
import {ruleCounts} from './summarize.js'

/** Edits of one rule (`stage/rule`) in the old and the new run. */
export interface RuleChange {
  rule: string
  old: number
  new: number
}

export interface DocumentChange {
  path: string
  /** The cleaned file of each run; null where the run has none (a new, gone, failed or dropped document). */
  old: string | null
  new: string | null
}

export interface Comparison {
  old: string
  new: string
  /** Documents in either run. */
  documents: number
  /** Documents whose cleaned text differs (or that one run has and the other not), in path order. */
  changed: DocumentChange[]
  /** Rules whose edit count differs, most changed first. */
  rules: RuleChange[]
  /** The same per site (a first folder under IN; '' at the top), sites in order. */
  sites: Array<{site: string; rules: RuleChange[]}>
}

interface Seen {
  rules: Record<string, number>
  cleaned: boolean
}

async function readRun(out: string): Promise<Map<string, Seen>> {
  const report = await mapReportDocuments(join(out, 'report.json'), (document) => ({
    path: document.path,
    seen: {rules: ruleCounts(document), cleaned: !document.dropped}
  }))
  return new Map(report.documents.map((document) => [document.path, document.seen]))
}

async function cleanedText(out: string, path: string, seen: Seen | undefined): Promise<string | null> {
  if (!seen?.cleaned) return null
  try {
    return await readFile(cleanedPath(out, path), 'utf8')
  } catch {
    return null
  }
}

export async function compareRuns(oldOut: string, newOut: string): Promise<Comparison> {
  const [before, after] = await Promise.all([readRun(oldOut), readRun(newOut)])
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const changed: DocumentChange[] = []
  const total = new Map<string, RuleChange>()
  const bySite = new Map<string, Map<string, RuleChange>>()
  for (const path of paths) {
    const old = before.get(path)
    const now = after.get(path)
    const [oldText, newText] = await Promise.all([cleanedText(oldOut, path, old), cleanedText(newOut, path, now)])
    if (oldText !== newText) {
      changed.push({
        path,
        old: oldText === null ? null : cleanedPath(oldOut, path),
        new: newText === null ? null : cleanedPath(newOut, path)
      })
    }
    const site = siteOf(path)
    const siteRules = bySite.get(site) ?? bySite.set(site, new Map()).get(site)!
    for (const [side, seen] of [
      ['old', old],
      ['new', now]
    ] as const) {
      for (const [rule, count] of Object.entries(seen?.rules ?? {})) {
        for (const table of [total, siteRules]) {
          const entry = table.get(rule) ?? table.set(rule, {rule, old: 0, new: 0}).get(rule)!
          entry[side] += count
        }
      }
    }
  }
  const sites = [...bySite.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([site, rules]) => ({site, rules: differing(rules)}))
    .filter((site) => site.rules.length > 0)
  return {old: oldOut, new: newOut, documents: paths.length, changed, rules: differing(total), sites}
}

function differing(rules: Map<string, RuleChange>): RuleChange[] {
  return [...rules.values()]
    .filter((entry) => entry.old !== entry.new)
    .sort((a, b) => Math.abs(b.new - b.old) - Math.abs(a.new - a.old) || (a.rule < b.rule ? -1 : 1))
}

/** The comparison as `rinse compare` prints it. */
export function formatComparison(comparison: Comparison): string {
  const delta = (entry: RuleChange): string =>
    `${entry.rule} ${entry.old} → ${entry.new} (${entry.new > entry.old ? '+' : '−'}${Math.abs(entry.new - entry.old)})`
  const lines = [`rinse compare: ${comparison.changed.length} of ${comparison.documents} documents cleaned differently`]
  for (const document of comparison.changed)
    lines.push(`  ${document.path}\n    old: ${document.old ?? '(none)'}\n    new: ${document.new ?? '(none)'}`)
  lines.push(comparison.rules.length ? 'edits per rule (old → new):' : 'edits per rule: the same')
  for (const entry of comparison.rules) lines.push(`  ${delta(entry)}`)
  if (comparison.sites.length) lines.push('per site:')
  for (const {site, rules} of comparison.sites) lines.push(`  ${site ? `${site}/` : '(top of IN)'}: ${rules.map(delta).join(', ')}`)
  return lines.join('\n') + '\n'
}
