/** The per-file view: a document's text with its changes, notes, and moving from change to change. */
import {editCount, where, type Page} from './data.js'
import {add, bytes, cleanedHref, el, fileHref, find, int, link, pct, q, withTestId} from './dom.js'
import type {FileList} from './list.js'
import {syncPanes, type PaneSync} from './sync.js'
import {changeEl, textPane} from './text.js'
import type {Tooltip} from './tooltip.js'

export interface DocView {
  open(i: number): void
  missing(path: string): void
  /** Dim the changes the stage and rule filters do not select. */
  markChanges(): void
  step(delta: number): void
  toggleSideBySide(): void
  /** The current change element (the one focused or last clicked), if any. */
  current(): HTMLElement | null
}

/** `tools(i)`: more controls for the head of document `i` (the review decisions). */
export function docView(page: Page, list: FileList, tip: Tooltip, tools: (i: number) => HTMLElement | null): DocView {
  const {docs, clusters} = page
  const view = q('#view')
  let sideBySide = false
  let changeEls: HTMLElement[] = []
  let navEls: HTMLElement[] = []
  let navPos = -1
  let currentEl: HTMLElement | null = null
  let panes: PaneSync | null = null

  const updatePos = (): void => {
    const pos = find('[data-testid=change-pos]', view)
    if (pos) pos.textContent = navEls.length ? (navPos < 0 ? '-' : navPos + 1) + ' / ' + navEls.length : ''
  }
  /** Make a change the current one: roving tabindex, highlight, position indicator. */
  const setCurrent = (change: HTMLElement): void => {
    if (currentEl && currentEl !== change) {
      currentEl.tabIndex = -1
      currentEl.classList.remove('cur')
    }
    for (const other of changeEls) if (other !== change && other.tabIndex === 0) other.tabIndex = -1
    currentEl = change
    change.tabIndex = 0
    change.classList.add('cur')
    const at = navEls.indexOf(change)
    if (at >= 0) navPos = at
    updatePos()
  }
  const focusChange = (change: HTMLElement): void => {
    setCurrent(change)
    change.focus({preventScroll: true})
    change.scrollIntoView({block: 'center'})
    panes?.alignPartner(change)
    tip.show(change, list.selected)
  }
  const clusterNote = (ci: number, asKept: boolean): HTMLElement => {
    const c = clusters[ci]!
    const note = el('div', 'note dup')
    if (asKept) {
      add(note, 'Kept copy of ' + c.kind + ' cluster ' + c.id + ' (' + c.why + '). Members: ')
      c.m.slice(0, 20).forEach((member, j) => add(note, j ? ', ' : null, link(member[0], fileHref(member[0]))))
      if (c.m.length > 20) add(note, ' and ' + (c.m.length - 20) + ' more')
    } else {
      const me = c.m.find((member) => member[0] === docs[list.selected]?.p)
      add(
        note,
        'Duplicate (' + c.kind + ' cluster ' + c.id + ') of ',
        link(c.kept, fileHref(c.kept)),
        me ? ' - similarity ' + pct(me[1]) + ', containment ' + pct(me[2]) : ''
      )
    }
    return note
  }

  const self: DocView = {
    current: () => currentEl,
    missing(path) {
      list.selected = -1
      list.render(true)
      view.replaceChildren(add(el('div', 'view-empty'), 'No document ', el('code', null, path), ' in this report.'))
    },
    open(i) {
      const changedDoc = list.selected !== i
      list.selected = i
      const d = docs[i]!
      tip.hide()
      const head = el('div', 'view-head')
      const title = withTestId(el('div', 'view-title', d.p), 'view-path')
      const count = withTestId(el('strong', null, String(editCount(d))), 'change-count')
      const match = withTestId(el('span'), 'change-match-count')
      const meta = add(el('div', 'view-meta'), add(el('span'), count, editCount(d) === 1 ? ' change' : ' changes'), match)
      if (!d.f)
        add(
          meta,
          add(el('span'), el('strong', null, bytes(d.bi)), ' \u2192 ', el('strong', null, bytes(d.bo))),
          add(el('span'), el('strong', null, pct(d.rm)), ' removed'),
          add(el('span'), el('strong', null, int(d.ms)), ' ms')
        )
      const legend = el('span')
      for (const si of d.ss) {
        const chip = el('span', 'chip si' + si, page.stages[si])
        chip.style.marginRight = '4px'
        legend.appendChild(chip)
      }
      meta.appendChild(legend)
      if (!d.f) meta.appendChild(link('cleaned file', cleanedHref(d.p)))

      const prev = withTestId(el('button', null, '\u2191 prev'), 'prev-change')
      const next = withTestId(el('button', null, 'next \u2193'), 'next-change')
      prev.title = 'Previous change (k or p)'
      next.title = 'Next change (j or n)'
      prev.addEventListener('click', () => self.step(-1))
      next.addEventListener('click', () => self.step(1))
      const pos = withTestId(el('span', 'num', ''), 'change-pos')
      const toggle = withTestId(el('button', null, 'side by side'), 'toggle-sbs')
      toggle.setAttribute('aria-pressed', String(sideBySide))
      toggle.title = 'Original | cleaned (s)'
      toggle.disabled = d.t === null
      toggle.addEventListener('click', self.toggleSideBySide)
      const kbd = (key: string) => el('kbd', null, key)
      const keys = add(
        el('span', 'keys'),
        kbd('j'),
        '/',
        kbd('k'),
        ' changes \u00b7 ',
        kbd(']'),
        '/',
        kbd('['),
        ' files \u00b7 ',
        kbd('s'),
        ' side by side \u00b7 ',
        kbd('/'),
        ' search'
      )
      const toolRow = add(el('div', 'view-tools'), prev, next, pos, toggle, keys)

      const notes = el('div', 'notes')
      if (d.f) notes.appendChild(el('div', 'note error', 'Failed: ' + d.f))
      if (d.n != null)
        notes.appendChild(
          el(
            'div',
            'note',
            'Changes not shown: ' +
              d.tn +
              '. They are in report.json and diffs/' +
              d.p +
              '.diff (rinse diffs OUT writes it after a run with --no-diffs).'
          )
        )
      else if (d.tn) notes.appendChild(el('div', 'note', 'Text not shown: ' + d.tn + '. Changes are listed with their original text.'))
      for (const warning of d.w ?? []) notes.appendChild(el('div', 'note', 'Warning: ' + warning))
      for (const c of d.c ?? [])
        notes.appendChild(
          el(
            'div',
            'note',
            'Conflict in ' + c[0] + ': kept ' + c[1] + ', dropped ' + c[2] + ' at ' + c[5] + '..' + c[6] + ' (' + c[3] + ') - ' + c[4]
          )
        )
      for (const ci of d.dm ?? []) notes.appendChild(clusterNote(ci, false))
      for (const ci of d.dk ?? []) notes.appendChild(clusterNote(ci, true))
      add(head, title, meta, toolRow, tools(i), notes.firstChild ? notes : null)

      const body = withTestId(el('div', 'view-body'), 'view-body')
      panes = null
      if (d.t === null) {
        const changes = el('div', 'changes-list')
        d.e.forEach((edit, k) => changes.appendChild(add(el('div'), el('span', 'where', where(edit)), changeEl(page, d, k, 'both'))))
        if (!editCount(d)) changes.appendChild(el('div', 'muted', d.f ? 'No output.' : 'No changes.'))
        body.appendChild(changes)
      } else if (sideBySide) {
        const left = labelled('original', textPane(page, d, 'before'), 'pane-original')
        const right = labelled('cleaned', textPane(page, d, 'after'), 'pane-cleaned')
        body.appendChild(add(el('div', 'sbs'), left, right))
        panes = syncPanes(left, right)
      } else {
        body.appendChild(textPane(page, d, 'both'))
      }
      view.replaceChildren(head, body)
      changeEls = Array.from(body.querySelectorAll<HTMLElement>('[data-testid=change]'))
      navPos = -1
      currentEl = null
      self.markChanges()
      if (changedDoc) {
        list.render(true)
        list.reveal()
      }
    },
    markChanges() {
      const d = docs[list.selected]
      if (!d) return
      const f = list.current()
      const active = f.rule !== null || f.stage !== null
      navEls = []
      for (const change of changeEls) {
        const edit = d.e[Number(change.getAttribute('data-i'))]!
        const ids = [edit[0], ...(edit[7] ?? []).map((folded) => folded[0])]
        const ok = !active || ids.some((ri) => (f.rule === null || ri === f.rule) && (f.stage === null || page.rules[ri]![0] === f.stage))
        change.classList.toggle('dim', !ok)
        if (ok) navEls.push(change)
      }
      navPos = currentEl ? navEls.indexOf(currentEl) : -1
      if (navEls.length && !currentEl) navEls[0]!.tabIndex = 0
      const matchCount = find('[data-testid=change-match-count]', view)
      if (matchCount) matchCount.textContent = active ? '(' + navEls.length + ' match the filter)' : ''
      updatePos()
    },
    step(delta) {
      if (!navEls.length) return
      let cur = navPos
      const active = document.activeElement as HTMLElement | null
      if (active?.classList.contains('chg') && navEls.indexOf(active) >= 0) cur = navEls.indexOf(active)
      const nextPos = cur < 0 ? (delta > 0 ? 0 : navEls.length - 1) : (cur + delta + navEls.length) % navEls.length
      focusChange(navEls[nextPos]!)
    },
    /** Switch inline / side by side, staying on the current change. */
    toggleSideBySide() {
      const keep = currentEl?.getAttribute('data-i') ?? null
      sideBySide = !sideBySide
      self.open(list.selected)
      const change = keep === null ? null : find('[data-testid=change][data-i="' + keep + '"]', view)
      if (change) focusChange(change)
      else find('[data-testid=toggle-sbs]', view)?.focus()
    }
  }

  const focusedChange = (): HTMLElement | null => {
    const active = document.activeElement as HTMLElement | null
    return active?.classList.contains('chg') && view.contains(active) ? active : null
  }
  const changeAt = (event: Event, selector: string): HTMLElement | null => (event.target as Element).closest<HTMLElement>(selector)
  view.addEventListener('click', (event) => {
    const change = changeAt(event, '[data-testid=change]')
    if (!change) return
    setCurrent(change)
    change.focus({preventScroll: true})
    panes?.alignPartner(change)
  })
  view.addEventListener('mouseover', (event) => {
    const change = changeAt(event, '.chg')
    if (change && change !== tip.target) tip.show(change, list.selected)
  })
  view.addEventListener('mouseout', (event) => {
    const change = changeAt(event, '.chg')
    if (!change || (event.relatedTarget && change.contains(event.relatedTarget as Node))) return
    const focused = focusedChange()
    if (focused) tip.show(focused, list.selected)
    else tip.hide()
  })
  view.addEventListener('focusin', (event) => {
    const change = event.target as HTMLElement
    if (!change.classList.contains('chg')) return
    if (change.getAttribute('data-testid') === 'change') setCurrent(change)
    tip.show(change, list.selected)
  })
  view.addEventListener('focusout', () => setTimeout(() => (focusedChange() ? undefined : tip.hide()), 0))
  view.addEventListener('scroll', () => (tip.target ? tip.place(tip.target) : undefined), true)
  return self
}

function labelled(text: string, child: HTMLElement, testid: string): HTMLElement {
  return add(withTestId(el('div'), testid), el('div', 'pane-label', text), child)
}
