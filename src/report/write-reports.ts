/** The end of every run: report.json (atomic, streamed) and, unless switched off, report.html. */
import {join} from 'node:path'
import {removeLeftoverTemps} from '../io/atomic-write.js'
import type {PipelineConfig} from '../config/pipeline-file.js'
import {summarizeRun, writeReportJson, type ReportLocations} from './build-report.js'
import {writeReportHtml} from './html/index.js'
import type {Cluster, DocumentSummary, FailedDocument, RunReport, StaleOutputs} from './schema.js'

/** The documents of a run: their summaries, and a way to read each one's full entry as JSON. */
export interface DocumentSource {
  summaries: readonly DocumentSummary[]
  read(summary: DocumentSummary): Promise<string | Uint8Array>
  /** Told once report.json is written: its id and where each entry is in it (the resume manifest then points there). */
  written?(id: string, locations: ReportLocations): Promise<void>
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
  const locations = await writeReportJson(join(out, 'report.json'), report, documents.read)
  await documents.written?.(report.id, locations)
  if (run.html !== false) await writeReportHtml(out)
  return report
}
