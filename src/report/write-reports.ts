/** The end of every run: report.json (atomic, streamed) and, unless switched off, report.html. */
import {join} from 'node:path'
import {removeLeftoverTemps} from '../io/atomic-write.js'
import type {PipelineConfig} from '../config/pipeline-file.js'
import {summarizeRun, writeReportJson} from './build-report.js'
import {writeReportHtml} from './html/index.js'
import type {Cluster, DocumentSummary, FailedDocument, RunReport, StaleOutputs} from './schema.js'

/** The documents of a run: their summaries, and a way to read each one's full entry as JSON. */
export interface DocumentSource {
  summaries: readonly DocumentSummary[]
  read(summary: DocumentSummary): Promise<string>
}

export async function writeReports(
  out: string,
  pipeline: PipelineConfig,
  documents: DocumentSource,
  failures: FailedDocument[],
  run: {skipped: number; ms: number; clusters: Cluster[]; html?: boolean | undefined; stale?: StaleOutputs | undefined}
): Promise<RunReport> {
  const report = summarizeRun(pipeline, documents.summaries, failures, run)
  // A run killed while writing a report left its temp file (a large one for a large run).
  removeLeftoverTemps(out)
  await writeReportJson(join(out, 'report.json'), report, documents.read)
  if (run.html !== false) await writeReportHtml(out)
  return report
}
