/** Side by side: the pane under the pointer drives the other, so the same change lines up in both. */
import {find} from './dom.js'

export interface PaneSync {
  /** Scroll the cleaned pane so that the partner of `change` (in the original pane) lines up with it. */
  alignPartner(change: HTMLElement): void
}

/*
 * Off-screen blocks have estimated heights until they are first shown, so
 * one alignment can be off by the difference; re-align for a few frames
 * until the partner stops moving.
 */
function settle(align: () => number, tries: number, calm = 0): void {
  calm = align() > 1 ? 0 : calm + 1
  if (calm < 3 && tries > 0) requestAnimationFrame(() => settle(align, tries - 1, calm))
}

/** Offset of an element from the top of a pane's content (blocks with containment are offset parents too). */
function topIn(node: HTMLElement | null, pane: HTMLElement): number {
  let y = 0
  while (node && node !== pane) {
    y += node.offsetTop
    node = node.offsetParent as HTMLElement | null
  }
  return y
}

function alignTo(a: HTMLElement, paneA: HTMLElement, b: HTMLElement, paneB: HTMLElement): () => number {
  return () => {
    const want = topIn(b, paneB) - (topIn(a, paneA) - paneA.scrollTop)
    const moved = Math.abs(paneB.scrollTop - want)
    paneB.scrollTop = want
    return moved
  }
}

const BEFORE = '[data-testid=change]'
const AFTER = '[data-testid=change-after]'

export function syncPanes(left: HTMLElement, right: HTMLElement): PaneSync {
  let driver = left
  let frame = 0
  const syncFrom = (pane: HTMLElement): void => {
    const other = pane === left ? right : left
    const mine = pane.querySelectorAll<HTMLElement>(pane === left ? BEFORE : AFTER)
    if (!mine.length) {
      other.scrollTop = (pane.scrollTop / Math.max(1, pane.scrollHeight)) * other.scrollHeight
      return
    }
    // The first change at or below the top edge, by binary search on its offset.
    let lo = 0
    let hi = mine.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (topIn(mine[mid]!, pane) < pane.scrollTop) lo = mid + 1
      else hi = mid
    }
    const a = mine[lo]!
    const b = find((pane === left ? AFTER : BEFORE) + '[data-i="' + a.getAttribute('data-i') + '"]', other)
    if (b) settle(alignTo(a, pane, b, other), 12)
  }
  for (const pane of [left, right]) {
    pane.addEventListener('pointerenter', () => (driver = pane))
    pane.addEventListener('focusin', () => (driver = pane))
    pane.addEventListener('scroll', () => {
      if (pane !== driver || frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        syncFrom(pane)
      })
    })
  }
  return {
    alignPartner(change) {
      const b = find(AFTER + '[data-i="' + change.getAttribute('data-i') + '"]', right)
      if (b) settle(alignTo(change, left, b, right), 12)
    }
  }
}
