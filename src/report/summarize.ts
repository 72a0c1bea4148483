/** The in-memory summary of one document's report entry. */
import {compactEntry, reportEntry, type DocumentEdits} from './compact.js'
import type {DocumentReport, DocumentSummary, ReportEntry} from './schema.js'
import {reviewEntriesUsed} from './review-stale.js'

/** A document's edits counted per `stage/rule`. */
export function ruleCounts(document: Pick<DocumentReport, 'rules' | 'edits'>): Record<string, number> {
  const rules: Record<string, number> = {}
  for (const [r] of document.edits) {
    const entry = document.rules[r]
    const key = entry ? `${entry[0]}/${entry[1]}` : '?/?'
    rules[key] = (rules[key] ?? 0) + 1
  }
  return rules
}

/** A `stage/rule` key taken apart. */
export function splitRuleKey(key: string): {stage: string; rule: string} {
  const slash = key.indexOf('/')
  return {stage: key.slice(0, slash), rule: key.slice(slash + 1)}
}

const STAGE_ORDER = ['normalize', 'boilerplate', 'repair', 'dedup']

/** Where a stage goes when stages are listed: the built-in ones in the order they run, others after. */
export function stageRank(stage: string): number {
  const i = STAGE_ORDER.indexOf(stage)
  return i === -1 ? STAGE_ORDER.length : i
}

/**
 * How the boilerplate stage's guards (kept-prose: most of the prose; kept-text: the
 * document nearly emptied) and dedup's copy guard (kept-copy) read in a document's warnings.
 */
const KEPT_BY_GUARD = [' boilerplate/kept-prose: ', ' boilerplate/kept-text: ']
const KEPT_COPY = ' dedup/kept-copy: '

export function summarize(document: DocumentReport): DocumentSummary {
  const rules = ruleCounts(document)
  const summary: DocumentSummary = {
    path: document.path,
    bytesIn: document.bytesIn,
    bytesOut: document.bytesOut,
    ms: document.ms,
    edits: document.edits.length,
    rules
  }
  if (document.dropped) summary.dropped = true
  if (document.warnings?.some((warning) => KEPT_BY_GUARD.some((kept) => warning.includes(kept)))) summary.keptProse = true
  if (document.warnings?.some((warning) => warning.includes(KEPT_COPY))) summary.keptCopy = true
  if (document.conflicts.length > 0) summary.conflicts = document.conflicts
  const review = reviewEntriesUsed(document)
  if (review.length > 0) summary.review = review
  return summary
}

/** A document entry serialized once, where it was made (a worker), with its summary. */
export interface SerializedDocument {
  summary: DocumentSummary
  json: string
}

/** A cleaned document's line of report.json, serialized, with its summary; `stages`, the pipeline's in order (see `mergeTouching`). */
export function serializeDocument(document: DocumentEdits, stages?: readonly string[]): SerializedDocument {
  return serializeEntry(reportEntry(document, stages))
}

/** `stored`: the entry in the compact form, when the caller has it already. */
export function serializeEntry(entry: ReportEntry, stored = compactEntry(entry)): SerializedDocument {
  return {summary: summarize(stored), json: JSON.stringify(entry)}
}
