/** Hand-made document reports for the HTML report's tests. */
import {applyEdits} from '../../src/engine/apply-edits.js'
import type {Edit, FoldedEdit, Point} from '../../src/engine/types.js'
import type {DocumentReport, Report} from '../../src/report/schema.js'
import type {PageReportInput} from '../../src/report/read-report.js'
import {compactDocument, reportEntry, type ExpandedDocument} from '../../src/report/compact.js'

export function point(text: string, offset: number): Point {
  const upto = text.slice(0, offset)
  return {line: upto.split('\n').length, column: offset - (upto.lastIndexOf('\n') + 1) + 1, offset}
}

export interface Change {
  find: string
  after: string
  stage: string
  rule: string
  reason: string
  /** Placed where their text first occurs in `find`. */
  folded?: Array<Omit<FoldedEdit, 'offset'>>
}

export interface FixtureDoc {
  /** The document as the page takes it (edits in full). */
  report: ExpandedDocument
  /** In the compact form readers work with. */
  stored: DocumentReport
  original: string
  cleaned: string
}

/** A document report whose edits replace the first occurrence of each `find`, in order. */
export function doc(pathName: string, original: string, changes: Change[], ms = 5): FixtureDoc {
  let from = 0
  const edits: Edit[] = changes.map((c) => {
    const start = original.indexOf(c.find, from)
    if (start < 0) throw new Error(`fixture: ${JSON.stringify(c.find)} not found`)
    from = start + c.find.length
    const edit: Edit = {
      stage: c.stage,
      rule: c.rule,
      reason: c.reason,
      before: c.find,
      after: c.after,
      start: point(original, start),
      end: point(original, from)
    }
    if (c.folded) edit.folded = c.folded.map((inner) => ({...inner, offset: start + c.find.indexOf(inner.before)}))
    return edit
  })
  const cleaned = applyEdits(original, edits)
  const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')
  const report: ExpandedDocument = {path: pathName, bytesIn: bytes(original), bytesOut: bytes(cleaned), ms, edits, conflicts: []}
  return {report, stored: compactDocument(report), original, cleaned}
}

/** A page's report as report.json stores it: each document's touching edits of one rule merged. */
export function storedReport(report: PageReportInput): Report {
  return {id: 'a1', ...report, documents: report.documents.map((d) => reportEntry(d))}
}
