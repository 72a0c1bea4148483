/** The Files tab's filters and its virtual list: only the rows in view are in the DOM. */
import {editCount, type Page, type PageDoc} from './data.js'
import {add, el, fileHref, int, pct, q, withTestId} from './dom.js'

const ROW = 30

export interface Filter {
  text: string
  stage: number | null
  rule: number | null
  /** A site's index, -1 for documents without one. */
  site: number | null
  status: string
  dup: string
  minRemoved: number
}

export interface FileList {
  /** Document indices that pass the filters, in the chosen order. */
  filtered: number[]
  /** The open document's index, or -1. */
  selected: number
  current(): Filter
  apply(): void
  render(force?: boolean): void
  reveal(): void
  step(delta: number): void
  setRule(rule: number): void
  focusSearch(): void
}

/** `isShown()`: whether the Files tab is showing (rows are only laid out then); `onFilter`: the filters changed. */
export function fileList(page: Page, isShown: () => boolean, onFilter: () => void): FileList {
  const {docs} = page
  const ctl = {
    search: q<HTMLInputElement>('[data-testid=filter-search]'),
    stage: q<HTMLSelectElement>('[data-testid=filter-stage]'),
    rule: q<HTMLSelectElement>('[data-testid=filter-rule]'),
    site: q<HTMLSelectElement>('[data-testid=filter-site]'),
    status: q<HTMLSelectElement>('[data-testid=filter-status]'),
    dup: q<HTMLSelectElement>('[data-testid=filter-dup]'),
    removed: q<HTMLInputElement>('[data-testid=filter-removed]'),
    removedNum: q<HTMLInputElement>('[data-testid=filter-removed-number]'),
    sort: q<HTMLSelectElement>('[data-testid=sort]')
  }
  const list = q('#list')
  const inner = q('#list-inner')
  let lastRange = ''
  let frame = 0

  const numOrNull = (value: string): number | null => (value === '' ? null : Number(value))
  const current = (): Filter => ({
    text: ctl.search.value.trim().toLowerCase(),
    stage: numOrNull(ctl.stage.value),
    rule: numOrNull(ctl.rule.value),
    site: numOrNull(ctl.site.value),
    status: ctl.status.value,
    dup: ctl.dup.value,
    minRemoved: Number(ctl.removed.value) || 0
  })
  const doc = (i: number): PageDoc => docs[i]!
  const sorters: Record<string, (a: number, b: number) => number> = {
    path: (a, b) => (doc(a).p < doc(b).p ? -1 : doc(a).p > doc(b).p ? 1 : 0),
    edits: (a, b) => editCount(doc(b)) - editCount(doc(a)) || a - b,
    removed: (a, b) => doc(b).rm - doc(a).rm || a - b,
    ms: (a, b) => doc(b).ms - doc(a).ms || a - b,
    size: (a, b) => doc(b).bi - doc(a).bi || a - b
  }

  const self: FileList = {
    filtered: [],
    selected: -1,
    current,
    apply() {
      const filter = current()
      self.filtered = []
      for (let i = 0; i < docs.length; i++) if (matches(page, i, filter)) self.filtered.push(i)
      const sorter = sorters[ctl.sort.value]
      if (sorter) self.filtered.sort(sorter)
      q('[data-testid=file-count]').textContent = int(self.filtered.length) + ' of ' + int(docs.length) + ' files'
      inner.style.height = self.filtered.length * ROW + 'px'
      self.render(true)
      onFilter()
    },
    render(force = false) {
      if (!isShown()) return
      if (force) lastRange = ''
      const height = list.clientHeight || 600
      const first = Math.max(0, Math.floor(list.scrollTop / ROW) - 8)
      const last = Math.min(self.filtered.length, Math.ceil((list.scrollTop + height) / ROW) + 8)
      const key = first + ':' + last + ':' + self.selected
      if (key === lastRange) return
      lastRange = key
      const rows = document.createDocumentFragment()
      for (let pos = first; pos < last; pos++) rows.appendChild(row(pos))
      inner.replaceChildren(rows)
    },
    reveal() {
      const pos = self.filtered.indexOf(self.selected)
      if (pos < 0) return
      const y = pos * ROW
      if (y < list.scrollTop) list.scrollTop = y
      else if (y + ROW > list.scrollTop + list.clientHeight) list.scrollTop = y + ROW - list.clientHeight
    },
    step(delta) {
      if (!self.filtered.length) return
      let pos = self.filtered.indexOf(self.selected)
      pos = pos < 0 ? (delta > 0 ? 0 : self.filtered.length - 1) : Math.max(0, Math.min(self.filtered.length - 1, pos + delta))
      location.hash = fileHref(doc(self.filtered[pos]!).p)
    },
    setRule(rule) {
      ctl.rule.value = String(rule)
      ctl.stage.value = ''
    },
    focusSearch() {
      ctl.search.focus()
    }
  }

  function badge(cls: string, text: string, title?: string): HTMLElement {
    const node = el('span', 'badge ' + cls, text)
    if (title) node.title = title
    return node
  }
  function row(pos: number): HTMLElement {
    const i = self.filtered[pos]!
    const d = doc(i)
    const a = withTestId(el('a', 'row' + (editCount(d) ? '' : ' unchanged')), 'file-row')
    a.href = fileHref(d.p)
    a.style.top = pos * ROW + 'px'
    a.setAttribute('data-path', d.p)
    if (i === self.selected) a.setAttribute('aria-current', 'true')
    const path = el('span', 'p', d.p)
    path.title = d.p
    if (d.f) path.appendChild(badge('failed', 'failed'))
    if (d.dm) path.appendChild(badge('dup', 'dup', 'member of a duplicate cluster'))
    if (d.dk) path.appendChild(badge('kept', 'kept', 'kept copy of a duplicate cluster'))
    if (d.w || d.c)
      path.appendChild(badge('warn', '!', (d.w ? d.w.length + ' warning(s) ' : '') + (d.c ? d.c.length + ' conflict(s)' : '')))
    return add(a, path, el('span', 'num', d.f ? '-' : int(editCount(d))), el('span', 'num', d.f ? '-' : pct(d.rm)))
  }

  let timer = 0
  ctl.search.addEventListener('input', () => {
    clearTimeout(timer)
    timer = window.setTimeout(self.apply, 60)
  })
  for (const control of [ctl.stage, ctl.rule, ctl.site, ctl.status, ctl.dup, ctl.sort]) control.addEventListener('change', self.apply)
  ctl.removed.addEventListener('input', () => {
    ctl.removedNum.value = ctl.removed.value
    self.apply()
  })
  ctl.removedNum.addEventListener('input', () => {
    ctl.removed.value = String(Math.max(0, Math.min(100, Number(ctl.removedNum.value) || 0)))
    self.apply()
  })
  list.addEventListener('scroll', () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0
        self.render()
      })
  })
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    self.step(event.key === 'ArrowDown' ? 1 : -1)
    setTimeout(() => q('.row[aria-current=true]', inner)?.focus(), 0)
  })
  return self
}

function matches(page: Page, i: number, f: Filter): boolean {
  const d = page.docs[i]!
  if (f.text && page.lowerPaths[i]!.indexOf(f.text) === -1) return false
  if (f.stage !== null && d.ss.indexOf(f.stage) === -1) return false
  if (f.rule !== null && d.rs.indexOf(f.rule) === -1) return false
  if (f.site !== null && (d.s ?? -1) !== f.site) return false
  const edits = editCount(d)
  switch (f.status) {
    case 'changed':
      if (!(edits > 0)) return false
      break
    case 'unchanged':
      if (edits > 0 || d.f) return false
      break
    case 'failed':
      if (!d.f) return false
      break
    case 'issues':
      if (!(d.w || d.c || d.f || d.tn === 'original text does not match the edits')) return false
      break
  }
  switch (f.dup) {
    case 'member':
      if (!d.dm) return false
      break
    case 'kept':
      if (!d.dk) return false
      break
    case 'any':
      if (!d.dm && !d.dk) return false
      break
    case 'none':
      if (d.dm || d.dk) return false
      break
  }
  return !(f.minRemoved > 0 && !(d.rm * 100 >= f.minRemoved))
}
