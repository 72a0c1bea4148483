/**
 * The report page's script, bundled at build time (scripts/bundle-client.mjs) into
 * one classic script inlined in the page, so the page works from file://. It reads
 * the data blob `#rinse-data` (gzip-compressed JSON, see data.ts) and builds every piece of document text with text
 * nodes; it never assigns document text to innerHTML.
 */
import {loadPage, type Page} from './data.js'
import {q} from './dom.js'
import {fileList} from './list.js'
import {tooltip} from './tooltip.js'
import {docView} from './view.js'
import {reviewDecisions} from './decisions.js'

const root = document.documentElement
root.classList.add('js')
/** Wires the page up once its data is read. */
function start(page: Page): void {
  // Header height for the Files layout.
  const top = q('.top')
  const measureTop = (): void => root.style.setProperty('--top-h', top.offsetHeight + 'px')
  measureTop()

  let tab = ''
  const tip = tooltip(page)
  const list = fileList(
    page,
    () => tab === 'files',
    () => {
      if (list.selected >= 0) view.markChanges()
    }
  )
  const decisions = reviewDecisions(page, {
    current: () => view.current(),
    selected: () => list.selected,
    refresh: () => (list.selected >= 0 ? view.open(list.selected) : undefined)
  })
  const view = docView(page, list, tip, decisions.tools)

  window.addEventListener('resize', () => {
    measureTop()
    list.render()
  })

  const panels = document.querySelectorAll<HTMLElement>('[data-panel]')
  const tabLinks = document.querySelectorAll<HTMLElement>('[data-tab]')
  function showTab(name: string): void {
    tab = name
    for (const panel of panels) panel.classList.toggle('active', panel.getAttribute('data-panel') === name)
    for (const a of tabLinks) {
      if (a.getAttribute('data-tab') === name) a.setAttribute('aria-current', 'page')
      else a.removeAttribute('aria-current')
    }
    if (name === 'files') list.render()
    if (name === 'decisions') decisions.render()
  }

  function route(): void {
    const hash = location.hash
    let m: RegExpExecArray | null
    if ((m = /^#\/file\/(.*)$/.exec(hash))) {
      let path: string
      try {
        path = decodeURIComponent(m[1]!)
      } catch {
        path = m[1]!
      }
      showTab('files')
      const i = page.byPath.get(path)
      if (i === undefined) view.missing(path)
      else view.open(i)
    } else if ((m = /^#\/rule\/(\d+)$/.exec(hash))) {
      list.setRule(Number(m[1]))
      showTab('files')
      list.apply()
    } else if ((m = /^#\/(overview|files|rules|dups|issues|decisions|compare)$/.exec(hash))) {
      showTab(m[1]!)
    } else {
      showTab('overview')
    }
  }
  window.addEventListener('hashchange', route)

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target as HTMLElement | null
    const typing =
      target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
    if (typing) {
      if (event.key === 'Escape') target.blur()
      return
    }
    const key = event.key
    const open = tab === 'files' && list.selected >= 0
    let handled = true
    if (open && (key === 'j' || key === 'n')) view.step(1)
    else if (open && (key === 'k' || key === 'p')) view.step(-1)
    else if (tab === 'files' && key === ']') list.step(1)
    else if (tab === 'files' && key === '[') list.step(-1)
    else if (open && key === 's' && page.docs[list.selected]!.t !== null) view.toggleSideBySide()
    else if (key === '/') {
      if (tab !== 'files') location.hash = '#/files'
      list.focusSearch()
    } else {
      handled = false
      if (key === 'Escape') tip.hide()
    }
    if (handled) event.preventDefault()
  })

  list.apply()
  route()
  decisions.render()
  root.setAttribute('data-ready', 'true')
}

void loadPage().then(start)
