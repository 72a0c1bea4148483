/**
 * Resolve overlapping edits proposed within one stage. The wider edit wins (a
 * whole-line removal beats a fix inside that line); on a tie, the rule listed
 * first wins. Every loser is returned as a conflict, never dropped silently.
 */
import type {Conflict, ProposedEdit, StageName} from './types.js'
import {pushAll} from './arrays.js'

export interface Resolution {
  accepted: ProposedEdit[]
  conflicts: Conflict[]
}

export function resolveOverlaps(stage: StageName, proposed: readonly ProposedEdit[]): Resolution {
  const ordered = proposed.map((edit, order) => ({edit, order})).sort(byStart)
  const accepted: ProposedEdit[] = []
  const conflicts: Conflict[] = []
  // Walk groups of mutually overlapping edits; most groups have one member.
  let group: Array<{edit: ProposedEdit; order: number}> = []
  let groupEnd = -1
  const flush = (): void => {
    if (group.length === 1) accepted.push(group[0]!.edit)
    else if (group.length > 1) resolveGroup(stage, group, accepted, conflicts)
    group = []
  }
  for (const item of ordered) {
    if (group.length > 0 && !overlapsRange(item.edit, group[0]!.edit.start, groupEnd)) flush()
    if (group.length === 0) groupEnd = item.edit.end
    group.push(item)
    groupEnd = Math.max(groupEnd, item.edit.end)
  }
  flush()
  accepted.sort((a, b) => a.start - b.start || a.end - b.end)
  return {accepted, conflicts}
}

function resolveGroup(
  stage: StageName,
  group: Array<{edit: ProposedEdit; order: number}>,
  accepted: ProposedEdit[],
  conflicts: Conflict[]
): void {
  const byPriority = [...group].sort((a, b) => b.edit.end - b.edit.start - (a.edit.end - a.edit.start) || a.order - b.order)
  const winners: ProposedEdit[] = []
  for (const {edit} of byPriority) {
    const winner = winners.find((other) => overlaps(edit, other))
    if (!winner) {
      winners.push(edit)
      continue
    }
    if (winner.start === edit.start && winner.end === edit.end && winner.replacement === edit.replacement) {
      // Two rules asking for the same change: one change, no conflict.
      continue
    }
    conflicts.push({
      stage,
      kept: {rule: winner.rule, start: winner.start, end: winner.end},
      dropped: {rule: edit.rule, start: edit.start, end: edit.end, reason: edit.reason},
      resolution: winner.end - winner.start > edit.end - edit.start ? 'the wider edit wins' : 'same width: the rule listed first wins'
    })
  }
  pushAll(accepted, winners)
}

function byStart(a: {edit: ProposedEdit; order: number}, b: {edit: ProposedEdit; order: number}): number {
  return a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order
}

/** Ranges overlap; an insertion overlaps a range it falls strictly inside, or another insertion at the same point. */
export function overlaps(a: ProposedEdit, b: ProposedEdit): boolean {
  return overlapsRange(a, b.start, b.end)
}

function overlapsRange(a: ProposedEdit, start: number, end: number): boolean {
  if (a.start === a.end && start === end) return a.start === start
  if (a.start === a.end) return start < a.start && a.start < end
  if (start === end) return a.start < start && start < a.end
  return a.start < end && start < a.end
}
