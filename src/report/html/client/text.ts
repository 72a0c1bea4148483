/** A document's text with its changes marked: del/ins inside a span per edit, invisible characters labelled. */
import {beforeOf, type Page, type PageDoc} from './data.js'
import {el} from './dom.js'

export type Part = 'before' | 'after' | 'both'

const INVISIBLE: Record<string, string> = {
  '\r': 'CR',
  '\u00a0': 'NBSP',
  '\u00ad': 'SHY',
  '\u200b': 'ZWSP',
  '\u200c': 'ZWNJ',
  '\u200d': 'ZWJ',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u2028': 'LS',
  '\u2029': 'PS',
  '\u2060': 'WJ',
  '\ufeff': 'BOM',
  '\t': 'TAB'
}
const INVISIBLE_RE = /[\r\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** A del/ins element holding `text`; invisible characters stay in the text and get a CSS label. */
function marked(tag: 'del' | 'ins', text: string): HTMLElement {
  const node = el(tag)
  const spacesOnly = /^\s+$/.test(text)
  let run = ''
  for (const ch of text) {
    let label: string | null = null
    if (ch === '\n' && spacesOnly) label = ''
    else if (ch === '\t' && spacesOnly) label = 'TAB'
    else if (ch !== '\t' && INVISIBLE_RE.test(ch))
      label = INVISIBLE[ch] ?? 'U+' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    if (label === null) {
      run += ch
      continue
    }
    if (run) {
      node.appendChild(document.createTextNode(run))
      run = ''
    }
    const mark = el('span', label === '' ? 'nl' : 'cp', ch)
    if (label) mark.setAttribute('data-cp', label)
    node.appendChild(mark)
  }
  if (run) node.appendChild(document.createTextNode(run))
  return node
}

export function changeEl(page: Page, d: PageDoc, k: number, part: Part): HTMLElement {
  const edit = d.e[k]!
  const rule = page.rules[edit[0]]!
  const change = el('span', 'chg si' + rule[0])
  change.setAttribute('data-testid', part === 'after' ? 'change-after' : 'change')
  change.setAttribute('data-rule', rule[1])
  change.setAttribute('data-stage', page.stages[rule[0]]!)
  change.setAttribute('data-i', String(k))
  change.setAttribute('aria-label', (part === 'after' ? 'inserted by ' : 'change by ') + rule[1])
  change.tabIndex = -1
  const before = beforeOf(d, edit)
  if (part !== 'after' && before) change.appendChild(marked('del', before))
  if (part !== 'before' && edit[4]) change.appendChild(marked('ins', edit[4]))
  if (!change.firstChild) change.classList.add('empty')
  return change
}

/*
 * The text as a column of blocks of about BLOCK characters, each ending at a
 * newline of unchanged text. Blocks are laid out independently (and skipped
 * off screen via content-visibility), so a long document opens quickly and
 * highlighting one change does not relayout the whole text. The blocks'
 * text, concatenated, is exactly the pane's text.
 */
const BLOCK = 3000

function countLines(text: string): number {
  let n = 0
  let at = -1
  while ((at = text.indexOf('\n', at + 1)) !== -1) n++
  return n
}

export function textPane(page: Page, d: PageDoc, part: Part): HTMLElement {
  const box = el('div', 'text')
  let block: HTMLElement | null = null
  let size = 0
  let lines = 0
  const put = (node: Node, length: number, newlines: number): void => {
    if (!block) {
      block = el('div', 'blk')
      size = 0
      lines = 0
    }
    block.appendChild(node)
    size += length
    lines += newlines
  }
  const flush = (): void => {
    if (!block) return
    block.style.containIntrinsicSize = 'auto ' + Math.ceil((lines + size / 120) * 21) + 'px'
    box.appendChild(block)
    block = null
  }
  const plain = (text: string): void => {
    let start = 0
    while (start < text.length) {
      const want = Math.max(0, BLOCK - size)
      const cut = text.length - start > want ? text.indexOf('\n', start + want) : -1
      if (cut === -1) {
        const rest = text.slice(start)
        put(document.createTextNode(rest), rest.length, countLines(rest))
        return
      }
      const piece = text.slice(start, cut + 1)
      put(document.createTextNode(piece), piece.length, countLines(piece))
      flush()
      start = cut + 1
    }
  }
  const text = d.t ?? ''
  let pos = 0
  d.e.forEach((edit, k) => {
    if (edit[2] > pos) plain(text.slice(pos, edit[2]))
    put(changeEl(page, d, k, part), edit[3] - edit[2] + edit[4].length, 0)
    pos = edit[3]
  })
  if (pos < text.length) plain(text.slice(pos))
  flush()
  return box
}
