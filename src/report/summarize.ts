/** The in-memory summary of one document's report entry. */
import type {DocumentReport, DocumentSummary} from './schema.js'

export function summarize(document: DocumentReport): DocumentSummary {
  const rules: Record<string, number> = {}
  for (const edit of document.edits) {
    const key = `${edit.stage}/${edit.rule}`
    rules[key] = (rules[key] ?? 0) + 1
  }
  const summary: DocumentSummary = {
    path: document.path,
    bytesIn: document.bytesIn,
    bytesOut: document.bytesOut,
    ms: document.ms,
    edits: document.edits.length,
    rules
  }
  if (document.dropped) summary.dropped = true
  if (document.conflicts.length > 0) summary.conflicts = document.conflicts
  return summary
}

/** A document entry serialized once, where it was made (a worker), with its summary. */
export interface SerializedDocument {
  summary: DocumentSummary
  json: string
}

export function serializeDocument(document: DocumentReport): SerializedDocument {
  return {summary: summarize(document), json: JSON.stringify(document)}
}
