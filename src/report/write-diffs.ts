/**
 * OUT/diffs from OUT/report.json and OUT/cleaned, for a run made without diffs
 * (`rinse run --no-diffs`) or diffs since deleted. Each document's original is
 * rebuilt from its cleaned text and its edits, so the input folder is not needed.
 */
import {printable} from '../io/printable.js'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {diffEdits, originalOf} from './compact.js'
import {writeFileAtomicSync} from '../io/atomic-write.js'
import {stopsRun} from '../io/write-error.js'
import {mapReportDocuments} from './read-report.js'
import type {DocumentReport, FailedDocument} from './schema.js'
import {cleanedPath, diffPath, tempFolder, unsafeOutputPath} from '../io/out-paths.js'
import {unifiedDiff} from './unified-diff.js'
import {ReconstructError, UsageError} from '../errors.js'

export interface DiffsWritten {
  /** Diffs written: one per document with edits that was not dropped. */
  written: number
  /** Documents whose diff could not be made, and why. */
  failures: FailedDocument[]
}

// Records of a JSONL run are named `FILE.jsonl#ID` or `FILE.jsonl:LINE`.
const JSONL_RECORD = /\.(?:jsonl|ndjson)[#:][^/]*$/

export async function writeDiffsFromReport(out: string): Promise<DiffsWritten> {
  const report = join(out, 'report.json')
  if (!existsSync(report)) throw new UsageError(`${out}: no report.json (is it the output folder of a rinse run?)`)
  const result: DiffsWritten = {written: 0, failures: []}
  const temp = tempFolder(out)
  let records = 0
  const writeDiff = (document: DocumentReport): void => {
    if (JSONL_RECORD.test(document.path)) {
      records++
      return
    }
    if (document.dropped || document.edits.length === 0) return
    // report.json is read, not trusted: a path that leaves OUT is refused, the other documents go on.
    const unsafe = unsafeOutputPath(out, 'cleaned', document.path) ?? unsafeOutputPath(out, 'diffs', `${document.path}.diff`)
    if (unsafe) {
      result.failures.push({path: printable(document.path), error: `not written: report.json names ${unsafe}`})
      return
    }
    let cleaned: string
    try {
      cleaned = readFileSync(cleanedPath(out, document.path), 'utf8')
    } catch (error) {
      result.failures.push({path: document.path, error: `no cleaned file (${(error as NodeJS.ErrnoException).code ?? String(error)})`})
      return
    }
    let original: string
    try {
      original = originalOf(cleaned, document.edits)
    } catch (error) {
      if (!(error instanceof ReconstructError)) throw error
      result.failures.push({path: document.path, error: `the cleaned file does not match its edits in report.json (${error.message})`})
      return
    }
    try {
      writeFileAtomicSync(diffPath(out, document.path), unifiedDiff(document.path, original, cleaned, diffEdits(document.edits)), temp)
    } catch (error) {
      // A full disk fails every diff after it: one line and a stop, not a failure per document.
      if (stopsRun(error)) throw error
      result.failures.push({
        path: document.path,
        error: `cannot write the diff (${(error as NodeJS.ErrnoException).code ?? String(error)})`
      })
      return
    }
    result.written++
  }
  await mapReportDocuments(report, writeDiff)
  if (records > 0 && result.written === 0 && result.failures.length === 0)
    throw new UsageError(`${out}: a JSONL run has no diffs (its records are not files); report.json holds every edit`)
  return result
}
