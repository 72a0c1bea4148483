/**
 * Review decisions: in a document's view, mark the current change wrong (keep
 * its text) or right, switch its rule off on the document's site, or always
 * remove a line there; the Decisions tab counts them, undoes them, and exports
 * them as a review overlay (a download, offline).
 */
import {beforeOf, type Page} from './data.js'
import {add, el, q, withTestId} from './dom.js'
import {reviewStore, scopeLabel, scopeOf, type Decision} from './review-store.js'
import {overlayYaml} from './review-yaml.js'

export interface Decisions {
  /** The decision controls for the head of document `i`. */
  tools(i: number): HTMLElement | null
  /** Redraw the Decisions tab and its count. */
  render(): void
}

interface Hooks {
  /** The current change element of the open document. */
  current(): HTMLElement | null
  selected(): number
  /** Show the open document again (its decisions changed). */
  refresh(): void
}

const KINDS: Array<[Decision['kind'], string]> = [
  ['keep', 'keep'],
  ['confirm', 'confirm'],
  ['rulesOff', 'rule off'],
  ['remove', 'remove']
]

const today = (): string => new Date().toISOString().slice(0, 10)

export function reviewDecisions(page: Page, hooks: Hooks): Decisions {
  const store = reviewStore(page.run)
  const panel = q('#decisions')
  const count = q('[data-testid=decision-count]')

  const changed = (): void => {
    self.render()
    hooks.refresh()
  }
  const decide = (status: HTMLElement, make: (doc: string, edit: number, rule: string) => Decision | null): void => {
    const i = hooks.selected()
    const change = hooks.current()
    const d = page.docs[i]
    if (!d || !change) {
      status.textContent = 'Pick a change first (click it, or j / k).'
      return
    }
    const edit = Number(change.getAttribute('data-i'))
    const tuple = d.e[edit]!
    const rule = page.rules[tuple[0]]!
    const decision = make(d.p, edit, page.stages[rule[0]] + '/' + rule[1])
    if (decision) {
      store.add(decision)
      changed()
    }
  }

  const self: Decisions = {
    tools(i) {
      const d = page.docs[i]!
      const scope = scopeOf(d.s === undefined ? undefined : page.sites[d.s], d.p)
      const status = withTestId(el('span', 'muted'), 'decide-status')
      const button = (text: string, testid: string, title: string, onClick: () => void): HTMLElement => {
        const b = withTestId(el('button', null, text), testid)
        b.title = title
        b.addEventListener('click', onClick)
        return b
      }
      const keep = button('wrong: keep this text', 'decide-keep', 'The next run keeps the lines of the current change', () =>
        decide(status, (doc, edit, rule) => {
          const lines = beforeOf(d, d.e[edit]!)
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
          if (!lines.length) {
            status.textContent = 'This change removed no line to keep.'
            return null
          }
          return {kind: 'keep', scope, doc, edit, rule, lines, at: today()}
        })
      )
      const confirm = button('right', 'decide-confirm', 'Confirm the current change', () =>
        decide(status, (doc, edit, rule) => ({kind: 'confirm', doc, edit, rule, at: today()}))
      )
      const off = button(
        'rule wrong on ' + scopeLabel(scope),
        'decide-rule-off',
        'Switch the current change\u2019s rule off on ' + scopeLabel(scope),
        () => decide(status, (doc, _edit, rule) => ({kind: 'rulesOff', scope, doc, rule, at: today()}))
      )
      const line = withTestId(el('input'), 'decide-remove-input')
      line.placeholder = 'a line to remove on ' + scopeLabel(scope)
      line.setAttribute('aria-label', 'A line to always remove on ' + scopeLabel(scope))
      const selection = window.getSelection()?.toString().split('\n')[0]?.trim()
      if (selection) line.value = selection
      const remove = button('always remove', 'decide-remove', 'Always remove this line on ' + scopeLabel(scope), () => {
        const text = line.value.trim()
        if (!text) {
          status.textContent = 'Type (or select) the line to remove.'
          return
        }
        store.add({kind: 'remove', scope, doc: d.p, line: text, at: today()})
        changed()
      })
      const here = store.decisions.filter((decision) => decision.doc === d.p).length
      const summary = withTestId(el('span', 'muted', here ? here + ' decision' + (here === 1 ? '' : 's') + ' here' : ''), 'decide-here')
      return add(withTestId(el('div', 'view-tools decide'), 'decide'), 'Review: ', keep, confirm, off, line, remove, summary, status)
    },
    render() {
      const {decisions} = store
      count.textContent = String(decisions.length)
      const counts = withTestId(el('p'), 'decision-counts')
      counts.textContent = KINDS.map(([kind, label]) => decisions.filter((decision) => decision.kind === kind).length + ' ' + label).join(
        ' \u00b7 '
      )
      const reviewer = withTestId(el('input'), 'reviewer')
      reviewer.value = store.reviewer
      reviewer.placeholder = 'your name'
      reviewer.setAttribute('aria-label', 'Reviewer')
      const yaml = withTestId(el('pre', 'yaml'), 'decisions-yaml')
      const header =
        'rinse review overlay, exported from report.html of run ' + page.run + '\napply it: rinse run IN --out OUT --overlay review.yaml'
      const refreshYaml = (): void => {
        yaml.textContent = overlayYaml(store.decisions, store.reviewer, header)
      }
      reviewer.addEventListener('input', () => {
        store.setReviewer(reviewer.value)
        refreshYaml()
      })
      refreshYaml()
      const exportButton = withTestId(el('button', null, 'export review.yaml'), 'decisions-export')
      exportButton.disabled = decisions.length === 0
      exportButton.addEventListener('click', () => {
        const a = el('a')
        a.href = URL.createObjectURL(new Blob([yaml.textContent ?? ''], {type: 'application/yaml'}))
        a.download = 'review.yaml'
        document.body.appendChild(a)
        a.click()
        a.remove()
        setTimeout(() => URL.revokeObjectURL(a.href), 1000)
      })
      const table = el('table')
      add(table, add(el('thead'), add(el('tr'), el('th', null, 'Decision'), el('th', null, 'Scope'), el('th', null, 'On'), el('th'))))
      const body = el('tbody')
      decisions.forEach((decision, index) => {
        const undo = withTestId(el('button', null, 'undo'), 'decision-undo')
        undo.addEventListener('click', () => {
          store.undo(index)
          changed()
        })
        const row = withTestId(el('tr'), 'decision-row')
        add(
          row,
          el('td', null, describe(decision)),
          el('td', 'path', 'scope' in decision ? scopeLabel(decision.scope) : ''),
          el('td', 'path', decision.doc),
          add(el('td'), undo)
        )
        body.appendChild(row)
      })
      table.appendChild(body)
      panel.replaceChildren(
        add(
          el('div', 'card'),
          el('h2', null, 'Review decisions'),
          counts,
          add(el('p'), 'Reviewer: ', reviewer, ' ', exportButton),
          decisions.length ? table : el('p', 'muted', 'No decisions yet: open a file and use the Review buttons above its text.')
        ),
        add(el('div', 'card'), el('h2', null, 'review.yaml'), yaml)
      )
    }
  }
  return self
}

function describe(decision: Decision): string {
  switch (decision.kind) {
    case 'keep':
      return 'keep ' + decision.lines.map((line) => JSON.stringify(line)).join(', ') + ' (' + decision.rule + ' was wrong)'
    case 'confirm':
      return 'confirmed ' + decision.rule + ' (change ' + (decision.edit + 1) + ')'
    case 'rulesOff':
      return 'switch ' + decision.rule + ' off'
    case 'remove':
      return 'always remove ' + JSON.stringify(decision.line)
  }
}
