/** Run configured stages over one document and log every change against the original. */
import {location} from 'vfile-location'
import {segment} from '../blocks/segment.js'
import type {Block} from '../blocks/block.js'
import {hashString} from '../blocks/words.js'
import {EditLog} from './edit-log.js'
import {resolveOverlaps} from './resolve.js'
import type {ConfiguredStage, StageInput, Warning} from './stage.js'
import type {Conflict, Edit, Point, ProposedEdit} from './types.js'
import {pushAll} from './arrays.js'
import {NOWHERE, watchAt, watchCode} from './watch-point.js'

export interface DocumentResult {
  text: string
  edits: Edit[]
  conflicts: Conflict[]
  /** `line:column stage/rule: reason` for text kept but flagged. */
  warnings: string[]
}

/**
 * What the first stages of a pipeline did to a document, recorded while corpus
 * signatures were collected: the final pass replays it instead of deciding again.
 */
export interface Trace {
  /** How many stages it covers. */
  stages: number
  /** The edits each pass applied, in order. */
  passes: ProposedEdit[][]
  conflicts: Conflict[]
  warnings: string[]
  /** What the first pass of the next stage prepared on the traced text (see `Pass.prepare`). */
  prepared?: unknown
  /**
   * The traced text's length and FNV-1a hash: a trace is replayed only on that
   * text (an input changed between the passes is cleaned afresh).
   */
  text?: [length: number, hash: number]
}

export function cleanDocument(
  original: string,
  stages: readonly ConfiguredStage[],
  path = '<text>',
  replay?: Trace,
  /** The document's site, when its runner knows it (a JSONL record's field); else stages work it out from the path. */
  site?: string
): DocumentResult {
  const fits = replay && (!replay.text || (replay.text[0] === original.length && replay.text[1] === hashString(original)))
  const {log, conflicts, warnings, point} = runPasses(original, stages, {path, site}, fits ? replay : undefined)
  // Past the stages: a file stopped now is not in the last stage's rules.
  watchAt(EDIT_REPORT)
  const edits = reportEdits(log, point)
  watchAt(NOWHERE)
  return {text: log.text, edits, conflicts, warnings}
}

/** The watch point while every edit's place in the original is worked out. */
const EDIT_REPORT = watchCode('edit report')

/** Apply every pass of every stage; positions are only worked out when asked for. */
function runPasses(original: string, stages: readonly ConfiguredStage[], name: DocumentName, replay?: Trace, record?: ProposedEdit[][]) {
  const log = new EditLog(original)
  const conflicts: Conflict[] = [...(replay?.conflicts ?? [])]
  const warnings: string[] = [...(replay?.warnings ?? [])]
  let finder: ((offset: number) => Point) | undefined
  const point = (offset: number): Point => (finder ??= pointFinder(original))(offset)
  const onWarning = (stage: ConfiguredStage, warning: Warning, at: Point): void => {
    warnings.push(`${at.line}:${at.column} ${stage.name}/${warning.rule}: ${warning.reason}`)
  }
  let passIndex = 0
  for (const [stageIndex, stage] of stages.entries()) {
    if (replay && stageIndex < replay.stages) {
      // Same text, same edits: what the recorded run rejected is already in its conflicts.
      watchAt(watchCode(stage.name))
      for (let k = 0; k < stage.passes.length; k++) log.apply(stage.name, replay.passes[passIndex++]!)
      continue
    }
    const prepared = replay && stageIndex === replay.stages ? replay.prepared : undefined
    runStage({log, ...name, point, conflicts, onWarning}, stage, prepared, record)
  }
  return {log, conflicts, warnings, point}
}

/** A document as stages know it: its path, and its site when the runner knows it. */
export interface DocumentName {
  path: string
  site?: string | undefined
}

/** A document on its way through stages: what runStage adds to. */
export interface DocumentState extends DocumentName {
  log: EditLog
  /** Offsets of the original text to line and column. */
  point(offset: number): Point
  conflicts: Conflict[]
  onWarning(stage: ConfiguredStage, warning: Warning, at: Point): void
}

/** Run one stage's passes on a document, each pass on the text the one before left. */
export function runStage(document: DocumentState, stage: ConfiguredStage, prepared?: unknown, record?: ProposedEdit[][]): void {
  const {log, path, site, point, conflicts} = document
  for (const [passOfStage, pass] of stage.passes.entries()) {
    const text = log.text
    let blocks: Block[] | undefined
    const originalPoint = (offset: number): Point => point(log.originalOffset(offset))
    const input: StageInput = {
      path,
      ...(site === undefined ? {} : {site}),
      text,
      original: log.original,
      blocks: () => (blocks ??= segment(text)),
      originalPoint,
      warn: (warning) => document.onWarning(stage, warning, originalPoint(warning.start))
    }
    // The stage, until one of its rules marks itself.
    watchAt(watchCode(stage.name))
    const {accepted, conflicts: overlapping} = resolveOverlaps(stage.name, pass.propose(input, passOfStage === 0 ? prepared : undefined))
    record?.push(accepted)
    pushAll(conflicts, overlapping)
    for (const edit of log.apply(stage.name, accepted)) {
      conflicts.push({
        stage: stage.name,
        kept: {rule: 'earlier edit', start: edit.start, end: edit.end},
        dropped: {rule: edit.rule, start: edit.start, end: edit.end, reason: edit.reason},
        resolution: 'collided with a neighbouring edit once both were widened over earlier edits'
      })
    }
  }
}

/**
 * The text a document has before the stage at `stageIndex`, as a stage input
 * (for corpus collection), with the trace of what the stages before it did and
 * what that stage's first pass prepared, for the final pass to replay.
 */
export function traceTo(
  original: string,
  stages: readonly ConfiguredStage[],
  stageIndex: number,
  name: DocumentName,
  /** Run the stage's `prepare` and key the trace to its text (only worth it when the final pass will replay the trace). */
  prepare = true
): {input: StageInput; trace: Trace} {
  const passes: ProposedEdit[][] = []
  // Only the text is needed here: no report of the edits.
  const {log, conflicts, warnings} = runPasses(original, stages.slice(0, stageIndex), name, undefined, passes)
  const text = log.text
  let blocks: Block[] | undefined
  const input: StageInput = {
    path: name.path,
    ...(name.site === undefined ? {} : {site: name.site}),
    text,
    original,
    blocks: () => (blocks ??= segment(text)),
    originalPoint: (offset) => ({line: 0, column: 0, offset}),
    warn: () => {}
  }
  const trace: Trace = {stages: stageIndex, passes, conflicts, warnings}
  if (prepare) {
    trace.text = [original.length, hashString(original)]
    if (stages[stageIndex]) watchAt(watchCode(stages[stageIndex].name))
    const prepared = stages[stageIndex]?.passes[0]?.prepare?.(input)
    if (prepared !== undefined) trace.prepared = prepared
  }
  return {input, trace}
}

/** Offsets to line and column in a text, through vfile-location. */
export function pointFinder(text: string): (offset: number) => Point {
  const place = location(text)
  return (offset) => {
    const found = place.toPoint(offset)
    if (found) return {line: found.line, column: found.column, offset}
    // vfile-location has no point for the very end of a text that ends in a newline.
    const lines = text.split('\n')
    return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset}
  }
}

export function reportEdits(log: EditLog, point: (offset: number) => Point): Edit[] {
  return log.edits().map((logged) => {
    const edit: Edit = {
      stage: logged.stage,
      rule: logged.rule,
      reason: logged.reason,
      before: log.original.slice(logged.o0, logged.o1),
      after: logged.after,
      start: point(logged.o0),
      end: point(logged.o1)
    }
    if (logged.detail) edit.detail = logged.detail
    if (logged.folded.length > 0) edit.folded = logged.folded
    return edit
  })
}
