/**
 * The blocks left after boilerplate as a second clean of the output sees them:
 * as the later repair stage leaves them. Its rewrap joins the hard-wrapped
 * lines that removed blocks stood between (a side column's cells in a column
 * layout), so a paragraph kept as wrapped lines comes back as one line, with
 * other features and another count of prose; its other rules change a line's
 * words (`Queens.CreditChang` → `Queens. Credit Chang`), and with them the
 * line's features and its neighbours'.
 */
import type {Block} from '../../blocks/block.js'
import {segment} from '../../blocks/segment.js'
import {applyProposed} from '../../engine/apply-proposed.js'
import {runStage} from '../../engine/clean-document.js'
import {EditLog} from '../../engine/edit-log.js'
import type {ConfiguredStage} from '../../engine/stage.js'
import {rewrapJoins} from '../repair/rules/rewrap.js'
import type {HardWrapOptions} from '../normalize/rules/hard-wrap.js'
import {laterCopies, type LocalCopies} from '../dedup/local.js'

/** What a second clean does to the text boilerplate leaves before its own boilerplate sees it. */
export interface SecondCleanView {
  /** The wrap widths normalize recognises (its `hardWrap`): without a repair stage, its hard-wrap joins lines so. */
  wrap?: HardWrapOptions | undefined
  /** The repair stage after boilerplate, run on the view as the pipeline runs it. */
  repair?: ConfiguredStage | undefined
}

export interface RepairedView {
  /** The repaired blocks, numbered from 0; a block's offsets span its lines in the document. */
  blocks: Block[]
  /** For each repaired block, the document's blocks it was made of. */
  sources: Block[][]
  /** For each repaired block, whether its text differs from its one source's (a join or a repair). */
  changed: boolean[]
}

/** `left` (blocks of one document, in order, already renumbered as a view) as the later repair leaves them. */
export function repairedView(left: readonly Block[], options: SecondCleanView = {}): RepairedView {
  // The output's text as deleteBlocks leaves it: one line a block, a blank line where one stays.
  let text = ''
  const lineEnds: number[] = []
  for (const block of left) {
    if (text !== '') text += block.blankBefore ? '\n\n' : '\n'
    text += block.text
    lineEnds.push(text.length)
  }
  const repaired = options.repair ? runRepair(text, options.repair) : rewrapOnly(text, options.wrap)
  const unchanged = (): RepairedView => ({blocks: [...left], sources: left.map((block) => [block]), changed: left.map(() => false)})
  if (!repaired) return unchanged()
  // An edit that takes a newline and puts none back makes the line before it and the next one.
  const joinsNext = new Set<number>()
  // Edits in text order: the line whose end an edit takes is found by walking on, not by a search from the top.
  let line = 0
  for (const edit of repaired.edits) {
    const removed = lineBreaks(text, edit.start, edit.end)
    const kept = lineBreaks(edit.after, 0, edit.after.length)
    if (removed === 0 && kept === 0) continue
    // A repair that keeps, moves or adds a line break is no join this view knows: the lines stay as they are.
    if (kept > 0) return unchanged()
    while (line < lineEnds.length && lineEnds[line]! < edit.start) line++
    for (let k = line; k < lineEnds.length && lineEnds[k]! < edit.end; k++) joinsNext.add(k)
  }
  const sources: Block[][] = []
  left.forEach((block, i) => (i > 0 && joinsNext.has(i - 1) ? sources.at(-1)!.push(block) : sources.push([block])))
  const blocks = segment(repaired.text)
  // Each repaired line is one block; should the text split otherwise, the lines stay as they are.
  if (blocks.length !== sources.length) return unchanged()
  return {
    blocks: blocks.map((block, i) => ({...block, start: sources[i]![0]!.start, end: sources[i]!.at(-1)!.end})),
    sources,
    changed: changedFrom(blocks, sources)
  }
}

/** For each block, whether it is not its one source as it was (a join, or a repair of its text). */
function changedFrom(blocks: readonly Block[], sources: readonly Block[][]): boolean[] {
  return blocks.map((block, i) => sources[i]!.length > 1 || block.text !== sources[i]![0]!.text)
}

/**
 * `left` (renumbered as a view) as a second clean's boilerplate sees it: as the
 * later repair leaves it, then without the copies a later dedup removes, and the
 * lines those stood between joined (dedup's rejoin, or the next normalize).
 */
export function secondCleanView(left: readonly Block[], options: SecondCleanView & {localDedup?: LocalCopies | undefined}): RepairedView {
  const repaired = repairedView(left, options)
  const copies = options.localDedup ? laterCopies(repaired.blocks, options.localDedup) : undefined
  if (!copies || copies.size === 0) return repaired
  const kept = repaired.blocks.filter((_, at) => !copies.has(at))
  const rejoined = repairedView(renumber(kept, repaired.blocks), {wrap: options.wrap})
  const sources = rejoined.sources.map((group) => group.flatMap((block) => repaired.sources[kept[block.index]!.index]!))
  return {blocks: rejoined.blocks, sources, changed: changedFrom(rejoined.blocks, sources)}
}

/**
 * The blocks as if the others were gone: consecutive indexes, and the blank lines
 * that `deleteBlocks` leaves, so that a round sees what cleaning the output again
 * would see. The first block follows a blank (the start of the text); a block after
 * a removed run follows one if the run or the block itself was set apart by one.
 */
export function renumber(remaining: readonly Block[], all: readonly Block[]): Block[] {
  return remaining.map((block, index) => {
    const previous = remaining[index - 1]
    let blankBefore = block.blankBefore || previous === undefined
    if (!blankBefore && block.index - previous!.index > 1)
      for (let k = previous!.index + 1; k < block.index && !blankBefore; k++) blankBefore = all[k]!.blankBefore
    return {...block, index, blankBefore}
  })
}

/** A change to the view's text, in its offsets. */
interface ViewEdit {
  start: number
  end: number
  after: string
}

/** The text after the repair stage's passes, run as the pipeline runs them; undefined when it changes nothing. */
function runRepair(text: string, repair: ConfiguredStage): {text: string; edits: ViewEdit[]} | undefined {
  const log = new EditLog(text)
  const nowhere = (offset: number) => ({line: 0, column: 0, offset})
  runStage({log, path: '<view>', point: nowhere, conflicts: [], onWarning: () => {}}, repair)
  const edits = log.edits()
  if (edits.length === 0) return undefined
  return {text: log.text, edits: edits.map((edit) => ({start: edit.o0, end: edit.o1, after: edit.after}))}
}

/** Without a repair stage a second clean's normalize still joins hard-wrapped lines (its hard-wrap). */
function rewrapOnly(text: string, wrap: HardWrapOptions | undefined): {text: string; edits: ViewEdit[]} | undefined {
  const edits = rewrapJoins(text, wrap)
  if (edits.length === 0) return undefined
  // Joins never overlap: each takes a newline of its own.
  return {text: applyProposed(text, edits)!.text, edits: edits.map((edit) => ({start: edit.start, end: edit.end, after: edit.replacement}))}
}

function lineBreaks(text: string, start: number, end: number): number {
  let count = 0
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++
  return count
}
