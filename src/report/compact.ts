/**
 * A document's edits as report.json stores them (version 5: objects, touching
 * edits of one rule merged, the same change at several places stored once with
 * its places, folded edits as places in the text of the edit that folded them,
 * see `StoredEdit`), and the compact form readers work with: a table
 * of the `[stage, rule, reason]` the edits use, an edit `[rule, gap, before,
 * after?, folded?]` (see `EditRecord`), the edits it folded in `[rule, at,
 * length, after]`, their before text a slice of the outer edit's. The compact
 * form was report.json's version 2; lines and columns are worked out from the
 * original, rebuilt from the cleaned text and the edits.
 */
import {pointFinder, type DocumentResult} from '../engine/clean-document.js'
import type {Edit, FoldedEdit, Point} from '../engine/types.js'
import type {
  DocumentReport,
  EditRecord,
  FoldedRecord,
  ReportEntry,
  ReportEntryV3,
  ReportEntryV4,
  RuleEntry,
  StoredEdit,
  StoredEditV4,
  StoredFoldedEdit
} from './schema.js'
import {RuleTable} from './rule-table.js'
import type {DiffEdit} from './unified-diff.js'
import {ReconstructError} from '../errors.js'

/** What a document's report entry is made from: its edits as `clean()` gives them. */
export interface DocumentEdits extends Omit<DocumentReport, 'rules' | 'edits'> {
  edits: readonly Edit[]
}

/**
 * A cleaned document as its report entry is made from it: the result's edits and
 * conflicts, its sizes and time (to 0.01 ms), and its site, warnings and drop only
 * when it has them. A copy dropped and not written anywhere (`--duplicates skip`)
 * keeps no edits or warnings: there is no text of it for them to explain, and on a batch of
 * syndicated copies they were most of report.json; its `dropped` names the copy kept.
 * Such a copy is not cleaned at all (`NOT_CLEANED` stands for its result).
 */
export function documentEdits(
  path: string,
  result: Pick<DocumentResult, 'edits' | 'conflicts' | 'warnings'>,
  facts: Pick<DocumentEdits, 'bytesIn' | 'bytesOut' | 'ms' | 'site' | 'dropped'> & {
    /** Its text was written: to the cleaned output, or, dropped, to the duplicates. */
    written: boolean
  }
): DocumentEdits {
  const {bytesIn, bytesOut, ms, site, dropped, written} = facts
  const document: DocumentEdits = {
    path,
    bytesIn,
    bytesOut,
    ms: Math.round(ms * 100) / 100,
    edits: written ? result.edits : [],
    conflicts: written ? result.conflicts : []
  }
  if (site) document.site = site
  if (written && result.warnings.length > 0) document.warnings = result.warnings
  if (dropped) document.dropped = dropped
  return document
}

/** The result a copy dropped and written nowhere is reported with: nothing of a cleaning would be kept, so none is done. */
export const NOT_CLEANED: DocumentResult = Object.freeze({text: '', edits: [], conflicts: [], warnings: []})

/** A document entry with its edits as full `Edit` objects, each place on its own (as report.json version 3 stored it). */
export type ExpandedDocument = ReportEntryV3

/** An edit record read: its rule, original range and texts. */
export interface PlainEdit {
  rule: number
  start: number
  end: number
  before: string
  after: string
  folded: FoldedRecord[] | undefined
}

/** Only spaces: stored as their count (a scraped page's indentation is much of what normalize trims). */
const SPACES = /^ +$/

/**
 * Touching edits of one stage, rule and reason as one edit over both (a run of
 * boilerplate lines the classifier removed one by one): they replay to the same
 * text, and only the boundary between two edits that say the same is lost. A
 * rule's `detail` (its evidence) is not kept: `rinse explain` works it out again.
 *
 * With `stages` (the pipeline's, in the order they ran), two such edits with
 * only deletions of earlier stages between them, of up to `FOLD_BETWEEN`
 * characters, are one edit too, those deletions folded in: the rule saw the two
 * as touching, the deleted text being gone (on a page of indented lines, the
 * indentation normalize trimmed from each line the classifier then removed).
 * Folded edits are put in the order report.json gives them (`sortFolded`).
 */
export function mergeTouching(edits: readonly Edit[], stages?: readonly string[]): Edit[] {
  const earlier = stageOrder(stages)
  const merged: Edit[] = []
  for (let i = 0; i < edits.length; i++) {
    const {detail: _detail, ...edit} = edits[i]!
    const last = merged.at(-1)
    if (last && last.end.offset === edit.start.offset && sameChange(last, edit)) {
      absorb(last, edit)
      continue
    }
    // Deletions of earlier stages right after `last`, and then an edit it touches that says the same.
    let next = i
    let between = 0
    while (
      last &&
      next < edits.length &&
      edits[next]!.after === '' &&
      edits[next]!.before !== '' &&
      (between += edits[next]!.before.length) <= FOLD_BETWEEN &&
      edits[next]!.start.offset === (next === i ? last.end.offset : edits[next - 1]!.end.offset) &&
      earlier(edits[next]!.stage, last.stage)
    )
      next++
    const then = edits[next]
    if (last && next > i && then && then.start.offset === edits[next - 1]!.end.offset && sameChange(last, then)) {
      for (let k = i; k < next; k++) {
        const {detail: _d, folded, ...deleted} = edits[k]!
        const {start, end: _end, ...own} = deleted
        last.folded = [...(last.folded ?? []), ...placed(folded ?? [], deleted), {...own, offset: start.offset}]
        last.before += deleted.before
        last.end = deleted.end
      }
      absorb(last, then)
      i = next
      continue
    }
    merged.push(edit.folded ? {...edit, folded: placed(edit.folded, edit)} : edit)
  }
  for (const edit of merged) if (edit.folded) edit.folded = sortFolded(edit.folded)
  return merged
}

/**
 * The most characters of earlier deletions folded in between two edits that say
 * the same. A longer deletion (a centred page's indentation, hundreds of spaces on
 * line after line) costs more copied into each edit's `before` than stored once,
 * as its own edit with its places, and stays one.
 */
const FOLD_BETWEEN = 128

function sameChange(a: Edit, b: Edit): boolean {
  return a.rule === b.rule && a.stage === b.stage && a.reason === b.reason
}

/** `edit`, which starts where `last` ends, as part of `last`. */
function absorb(last: Edit, edit: Edit): void {
  last.before += edit.before
  last.after += edit.after
  last.end = edit.end
  if (edit.folded && edit.folded.length > 0) last.folded = [...(last.folded ?? []), ...placed(edit.folded, edit)]
}

/**
 * Whether stage `a` ran before stage `b`, by the pipeline's order; never for a
 * stage it does not name once (a stage run twice could be either).
 */
function stageOrder(stages: readonly string[] | undefined): (a: string, b: string) => boolean {
  if (!stages) return () => false
  const rank = new Map<string, number>()
  stages.forEach((stage, i) => rank.set(stage, rank.has(stage) ? -1 : i))
  return (a, b) => {
    const ra = rank.get(a) ?? -1
    const rb = rank.get(b) ?? -1
    return ra >= 0 && rb >= 0 && ra < rb
  }
}

/**
 * Folded edits with their places: an edit of a report of version 4 or earlier
 * has none, and is taken to be at the first place of its edit's `before` that
 * holds its text (they said no more).
 */
function placed(folded: readonly FoldedEdit[], edit: Pick<Edit, 'before' | 'start'>): FoldedEdit[] {
  return folded.map((inner) =>
    typeof inner.offset === 'number' ? inner : {...inner, offset: edit.start.offset + Math.max(0, edit.before.indexOf(inner.before))}
  )
}

/** Folded edits by place, the wider first where two start together (an edit before one it folded in), then by what they say. */
function sortFolded(folded: readonly FoldedEdit[]): FoldedEdit[] {
  const key = (inner: FoldedEdit): string => JSON.stringify([inner.stage, inner.rule, inner.reason, inner.after])
  return [...folded].sort((a, b) => a.offset - b.offset || b.before.length - a.before.length || compareText(key(a), key(b)))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The merged edits an entry was made from, so that `compactEntry` does not take the entry apart again. */
const madeFrom = new WeakMap<ReportEntry, readonly Edit[]>()

/** A document's line of report.json: its edits as objects, touching ones of one rule merged, each change once with its places. */
export function reportEntry(document: DocumentEdits, stages?: readonly string[]): ReportEntry {
  const {path, bytesIn, bytesOut, ms, edits, ...rest} = document
  const merged = mergeTouching(edits, stages)
  const entry: ReportEntry = {path, bytesIn, bytesOut, ms, edits: storedEdits(merged), ...rest}
  madeFrom.set(entry, merged)
  return entry
}

/** A document's edits in the compact form readers work with: a rule table, and records by offset. */
export function compactDocument(document: DocumentEdits): DocumentReport {
  return compactEntry(reportEntry(document))
}

/** An entry of report.json (as `reportEntry` gives it, or as read, of version 5 or 4) in the compact form. */
export function compactEntry(entry: ReportEntry | ReportEntryV4): DocumentReport {
  const {edits, ...rest} = entry
  return compactEdits({...rest, edits: madeFrom.get(entry as ReportEntry) ?? placedEdits(edits)})
}

/**
 * Edits as report.json stores them: a change made the same way at several
 * places (same stage, rule, reason, before, after and folded edits) is one
 * object with its first place in `start` and the others in `also`. An insertion
 * (nothing before) stays on its own: where two meet, their order is the text's.
 */
export function storedEdits(edits: readonly Edit[]): StoredEdit[] {
  const stored: StoredEdit[] = []
  const same = new Map<string, StoredEdit>()
  for (const edit of edits) {
    const folded = edit.folded?.length ? storedFolded(edit) : undefined
    const key =
      edit.before === '' ? undefined : JSON.stringify([edit.stage, edit.rule, edit.reason, edit.before, edit.after, folded ?? null])
    const earlier = key === undefined ? undefined : same.get(key)
    if (earlier) {
      ;(earlier.also ??= []).push([edit.start.line, edit.start.offset])
      continue
    }
    const start = {line: edit.start.line, offset: edit.start.offset}
    const object: StoredEdit =
      edit.after === ''
        ? {stage: edit.stage, rule: edit.rule, reason: edit.reason, before: edit.before, start}
        : {stage: edit.stage, rule: edit.rule, reason: edit.reason, before: edit.before, after: edit.after, start}
    if (folded) object.folded = folded
    stored.push(object)
    if (key !== undefined) same.set(key, object)
  }
  return stored
}

/**
 * An edit's folded edits as report.json stores them: each change once (stage,
 * rule, reason, after), with its places in the edit's `before`; the text of each
 * is that slice of `before`, so it is not stored again. In the order of their first places.
 */
function storedFolded(edit: Edit): StoredFoldedEdit[] {
  const changes = new Map<string, StoredFoldedEdit>()
  for (const {stage, rule, reason, before, after, offset} of edit.folded ?? []) {
    const at = offset - edit.start.offset
    // The edit log folds in only edits inside the later edit's range: anything else is a bug, not something to store.
    if (!(at >= 0 && edit.before.startsWith(before, at)))
      throw new Error(`${stage}/${rule} folded into ${edit.stage}/${edit.rule} at ${offset} is not inside it`)
    const key = JSON.stringify([stage, rule, reason, after])
    let change = changes.get(key)
    if (!change) {
      change = after === '' ? {stage, rule, reason, at: []} : {stage, rule, reason, after, at: []}
      changes.set(key, change)
    }
    change.at.push([at, before.length])
  }
  return [...changes.values()]
}

/**
 * Stored edits (of version 5 or 4) as `Edit` objects, each place on its own, in
 * the order of the text. Lines are the stored ones; columns, not stored, are 0
 * (`expandEdits` with the original gives them).
 */
export function placedEdits(stored: ReadonlyArray<StoredEdit | StoredEditV4>): Edit[] {
  const edits: Edit[] = []
  for (const object of stored) {
    const {stage, rule, reason, before, start, also} = object
    const after = object.after ?? ''
    const lines = newlines(before)
    const folded = object.folded?.length ? foldedAt(object) : undefined
    for (const [line, offset] of [[start.line, start.offset] as const, ...(also ?? [])]) {
      const edit: Edit = {
        stage,
        rule,
        reason,
        before,
        after,
        start: {line, column: 0, offset},
        end: {line: line + lines, column: 0, offset: offset + before.length}
      }
      if (folded) edit.folded = folded.map((inner) => ({...inner, offset: offset + inner.offset}))
      edits.push(edit)
    }
  }
  // Stable: an insertion before an edit starting where it is, as they were made.
  return edits.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
}

/** A stored edit's folded edits, each place on its own, `offset` from the start of the edit (the first place of its text, for version 4). */
function foldedAt(object: StoredEdit | StoredEditV4): FoldedEdit[] {
  const folded: FoldedEdit[] = []
  for (const inner of object.folded ?? []) {
    const {stage, rule, reason} = inner
    const after = inner.after ?? ''
    if ('at' in inner) {
      for (const [at, length] of inner.at)
        folded.push({stage, rule, reason, before: object.before.slice(at, at + length), after, offset: at})
    } else {
      folded.push({stage, rule, reason, before: inner.before, after, offset: Math.max(0, object.before.indexOf(inner.before))})
    }
  }
  return sortFolded(folded)
}

function newlines(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** Merged `Edit` objects in the compact form. */
function compactEdits(entry: DocumentEdits): DocumentReport {
  const {path, bytesIn, bytesOut, ms, edits, ...rest} = entry
  const table = new RuleTable()
  const ruleOf = (stage: string, rule: string, reason: string): number => table.get([stage, rule, reason])
  const plain = edits.map((edit): PlainEdit => ({
    rule: ruleOf(edit.stage, edit.rule, edit.reason),
    start: edit.start.offset,
    end: edit.end.offset,
    before: edit.before,
    after: edit.after,
    folded: edit.folded?.length
      ? edit.folded.map((inner) => foldedRecord(inner, edit, ruleOf(inner.stage, inner.rule, inner.reason)))
      : undefined
  }))
  return {path, bytesIn, bytesOut, ms, rules: table.values, edits: encodeEdits(plain), ...rest}
}

function encodeEdits(edits: readonly PlainEdit[]): EditRecord[] {
  let end = 0
  return edits.map(({rule, start, before, after, folded}): EditRecord => {
    const gap = start - end
    end = start + before.length
    const stored = before.length > 0 && SPACES.test(before) ? before.length : before
    if (folded) return [rule, gap, stored, after, folded]
    return after === '' ? [rule, gap, stored] : [rule, gap, stored, after]
  })
}

/** The records of a document read back: offsets and texts. */
export function plainEdits(edits: readonly EditRecord[]): PlainEdit[] {
  let end = 0
  return edits.map(([rule, gap, stored, after, folded]) => {
    const before = typeof stored === 'number' ? ' '.repeat(stored) : stored
    const start = end + gap
    end = start + before.length
    return {rule, start, end, before, after: after ?? '', folded}
  })
}

/**
 * A folded edit points into the outer edit's before text, at its place (always
 * inside, as rinse logs them; for an edit of version 3 or earlier without a place,
 * where its text first occurs); else it keeps its text.
 */
function foldedRecord(inner: FoldedEdit, outer: Pick<Edit, 'before' | 'start'>, rule: number): FoldedRecord {
  const placedAt = typeof inner.offset === 'number' ? inner.offset - outer.start.offset : -1
  const at = placedAt >= 0 && outer.before.startsWith(inner.before, placedAt) ? placedAt : outer.before.indexOf(inner.before)
  return at >= 0 ? [rule, at, inner.before.length, inner.after] : [rule, -1, inner.before, inner.after]
}

/** Edits of a document with their rule table resolved; positions hold offsets, and lines and columns when `original` is given (else 0). */
export function expandEdits(document: Pick<DocumentReport, 'rules' | 'edits' | 'path'>, original?: string): Edit[] {
  const point = original === undefined ? (offset: number): Point => ({line: 0, column: 0, offset}) : pointFinder(original)
  return plainEdits(document.edits).map((plain, i) => {
    const [stage, rule, reason] = ruleAt(document, plain.rule, i)
    const edit: Edit = {stage, rule, reason, before: plain.before, after: plain.after, start: point(plain.start), end: point(plain.end)}
    if (plain.folded && plain.folded.length > 0)
      edit.folded = plain.folded.map(([fr, at, length, after]) => {
        const [fStage, fRule, fReason] = ruleAt(document, fr, i)
        const before = typeof length === 'string' ? length : plain.before.slice(at, at + length)
        return {stage: fStage, rule: fRule, reason: fReason, before, after, offset: plain.start + Math.max(0, at)}
      })
    return edit
  })
}

function ruleAt(document: Pick<DocumentReport, 'rules' | 'path'>, r: number, edit: number): RuleEntry {
  const entry = document.rules[r]
  if (!entry) throw new ReconstructError(`${document.path}: edit ${edit} names rule ${r}, which its rule table does not have`)
  return entry
}

/**
 * The original text of a document from its cleaned text and its stored edits
 * (as `reconstructOriginal` does for `Edit` objects). Throws a
 * `ReconstructError` when they disagree.
 */
export function originalOf(cleaned: string, edits: readonly EditRecord[]): string {
  const parts: string[] = []
  let originalPos = 0
  let cleanedPos = 0
  plainEdits(edits).forEach(({start, before, after}, index) => {
    if (start < originalPos)
      throw new ReconstructError(`edit ${index} starts at ${start}, inside the previous edit ending at ${originalPos}`)
    const gap = start - originalPos
    if (cleanedPos + gap + after.length > cleaned.length)
      throw new ReconstructError(`cleaned text ends before edit ${index} at original offset ${start}`)
    parts.push(cleaned.slice(cleanedPos, cleanedPos + gap))
    cleanedPos += gap
    if (cleaned.slice(cleanedPos, cleanedPos + after.length) !== after)
      throw new ReconstructError(`cleaned text at ${cleanedPos} does not hold what edit ${index} produced`)
    cleanedPos += after.length
    parts.push(before)
    originalPos = start + before.length
  })
  parts.push(cleaned.slice(cleanedPos))
  return parts.join('')
}

/** The offsets and replacements a unified diff needs of each edit (lines and columns it does not). */
export function diffEdits(edits: readonly EditRecord[]): DiffEdit[] {
  return plainEdits(edits).map(({start, end, after}) => ({start: {offset: start}, end: {offset: end}, after}))
}

/** A document's line of report.json (version 5 or 4) in the compact form. */
export function fromEntry(document: ReportEntry | ReportEntryV4): DocumentReport {
  return compactEntry(document)
}

/** A document's line of a report.json of version 3 or 1 (every edit an object; version 1's touching edits are merged here) in the compact form. */
export function fromEntryV3(document: ReportEntryV3): DocumentReport {
  return compactEdits({...document, edits: mergeTouching(document.edits)})
}
