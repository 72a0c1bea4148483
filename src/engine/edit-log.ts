/**
 * The edit log of one document: the text as it is now, plus a piece table that
 * maps every stretch of the current text back to the original input.
 *
 * Each piece is either a copy of original text (same length on both sides) or
 * the product of an applied edit. When a later stage edits text that an earlier
 * edit produced, the earlier edit is folded into the later one, so the logged
 * edits never overlap in original coordinates and applying them to the input
 * gives the current text exactly.
 */
import type {FoldedEdit, ProposedEdit, StageName} from './types.js'

/** An applied edit in original offsets; `after` is what the range holds now. */
export interface LoggedEdit {
  stage: StageName
  rule: string
  reason: string
  /** Original range. */
  o0: number
  o1: number
  after: string
  detail?: Record<string, unknown>
  folded: FoldedEdit[]
}

interface Piece {
  /** Range in the current text. */
  c0: number
  c1: number
  /** Range in the original text. */
  o0: number
  o1: number
  /** The edit that produced this piece; undefined for copied original text. */
  edit?: LoggedEdit
}

export class EditLog {
  readonly original: string
  private current: string
  private pieces: Piece[]

  constructor(original: string) {
    this.original = original
    this.current = original
    this.pieces = original.length > 0 ? [{c0: 0, c1: original.length, o0: 0, o1: original.length}] : []
  }

  get text(): string {
    return this.current
  }

  /** The applied edits, in original order, never overlapping. */
  edits(): LoggedEdit[] {
    const result: LoggedEdit[] = []
    for (const piece of this.pieces) if (piece.edit) result.push(piece.edit)
    return result
  }

  /** Original offset of a position in the current text. */
  originalOffset(position: number): number {
    return this.mapPosition(position, 'start')
  }

  /**
   * Apply edits that one stage (or pass) proposed. They must be sorted by start
   * and must not overlap (see `resolveOverlaps`). Returns the edits that could
   * not be applied because, once widened over earlier edits, they collided with
   * a neighbour (rare; reported as conflicts by the caller).
   */
  apply(stage: StageName, proposed: readonly ProposedEdit[]): ProposedEdit[] {
    if (proposed.length === 0) return []
    const text = this.current
    const {accepted, rejected, foldedInto} = this.accept(stage, proposed, text)
    const {pieces, length} = rebuildPieces(this.pieces, accepted, foldedInto)
    this.current = splice(text, accepted)
    this.pieces = mergeCopies(pieces)
    if (length !== this.current.length) throw new Error(`edit log out of step: ${length} != ${this.current.length}`)
    return rejected
  }

  /**
   * The proposed edits widened over the earlier products they touch, in order; an edit
   * that collides with the one before is rejected, unless both are of one rule over the
   * same earlier product (three no-break spaces a mojibake fix produced, each made a
   * plain space), which become one edit.
   */
  private accept(
    stage: StageName,
    proposed: readonly ProposedEdit[],
    text: string
  ): {accepted: Widened[]; rejected: ProposedEdit[]; foldedInto: Map<Piece, Widened>} {
    const rejected: ProposedEdit[] = []
    const accepted: Widened[] = []
    const foldedInto = new Map<Piece, Widened>()
    const collides = (x: Widened, previous: Widened | undefined): boolean =>
      (previous !== undefined &&
        (x.start < previous.end || (x.start === previous.end && x.start === x.end && previous.start === previous.end))) ||
      x.pieces.some((piece) => foldedInto.has(piece))
    for (const edit of proposed) {
      const x = this.widen(stage, [edit], text)
      const previous = accepted.at(-1)
      if (!collides(x, previous)) {
        for (const piece of x.pieces) foldedInto.set(piece, x)
        accepted.push(x)
        continue
      }
      if (
        previous &&
        previous.group.at(-1)!.rule === edit.rule &&
        x.pieces.every((piece) => !foldedInto.has(piece) || foldedInto.get(piece) === previous)
      ) {
        for (const piece of previous.pieces) foldedInto.delete(piece)
        const merged = this.widen(stage, [...previous.group, edit], text)
        if (!collides(merged, accepted.at(-2))) {
          for (const piece of merged.pieces) foldedInto.set(piece, merged)
          accepted[accepted.length - 1] = merged
          continue
        }
        for (const piece of previous.pieces) foldedInto.set(piece, previous)
      }
      rejected.push(edit)
    }
    return {accepted, rejected, foldedInto}
  }

  /**
   * Widen proposed edits (one, or neighbours of one rule taken as one) over every
   * earlier edit's product they touch.
   */
  private widen(stage: StageName, group: readonly ProposedEdit[], text: string): Widened {
    const edit = group.length === 1 ? group[0]! : spanOf(group, text)
    let start = edit.start
    let end = edit.end
    const touched = new Set<Piece>()
    for (let changed = true; changed;) {
      changed = false
      for (let i = this.firstPieceEndingAtOrAfter(start); i < this.pieces.length; i++) {
        const piece = this.pieces[i]!
        if (piece.c0 > end) break
        if (!piece.edit || touched.has(piece) || !touches(piece, start, end)) continue
        touched.add(piece)
        if (piece.c0 < start || piece.c1 > end) changed = true
        start = Math.min(start, piece.c0)
        end = Math.max(end, piece.c1)
      }
    }
    const pieces = [...touched]
    // Folded pieces may be empty (a deletion) and so invisible to the mapping.
    let o0 = this.mapPosition(start, 'start')
    for (const piece of pieces) o0 = Math.min(o0, piece.o0)
    let o1 = Math.max(o0, this.mapPosition(end, 'end'))
    for (const piece of pieces) o1 = Math.max(o1, piece.o1)
    const after = text.slice(start, edit.start) + edit.replacement + text.slice(edit.end, end)
    // Most edits touch no earlier product: nothing to fold.
    const folded = pieces.length === 0 ? [] : pieces.flatMap((piece) => foldedOf(piece.edit!, this.original))
    const logged: LoggedEdit = {stage, rule: edit.rule, reason: edit.reason, o0, o1, after, folded}
    if (edit.detail) logged.detail = edit.detail
    return {start, end, pieces, logged, group}
  }

  private firstPieceEndingAtOrAfter(position: number): number {
    let lo = 0
    let hi = this.pieces.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.pieces[mid]!.c1 < position) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * Original offset of a current position. Pieces partition both texts in
   * step; where an earlier deletion sits at the position, a range starting
   * there begins after the deleted text and a range ending there stops before it.
   */
  private mapPosition(position: number, side: 'start' | 'end'): number {
    let before: Piece | undefined
    for (let i = this.firstPieceEndingAtOrAfter(position); i < this.pieces.length; i++) {
      const piece = this.pieces[i]!
      if (piece.c0 > position) break
      if (piece.c1 === piece.c0) continue
      if (piece.c0 < position && position < piece.c1)
        return piece.edit ? (side === 'start' ? piece.o0 : piece.o1) : piece.o0 + (position - piece.c0)
      if (piece.c1 === position) {
        before = piece
        if (side === 'end') return piece.o1
      } else if (piece.c0 === position) {
        return piece.o0
      }
    }
    if (before) return before.o1
    return position === 0 ? 0 : (this.pieces.at(-1)?.o1 ?? this.original.length)
  }
}

interface Widened {
  start: number
  end: number
  pieces: Piece[]
  logged: LoggedEdit
  /** The proposed edits it stands for (more than one when neighbours were merged). */
  group: readonly ProposedEdit[]
}

/** Sorted, non-overlapping edits of one rule as one edit over the span they cover. */
function spanOf(group: readonly ProposedEdit[], text: string): ProposedEdit {
  let replacement = ''
  let position = group[0]!.start
  for (const edit of group) {
    replacement += text.slice(position, edit.start) + edit.replacement
    position = edit.end
  }
  return {...group[0]!, end: group.at(-1)!.end, replacement}
}

/** Whether a widened edit goes before an old piece in the new piece list. */
function comesBefore(x: Widened, piece: Piece, foldedInto: ReadonlyMap<Piece, Widened>): boolean {
  if (x.start !== piece.c0) return x.start < piece.c0
  // At the same place: an earlier deletion that the edit does not fold stays
  // before it, as its original text does; anything else follows the edit.
  return piece.c1 > piece.c0 || foldedInto.get(piece) === x
}

function touches(piece: Piece, start: number, end: number): boolean {
  // An earlier deletion right next to a range stays a separate edit; one inside
  // it, or at the point of an insertion, is folded in.
  if (piece.c0 === piece.c1) return start === end ? start === piece.c0 : start < piece.c0 && piece.c0 < end
  if (start === end) return piece.c0 < start && start < piece.c1
  return piece.c0 < end && start < piece.c1
}

function foldedOf(edit: LoggedEdit, original: string): FoldedEdit[] {
  const own: FoldedEdit = {
    stage: edit.stage,
    rule: edit.rule,
    reason: edit.reason,
    before: original.slice(edit.o0, edit.o1),
    after: edit.after,
    offset: edit.o0
  }
  return [...edit.folded, own]
}

/** Neighbouring copies of original text as one piece; `pieces` are rebuildPieces' own objects, extended in place. */
function mergeCopies(pieces: Piece[]): Piece[] {
  const merged: Piece[] = []
  let last: Piece | undefined
  for (const piece of pieces) {
    if (last && !last.edit && !piece.edit && last.c1 === piece.c0 && last.o1 === piece.o0) {
      last.c1 = piece.c1
      last.o1 = piece.o1
    } else {
      merged.push(piece)
      last = piece
    }
  }
  return merged
}

/**
 * The piece table after a round of edits: the old pieces in order, with each accepted
 * edit's product in place of the text it replaced (and of the earlier products it folded in).
 */
function rebuildPieces(
  old: readonly Piece[],
  accepted: readonly Widened[],
  foldedInto: ReadonlyMap<Piece, Widened>
): {pieces: Piece[]; length: number} {
  const pieces: Piece[] = []
  let out = 0
  let j = 0
  let position = 0
  const emitEdit = (x: Widened): void => {
    pieces.push({c0: out, c1: out + x.logged.after.length, o0: x.logged.o0, o1: x.logged.o1, edit: x.logged})
    out += x.logged.after.length
    position = Math.max(position, x.end)
  }
  const emitCopy = (piece: Piece, from: number, to: number): void => {
    const o0 = piece.o0 + (from - piece.c0)
    pieces.push({c0: out, c1: out + (to - from), o0, o1: o0 + (to - from)})
    out += to - from
  }
  for (const piece of old) {
    while (j < accepted.length && comesBefore(accepted[j]!, piece, foldedInto)) emitEdit(accepted[j++]!)
    if (foldedInto.has(piece)) continue
    if (piece.edit) {
      pieces.push({...piece, c0: out, c1: out + (piece.c1 - piece.c0)})
      out += piece.c1 - piece.c0
      position = piece.c1
      continue
    }
    let from = Math.max(piece.c0, position)
    while (j < accepted.length && accepted[j]!.start < piece.c1) {
      const x = accepted[j++]!
      if (x.start > from) emitCopy(piece, from, x.start)
      emitEdit(x)
      from = Math.max(from, x.end)
    }
    if (from < piece.c1) {
      emitCopy(piece, from, piece.c1)
      position = piece.c1
    }
  }
  while (j < accepted.length) emitEdit(accepted[j++]!)
  return {pieces, length: out}
}

/** The text with each accepted edit's range replaced by its product. */
function splice(text: string, accepted: readonly Widened[]): string {
  let last = 0
  const parts: string[] = []
  for (const x of accepted) {
    parts.push(text.slice(last, x.start), x.logged.after)
    last = x.end
  }
  parts.push(text.slice(last))
  return parts.join('')
}
