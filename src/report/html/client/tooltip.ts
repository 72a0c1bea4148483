/** The tooltip of a change: stage, rule, place, reason, the text before and after, and what it folded in. */
import {beforeOf, where, type Page} from './data.js'
import {add, el, q, withTestId} from './dom.js'

export interface Tooltip {
  /** The change element it is showing for, if any. */
  target: HTMLElement | null
  show(change: HTMLElement, doc: number): void
  place(change: HTMLElement): void
  hide(): void
}

function preview(text: string): string {
  const out = text.length > 160 ? text.slice(0, 160) + '\u2026' : text
  return out
    .replace(/\n/g, '\u21b5')
    .replace(/\t/g, '\u2192')
    .replace(/\u00a0/g, '\u237d')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '\u2400')
}

export function tooltip(page: Page): Tooltip {
  const tip = q('#tip')
  const self: Tooltip = {
    target: null,
    show(change, i) {
      const d = page.docs[i]
      const edit = d?.e[Number(change.getAttribute('data-i'))]
      if (!d || !edit) return
      const rule = page.rules[edit[0]]!
      tip.replaceChildren()
      add(
        tip,
        add(
          el('div', 'tip-head'),
          el('span', 'chip si' + rule[0], page.stages[rule[0]]),
          el('span', 'tip-rule', rule[1]),
          el('span', null, where(edit))
        )
      )
      tip.appendChild(withTestId(el('div', 'tip-reason', page.reasons[edit[1]]), 'tooltip-reason'))
      const before = beforeOf(d, edit)
      tip.appendChild(
        el('div', 'tip-diff', '\u2212 ' + (before ? preview(before) : '(nothing)') + '\n+ ' + (edit[4] ? preview(edit[4]) : '(nothing)'))
      )
      for (const folded of edit[7] ?? []) {
        const inner = page.rules[folded[0]]!
        tip.appendChild(el('div', 'tip-folded', 'folded: ' + page.stages[inner[0]] + ' / ' + inner[1] + ' - ' + page.reasons[folded[1]]))
      }
      tip.hidden = false
      self.target = change
      change.setAttribute('aria-describedby', 'tip')
      self.place(change)
    },
    place(change) {
      const rects = change.getClientRects()
      const rect = rects.length ? rects[0]! : change.getBoundingClientRect()
      const width = tip.offsetWidth
      const height = tip.offsetHeight
      const x = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))
      let y = rect.bottom + 6
      if (y + height > window.innerHeight - 8) y = Math.max(8, rect.top - height - 6)
      tip.style.left = x + 'px'
      tip.style.top = y + 'px'
    },
    hide() {
      self.target?.removeAttribute('aria-describedby')
      self.target = null
      tip.hidden = true
    }
  }
  return self
}
