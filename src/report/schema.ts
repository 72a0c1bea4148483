/** The shape of `OUT/report.json`, version 5 (see docs/report-format.md). */
import type {Cluster, Conflict, Edit} from '../engine/types.js'

export type {Cluster, ClusterMember} from '../engine/types.js'

export const REPORT_VERSION = 5

/** `[stage, rule, reason]`: an entry of a rule table, which edits name by index. */
export type RuleEntry = [stage: string, rule: string, reason: string]

/**
 * An applied edit in the compact form readers work with (and report.json version 2
 * stored): its rule (an index into its document's `rules`);
 * `gap`, the original characters between the end of the document's previous
 * edit (or the start of the text) and this edit's start; the original text it
 * replaced (a number `n` stands for `n` spaces); what that became (left out
 * when nothing, a deletion); and the earlier edits it folded in. Its original
 * range is `start .. start + before.length` (UTF-16 code units).
 */
export type EditRecord =
  | [rule: number, gap: number, before: string | number]
  | [rule: number, gap: number, before: string | number, after: string]
  | [rule: number, gap: number, before: string | number, after: string, folded: FoldedRecord[]]

/**
 * An earlier edit inside an edit's range: its rule, and its before text as
 * `before.slice(at, at + length)` of the edit that folded it (or, with `at` -1,
 * the text itself), and what it made of it.
 */
export type FoldedRecord = [rule: number, at: number, length: number | string, after: string]

export interface DocumentReport {
  /** Path relative to the input folder, with `/` separators. */
  path: string
  bytesIn: number
  bytesOut: number
  /** Milliseconds spent cleaning this document. */
  ms: number
  /**
   * The stages, rules and reasons of this document's edits. In a version-2
   * report.json a document listed indices into the report's `rules` instead (see `StoredDocument`).
   */
  rules: RuleEntry[]
  edits: EditRecord[]
  conflicts: Conflict[]
  /** The document's site: the first folder of its path, or the pipeline's `site` pattern's group; absent when none (docs/review.md#sites). */
  site?: string
  /** Messages about text that was kept but looks suspicious. */
  warnings?: string[]
  /** Set when a corpus stage dropped the whole document (a duplicate): why, and the cluster. */
  dropped?: {stage: string; rule: string; reason: string; detail?: Record<string, unknown>}
}

/** Where an edit starts in the original: 1-based line, 0-based offset in UTF-16 code units. */
export interface StoredPoint {
  line: number
  offset: number
}

/**
 * Edits folded into a later one, as report.json (version 5) stores them: one
 * object per change (same stage, rule, reason and `after`, left out when empty),
 * with each place it was made as `[offset, length]`, the offset into the `before`
 * of the edit that folded it (UTF-16 code units): its original text is that slice
 * of `before`, and it starts `offset` characters after that edit's start.
 */
export interface StoredFoldedEdit {
  stage: string
  rule: string
  reason: string
  after?: string
  at: Array<[offset: number, length: number]>
}

/**
 * An edit as report.json (version 5) stores it: self-describing, its end left
 * out (`start.offset + before.length`), `after` left out when empty (a removal),
 * and the same change made at several places of one document (same stage, rule,
 * reason, before, after and folded edits: the indentation a page trims on line after
 * line) stored once: `start` is the first place, `also` the others as `[line, offset]`.
 */
export interface StoredEdit {
  stage: string
  rule: string
  reason: string
  before: string
  after?: string
  start: StoredPoint
  also?: Array<[line: number, offset: number]>
  folded?: StoredFoldedEdit[]
}

/** An edit folded into a later one, as report.json version 4 stored it: its text, not its place. */
export interface StoredFoldedEditV4 {
  stage: string
  rule: string
  reason: string
  before: string
  after?: string
}

/** An edit as report.json version 4 stored it: as in version 5 but for its folded edits. */
export type StoredEditV4 = Omit<StoredEdit, 'folded'> & {folded?: StoredFoldedEditV4[]}

/**
 * A document's line in report.json: its edits as `StoredEdit` objects, sorted
 * by where each first occurs; touching edits of one rule and reason are one.
 */
export type ReportEntry = Omit<DocumentReport, 'rules' | 'edits'> & {edits: StoredEdit[]}

/** A document's line in a report.json of version 4 (folded edits with their text, without their places). */
export type ReportEntryV4 = Omit<DocumentReport, 'rules' | 'edits'> & {edits: StoredEditV4[]}

/** A document's line in a report.json of version 3 (or 1): every edit an `Edit` object, each place on its own. */
export type ReportEntryV3 = Omit<DocumentReport, 'rules' | 'edits'> & {edits: Edit[]}

/** A document's line in a report.json of version 2: its rule table is indices into the report's `rules`. */
export type StoredDocument = Omit<DocumentReport, 'rules'> & {rules: number[]}

/**
 * What a run keeps in memory of a cleaned document: enough for the totals, the
 * counters and the summary. The full entry (edits and all) stays on disk until
 * report.json is written, so memory does not grow with the edits of a batch.
 */
export interface DocumentSummary {
  path: string
  bytesIn: number
  bytesOut: number
  ms: number
  /** How many edits. */
  edits: number
  /** Edits per `stage/rule`. */
  rules: Record<string, number>
  dropped?: true
  /** The boilerplate stage kept text that its classifier would have removed (a `kept-prose` or `kept-text` warning). */
  keptProse?: true
  /** Dedup kept a near or partial copy found on weak evidence (a `kept-copy` warning). */
  keptCopy?: true
  /** Only when there are any (rare). */
  conflicts?: Conflict[]
  /** The review overlay entries (`FILE:LINE`) that kept or removed something here; absent when none. */
  review?: string[]
}

export interface FailedDocument {
  path: string
  error: string
}

export interface Totals {
  files: number
  changed: number
  failed: number
  skipped: number
  bytesIn: number
  bytesOut: number
  edits: number
  ms: number
  /** Documents with a `kept-prose` or `kept-text` warning (cleaning would have removed most of their prose, or emptied them); absent when none. */
  keptProse?: number
  /** Documents with a `kept-copy` warning (found a near or partial copy, kept by the copy guard); absent when none. */
  keptCopies?: number
}

/** What a run returns: report.json without the edits of each document (those are in the file). */
export type RunReport = Omit<Report, 'documents' | 'rules'> & {documents: DocumentSummary[]}

export interface Report {
  version: typeof REPORT_VERSION
  /** Names this report.json: the resume manifest points into it by this id. */
  id: string
  /** The pipeline as it ran: the file it came from and its resolved stages. */
  pipeline: {source: string; hash: string; stages: unknown[]}
  totals: Totals
  /** Counters per stage: `{boilerplate: {'comment-form': 3}}`. */
  stats: Record<string, Record<string, number>>
  /** One line per document. */
  documents: ReportEntry[]
  failures: FailedDocument[]
  clusters: Cluster[]
  conflicts: Array<Conflict & {path: string}>
  /**
   * Outputs in OUT that no input of this run accounts for (an input removed or
   * renamed since an earlier run), as paths relative to OUT; `pruned` when the run
   * deleted them (`--prune`). Absent when there are none.
   */
  stale?: StaleOutputs
  /** The review overlays applied after the pipeline (`--overlay`), and their entries that changed nothing in this batch. Absent without overlays. */
  review?: ReviewSummary
}

export interface StaleOutputs {
  pruned: boolean
  outputs: string[]
}

/** An overlay entry that kept or removed nothing in the batch: its line or scope matches nothing (a stale decision). */
export interface StaleEntry {
  /** `FILE:LINE` of the entry. */
  entry: string
  kind: 'rulesOff' | 'keep' | 'remove'
  /** `site-b/` or a path glob. */
  scope: string
  /** The rule switched off, or the line kept or removed. */
  value: string
}

export interface ReviewSummary {
  overlays: string[]
  stale: StaleEntry[]
}
