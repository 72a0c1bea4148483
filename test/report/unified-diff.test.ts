/** Unified diffs built from a document's edits must apply to the input and give the cleaned text. */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {applyPatch} from 'diff'
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/library/pipeline.js'
import {unifiedDiff, type DiffEdit} from '../../src/report/unified-diff.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')

/** Apply edits given in original offsets (sorted, not overlapping). */
function applyEdits(text: string, edits: readonly DiffEdit[]): string {
  let out = ''
  let at = 0
  for (const edit of edits) {
    out += text.slice(at, edit.start.offset) + edit.after
    at = edit.end.offset
  }
  return out + text.slice(at)
}

const edit = (start: number, end: number, after: string): DiffEdit => ({start: {offset: start}, end: {offset: end}, after})

function expectApplies(original: string, edits: DiffEdit[]): string {
  const cleaned = applyEdits(original, edits)
  const diff = unifiedDiff('x.txt', original, cleaned, edits)
  expect(applyPatch(original, diff), diff).toBe(cleaned)
  return diff
}

describe('unified diffs from edits', () => {
  it('patch every fixture input into its cleaned text, as the searched diff does', () => {
    const pipeline = createPipeline()
    for (const name of readdirSync(FIXTURES)) {
      if (name.endsWith('.md')) continue
      const original = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8')
      const result = pipeline.clean(original, `${name}.txt`)
      const fromEdits = unifiedDiff(`${name}.txt`, original, result.text, result.edits)
      const searched = unifiedDiff(`${name}.txt`, original, result.text)
      expect(applyPatch(original, fromEdits), name).toBe(result.text)
      expect(applyPatch(original, searched), name).toBe(result.text)
    }
  })

  it('shows only the lines that changed, with three lines of context', () => {
    const original = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', ''].join('\n')
    const at = original.indexOf('five')
    expect(expectApplies(original, [edit(at, at + 4, 'FIVE')])).toBe(
      '--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n two\n three\n four\n-five\n+FIVE\n six\n seven\n eight\n'
    )
  })

  it('takes the next line into a change that joins two lines', () => {
    const original = 'a line that was\nwrapped here\nand more\n'
    const diff = expectApplies(original, [edit(15, 16, ' ')])
    expect(diff).toContain('-a line that was\n-wrapped here\n+a line that was wrapped here\n and more\n')
  })

  it('deletes whole lines without touching their neighbours', () => {
    const original = 'keep\nHome | News\nkeep too\n'
    expect(expectApplies(original, [edit(5, 17, '')])).toContain(' keep\n-Home | News\n keep too\n')
  })

  it('marks a last line without a newline, before and after', () => {
    expectApplies('first\nlast', [edit(10, 10, '\n')])
    expectApplies('first\nlast\n', [edit(10, 11, '')])
    expectApplies('first\nlast', [edit(0, 5, 'FIRST')])
    expectApplies('first\nlast\n', [edit(11, 11, 'appended\n')])
    expect(expectApplies('first\nlast', [edit(10, 10, '\n')])).toContain('-last\n\\ No newline at end of file\n+last\n')
  })

  it('joins changes whose contexts meet into one hunk, and keeps far ones apart', () => {
    const lines = Array.from({length: 40}, (_, i) => `line ${i}`)
    const original = `${lines.join('\n')}\n`
    const at = (line: number): number => original.indexOf(`line ${line}\n`)
    const near = expectApplies(original, [edit(at(5), at(6), ''), edit(at(11), at(12), '')])
    expect(near.match(/^@@/gm)).toHaveLength(1)
    const far = expectApplies(original, [edit(at(5), at(6), ''), edit(at(30), at(31), 'inserted\nline 30 again\n')])
    expect(far.match(/^@@/gm)).toHaveLength(2)
  })

  it('falls back to comparing lines when the edits do not give the cleaned text', () => {
    const original = 'alpha\nbeta\ngamma\n'
    const cleaned = 'alpha\ngamma\n'
    const diff = unifiedDiff('x.txt', original, cleaned, [edit(0, 5, 'ALPHA')])
    expect(applyPatch(original, diff)).toBe(cleaned)
  })

  it('applies for random edits over random texts, newlines included', () => {
    let seed = 7
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    const pieces = ['word', ' ', '\n', '\n\n', 'Home', '. ', '']
    for (let round = 0; round < 2000; round++) {
      let original = ''
      for (let k = random(40); k > 0; k--) original += pieces[random(pieces.length)]
      const edits: DiffEdit[] = []
      for (let at = 0; at <= original.length;) {
        at += random(8)
        if (at > original.length) break
        const end = Math.min(original.length, at + random(6))
        edits.push(edit(at, end, pieces[random(pieces.length)]!))
        at = end + 1
      }
      expectApplies(original, edits)
    }
  })
})
