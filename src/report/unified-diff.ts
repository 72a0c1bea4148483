/** Unified diffs that `git apply` and `patch -p1` apply to the input file to give the cleaned file. */
import {createTwoFilesPatch} from 'diff'
import {pushAll} from '../engine/arrays.js'

/** Where an edit replaced original text, in original offsets, and with what. */
export interface DiffEdit {
  start: {offset: number}
  end: {offset: number}
  after: string
}

const CONTEXT = 3

/**
 * The diff of a cleaned file. With the edits that turned `original` into
 * `cleaned` (sorted, not overlapping: a document's reported edits), the changed
 * lines are known without searching for them, in one scan; without them, or if
 * they do not give `cleaned`, the lines are compared (jsdiff).
 */
export function unifiedDiff(relativePath: string, original: string, cleaned: string, edits?: readonly DiffEdit[]): string {
  if (!edits) return searchedDiff(relativePath, original, cleaned)
  const lines = linesOf(original)
  const changes = changedLines(original, lines, cleaned, edits)
  return changes ? formatDiff(relativePath, original, lines, changes) : searchedDiff(relativePath, original, cleaned)
}

function searchedDiff(relativePath: string, original: string, cleaned: string): string {
  const patch = createTwoFilesPatch(`a/${relativePath}`, `b/${relativePath}`, original, cleaned, undefined, undefined, {context: CONTEXT})
  // jsdiff starts with a `===` rule (and an `Index:` banner in some versions); patch tools do not need them.
  return patch.replace(/^(?:Index: [^\n]*\n)?=+\n/, '')
}

/** A run of original lines replaced by new ones (either may be empty). */
interface Change {
  /** Original lines [from, to), 0-based. */
  from: number
  to: number
  lines: string[]
  /** Whether the last new line ends the file without a newline. */
  lastWithoutNewline: boolean
}

interface Lines {
  /** Offset where each line starts; one more entry: the end of the text. */
  starts: number[]
  /** Whether the text ends without a newline (its last line has none). */
  openEnd: boolean
}

function linesOf(text: string): Lines {
  const starts = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  const openEnd = text.length > 0 && !text.endsWith('\n')
  // `starts` then holds the start of every line and, last, the end of the text.
  if (openEnd) starts.push(text.length)
  return {starts, openEnd}
}

/**
 * The line holding an offset: the end of a text belongs to its last line when
 * that has no newline, and is the line count when the text ends in one.
 */
function lineAt(lines: Lines, offset: number): number {
  let lo = 0
  let hi = lines.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (lines.starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lines.openEnd && lo === lines.starts.length - 1 ? lo - 1 : lo
}

/**
 * Group the edits into changes of whole lines: a group spans the lines its edits
 * touch, grows until its new text ends at a line end (an edit that joins two lines
 * takes the second in), and takes in every edit that falls inside. Undefined when
 * the edits do not turn `original` into `cleaned`.
 */
function changedLines(original: string, lines: Lines, cleaned: string, edits: readonly DiffEdit[]): Change[] | undefined {
  const count = lines.starts.length - 1
  const lineStart = (line: number): number => lines.starts[Math.min(line, count)]!
  const changes: Change[] = []
  let rebuilt = ''
  let copied = 0
  let i = 0
  while (i < edits.length) {
    const first = edits[i]!
    if (first.start.offset < copied || first.end.offset < first.start.offset) return undefined
    const from = lineAt(lines, first.start.offset)
    // An insertion at the very end of a text ending in a newline touches no line.
    let to = Math.min(count, Math.max(from, lineAt(lines, Math.max(first.start.offset, first.end.offset - 1)) + 1))
    let text = original.slice(lineStart(from), first.start.offset) + first.after
    let at = first.end.offset
    i++
    for (;;) {
      // Take in every edit that starts before the group's last line ends.
      while (i < edits.length && edits[i]!.start.offset < lineStart(to)) {
        const edit = edits[i]!
        if (edit.start.offset < at || edit.end.offset < edit.start.offset) return undefined
        text += original.slice(at, edit.start.offset) + edit.after
        at = edit.end.offset
        to = Math.min(count, Math.max(to, lineAt(lines, Math.max(edit.start.offset, edit.end.offset - 1)) + 1))
        i++
      }
      const end = lineStart(to)
      if (at > end) return undefined
      const tail = original.slice(at, end)
      // A group whose text stops mid-line (two lines joined) takes in the next line.
      if (to < count && !(text + tail).endsWith('\n') && (text + tail).length > 0) {
        to++
        continue
      }
      text += tail
      at = end
      break
    }
    rebuilt += original.slice(copied, lineStart(from)) + text
    copied = at
    const newLines = text === '' ? [] : text.split('\n')
    const lastWithoutNewline = text !== '' && !text.endsWith('\n')
    if (!lastWithoutNewline && newLines.length > 0) newLines.pop()
    const change = trimmed(original, lines, {from, to, lines: newLines, lastWithoutNewline})
    if (change.from < change.to || change.lines.length > 0) changes.push(change)
  }
  rebuilt += original.slice(copied)
  return rebuilt === cleaned ? changes : undefined
}

/**
 * A change without the lines it leaves as they were at either end (a removed
 * block takes the newline before it, so the line above is in its group): those
 * show as context, as a searched diff shows them.
 */
function trimmed(original: string, lines: Lines, change: Change): Change {
  let {from, to} = change
  const now = change.lines
  const count = lines.starts.length - 1
  const oldLine = (line: number): string => original.slice(lines.starts[line]!, lines.starts[line + 1]!).replace(/\n$/, '')
  const oldOpen = (line: number): boolean => lines.openEnd && line === count - 1
  let first = 0
  let last = now.length
  const newOpen = (index: number): boolean => change.lastWithoutNewline && index === now.length - 1
  while (from < to && first < last && oldLine(from) === now[first] && oldOpen(from) === newOpen(first)) {
    from++
    first++
  }
  while (to > from && last > first && oldLine(to - 1) === now[last - 1] && oldOpen(to - 1) === newOpen(last - 1)) {
    to--
    last--
  }
  return {from, to, lines: now.slice(first, last), lastWithoutNewline: change.lastWithoutNewline && last === now.length}
}

/** Hunks with three lines of context, joined when their contexts meet. */
function formatDiff(relativePath: string, original: string, lines: Lines, changes: readonly Change[]): string {
  const count = lines.starts.length - 1
  const lineText = (line: number): string => {
    const text = original.slice(lines.starts[line]!, lines.starts[line + 1]!)
    return text.endsWith('\n') ? text.slice(0, -1) : text
  }
  const noNewline = (line: number): boolean => lines.openEnd && line === count - 1
  const out = [`--- a/${relativePath}\n+++ b/${relativePath}\n`]
  // New-file line numbers run behind or ahead of the old ones by what earlier changes did.
  let shift = 0
  for (let k = 0; k < changes.length;) {
    let last = k
    while (last + 1 < changes.length && changes[last + 1]!.from - changes[last]!.to <= 2 * CONTEXT) last++
    const start = Math.max(0, changes[k]!.from - CONTEXT)
    const end = Math.min(count, changes[last]!.to + CONTEXT)
    const body: string[] = []
    let oldCount = 0
    let newCount = 0
    const context = (line: number): void => {
      body.push(` ${lineText(line)}\n`)
      if (noNewline(line)) body.push('\\ No newline at end of file\n')
      oldCount++
      newCount++
    }
    const hunkShift = shift
    let line = start
    for (let j = k; j <= last; j++) {
      const change = changes[j]!
      for (; line < change.from; line++) context(line)
      for (; line < change.to; line++) {
        body.push(`-${lineText(line)}\n`)
        if (noNewline(line)) body.push('\\ No newline at end of file\n')
        oldCount++
      }
      change.lines.forEach((text, n) => {
        body.push(`+${text}\n`)
        if (change.lastWithoutNewline && n === change.lines.length - 1) body.push('\\ No newline at end of file\n')
      })
      newCount += change.lines.length
      shift += change.lines.length - (change.to - change.from)
    }
    for (; line < end; line++) context(line)
    // A side with no lines is numbered by the line before it.
    const oldStart = oldCount === 0 ? start : start + 1
    const newStart = newCount === 0 ? start + hunkShift : start + hunkShift + 1
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`)
    pushAll(out, body)
    k = last + 1
  }
  return out.join('')
}
