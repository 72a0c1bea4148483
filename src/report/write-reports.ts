/** The end of every run: report.json (atomic) and, unless switched off, report.html. */
import {join} from 'node:path'
import type {PipelineConfig} from '../config/pipeline-file.js'
import {writeFileAtomic} from '../io/atomic-write.js'
import {buildReport} from './build-report.js'
import {writeReportHtml} from './html/index.js'
import type {Cluster, DocumentReport, FailedDocument, Report} from './schema.js'

export async function writeReports(
  out: string,
  pipeline: PipelineConfig,
  documents: DocumentReport[],
  failures: FailedDocument[],
  run: {skipped: number; ms: number; clusters: Cluster[]; html?: boolean}
): Promise<Report> {
  const report = buildReport(pipeline, documents, failures, run)
  await writeFileAtomic(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n')
  if (run.html !== false) await writeReportHtml(out)
  return report
}
