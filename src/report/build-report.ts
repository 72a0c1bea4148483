/**
 * report.json from the documents of a run. Only summaries are held in memory;
 * each document's full entry is read (from the manifest, say) when its turn
 * comes, so writing the report of a large batch takes little memory. Each
 * document is one line of the `documents` array: the file stays readable and
 * a line-oriented tool can take it apart.
 */
import type {PipelineConfig} from '../config/pipeline-file.js'
import {randomBytes} from 'node:crypto'
import {writeFileAtomicStream} from '../io/atomic-stream.js'
import {splitRuleKey, stageRank} from './summarize.js'
import {reviewSummary} from './review-stale.js'
import {REPORT_VERSION, type Cluster, type DocumentSummary, type FailedDocument, type RunReport, type StaleOutputs} from './schema.js'

export function summarizeRun(
  pipeline: PipelineConfig,
  summaries: readonly DocumentSummary[],
  failures: readonly FailedDocument[],
  extra: {skipped: number; ms: number; clusters?: Cluster[]; stale?: StaleOutputs | undefined}
): RunReport {
  const sorted = [...summaries].sort((a, b) => compare(a.path, b.path))
  const stats: Record<string, Record<string, number>> = {}
  let edits = 0
  let bytesIn = 0
  let bytesOut = 0
  let keptProse = 0
  let keptCopies = 0
  for (const document of sorted) {
    if (document.keptProse) keptProse++
    if (document.keptCopy) keptCopies++
    edits += document.edits
    bytesIn += document.bytesIn
    bytesOut += document.bytesOut
    for (const [key, count] of Object.entries(document.rules)) {
      const {stage, rule} = splitRuleKey(key)
      const counters = (stats[stage] ??= {})
      counters[rule] = (counters[rule] ?? 0) + count
    }
  }
  return {
    version: REPORT_VERSION,
    id: randomBytes(8).toString('hex'),
    pipeline: {source: pipeline.source, hash: pipeline.hash, stages: pipeline.stages},
    totals: {
      files: sorted.length + failures.length,
      // A dropped copy is changed (its output is gone), though it keeps no edits when written nowhere.
      changed: sorted.filter((document) => document.edits > 0 || document.dropped).length,
      failed: failures.length,
      skipped: extra.skipped,
      bytesIn,
      bytesOut,
      edits,
      ms: Math.round(extra.ms),
      ...(keptProse > 0 ? {keptProse} : {}),
      ...(keptCopies > 0 ? {keptCopies} : {})
    },
    stats: inStageOrder(stats),
    documents: sorted,
    failures: [...failures].sort((a, b) => compare(a.path, b.path)),
    clusters: extra.clusters ?? [],
    conflicts: sorted.flatMap((document) => (document.conflicts ?? []).map((conflict) => ({...conflict, path: document.path}))),
    ...(extra.stale && extra.stale.outputs.length > 0 ? {stale: extra.stale} : {}),
    ...(pipeline.overlays ? {review: reviewSummary(pipeline.overlays, sorted)} : {})
  }
}

/** Where each document's entry lies in report.json: `[byte offset, byte length]`. */
export type ReportLocations = Map<DocumentSummary, [offset: number, length: number]>

/**
 * Write report.json atomically; `read` gives each document's full entry as JSON.
 * Returns where each entry was written, for the resume manifest to point to.
 */
export async function writeReportJson(
  file: string,
  report: RunReport,
  read: (summary: DocumentSummary) => Promise<string | Uint8Array>
): Promise<ReportLocations> {
  const locations: ReportLocations = new Map()
  const field = (key: string, value: unknown): string =>
    `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')},\n`
  return writeFileAtomicStream(file, async (stream) => {
    const {documents, failures, clusters, conflicts, ...head} = report
    await stream.write('{\n')
    for (const [key, value] of Object.entries(head)) await stream.write(field(key, value))
    await stream.write('  "documents": [')
    for (const [i, summary] of documents.entries()) {
      await stream.write(`${i === 0 ? '' : ','}\n    `)
      const json = await read(summary)
      const start = stream.bytes
      await stream.write(json)
      locations.set(summary, [start, stream.bytes - start])
    }
    await stream.write(documents.length > 0 ? '\n  ],\n' : '],\n')
    const tail = field('failures', failures) + field('clusters', clusters) + field('conflicts', conflicts)
    await stream.write(`${tail.slice(0, -2)}\n}\n`)
    return locations
  })
}

/** Counters listed in the order the stages run, not the order edits happened to be seen. */
function inStageOrder(stats: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(stats).sort(([a], [b]) => stageRank(a) - stageRank(b) || compare(a, b)))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
