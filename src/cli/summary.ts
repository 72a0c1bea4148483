/** The line printed at the end of a run. */
import type {Report} from '../report/schema.js'

export function summaryLine(report: Pick<Report, 'totals' | 'stats'>, ms: number, resumed: number): string {
  const {totals} = report
  const byStage = Object.entries(report.stats)
    .map(([stage, rules]) => `${stage} ${Object.values(rules).reduce((a, b) => a + b, 0)}`)
    .join(', ')
  // Cleaning can add bytes (a final newline, a repaired character): then the share is a gain, `+2%`, not `−-2%`.
  const change =
    totals.bytesOut > totals.bytesIn && totals.bytesIn > 0
      ? `+${Math.round((totals.bytesOut / totals.bytesIn - 1) * 100)}%`
      : `−${totals.bytesIn > 0 ? Math.round((1 - totals.bytesOut / totals.bytesIn) * 100) : 0}%`
  const seconds = ms / 1000
  const rate = totals.bytesIn / 1e6 / Math.max(seconds, 1e-3)
  return [
    `rinse: ${totals.files} files (${totals.changed} changed, ${totals.failed} failed${resumed ? `, ${resumed} resumed` : ''})`,
    `${size(totals.bytesIn)} → ${size(totals.bytesOut)} (${change})`,
    `edits: ${byStage || 'none'}`,
    ...(totals.keptProse ? [`${totals.keptProse} kept text the classifier would have removed (see warnings)`] : []),
    ...(totals.keptCopies ? [`${totals.keptCopies} kept copies found on weak evidence (see warnings)`] : []),
    `${seconds.toFixed(2)} s`,
    `${rate.toFixed(1)} MB/s`
  ].join(' · ')
}

function size(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`
  return `${bytes} B`
}

/** What became of outputs whose input is gone, when there were any. */
export function staleLine(report: Pick<Report, 'stale'>): string | undefined {
  const stale = report.stale
  if (!stale || stale.outputs.length === 0) return undefined
  const outputs = `${stale.outputs.length} output${stale.outputs.length === 1 ? '' : 's'}`
  return stale.pruned
    ? `rinse: pruned ${outputs} whose input is gone (listed in report.json under stale)`
    : `rinse: ${outputs} in OUT ${stale.outputs.length === 1 ? 'has' : 'have'} no input in this run (listed in report.json under stale); --prune deletes them`
}

/** Review overlay entries that kept or removed nothing in this batch, when there were any. */
export function staleReviewLine(report: Pick<Report, 'review'>): string | undefined {
  const stale = report.review?.stale ?? []
  if (stale.length === 0) return undefined
  const entries = stale.map((entry) => entry.entry).join(', ')
  return `rinse: ${stale.length} review entr${stale.length === 1 ? 'y' : 'ies'} matched nothing in this batch (listed in report.json under review.stale): ${entries}`
}
