/** Assemble report.json from the documents of a run. */
import type {PipelineConfig} from '../config/pipeline-file.js'
import {REPORT_VERSION, type Cluster, type DocumentReport, type FailedDocument, type Report} from './schema.js'

export function buildReport(
  pipeline: PipelineConfig,
  documents: DocumentReport[],
  failures: FailedDocument[],
  extra: {skipped: number; ms: number; clusters?: Cluster[]}
): Report {
  const sorted = [...documents].sort((a, b) => compare(a.path, b.path))
  const stats: Record<string, Record<string, number>> = {}
  let edits = 0
  for (const document of sorted) {
    for (const edit of document.edits) {
      edits++
      const stage = (stats[edit.stage] ??= {})
      stage[edit.rule] = (stage[edit.rule] ?? 0) + 1
    }
  }
  return {
    version: REPORT_VERSION,
    pipeline: {source: pipeline.source, hash: pipeline.hash, stages: pipeline.stages},
    totals: {
      files: sorted.length + failures.length,
      changed: sorted.filter((document) => document.edits.length > 0).length,
      failed: failures.length,
      skipped: extra.skipped,
      bytesIn: sorted.reduce((sum, document) => sum + document.bytesIn, 0),
      bytesOut: sorted.reduce((sum, document) => sum + document.bytesOut, 0),
      edits,
      ms: Math.round(extra.ms)
    },
    stats,
    documents: sorted,
    failures: [...failures].sort((a, b) => compare(a.path, b.path)),
    clusters: extra.clusters ?? [],
    conflicts: sorted.flatMap((document) => document.conflicts.map((conflict) => ({...conflict, path: document.path})))
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
