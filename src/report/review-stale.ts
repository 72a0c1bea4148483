/** Which overlay entries did something in a batch, and which are stale (matched nothing). */
import type {DocumentReport, DocumentSummary, ReviewSummary, StaleEntry} from './schema.js'
import {ENTRY_KINDS, type Overlay} from '../config/review/overlay.js'
import {scopeLabel} from '../config/review/scope.js'
import {KEPT_BY_REVIEW, REVIEW_REMOVE, taggedEntry} from '../config/review/tags.js'

const KEPT = `/${KEPT_BY_REVIEW}: `

/** The entries a document's report names: its review removals and its kept-by-review warnings. */
export function reviewEntriesUsed(document: Pick<DocumentReport, 'rules' | 'warnings'>): string[] {
  const used = new Set<string>()
  for (const [, rule, reason] of document.rules) {
    const entry = rule === REVIEW_REMOVE ? taggedEntry(reason) : undefined
    if (entry) used.add(entry)
  }
  for (const warning of document.warnings ?? []) {
    const entry = warning.includes(KEPT) ? taggedEntry(warning) : undefined
    if (entry) used.add(entry)
  }
  return [...used]
}

export function reviewSummary(overlays: readonly Overlay[], documents: readonly Pick<DocumentSummary, 'review'>[]): ReviewSummary {
  const used = new Set(documents.flatMap((document) => document.review ?? []))
  const stale: StaleEntry[] = []
  for (const overlay of overlays) {
    for (const scope of overlay.scopes) {
      for (const kind of ENTRY_KINDS) {
        for (const entry of scope[kind]) {
          if (used.has(entry.id)) continue
          stale.push({entry: entry.id, kind, scope: scopeLabel(scope), value: 'rule' in entry ? entry.rule : entry.line})
        }
      }
    }
  }
  return {overlays: overlays.map((overlay) => overlay.source), stale}
}
