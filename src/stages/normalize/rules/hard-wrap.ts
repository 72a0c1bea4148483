/**
 * Join lines that a scraper or mail client hard-wrapped at a fixed width back
 * into one paragraph line, and mend words hyphenated across such a break
 * (`infra-\nstructure` → `infrastructure`, `long-\nterm` → `long-term`).
 *
 * A line was wrapped when the next line's first word would not have fitted on
 * it: that is what a wrapper does. Paragraphs of one line each (lines longer
 * than any wrap width), lists and code (a chunk whose lines mostly read as
 * code) are never joined.
 */
import {looksLikeCode} from '../../../blocks/code.js'
import {z} from 'zod'
import {LIST_MARKER} from '../../../blocks/segment.js'
import type {ProposedEdit} from '../../../engine/types.js'
import {applyProposed} from '../../../engine/apply-proposed.js'
import {isEnglishWord} from '../../../lexicon/dictionary.js'
import type {TextRule} from '../../rule.js'
import {maxOf} from '../../../engine/arrays.js'

export const hardWrapOptions = z
  .object({
    /** Narrowest wrap width recognised. */
    minWidth: z.number().int().positive(),
    /** Widest wrap width recognised; longer lines are paragraphs of their own. */
    maxWidth: z.number().int().positive()
  })
  .strict()

export type HardWrapOptions = z.output<typeof hardWrapOptions>

export const DEFAULT_HARD_WRAP: HardWrapOptions = {minWidth: 40, maxWidth: 100}

const HYPHEN_BREAK = /([\p{L}]+)-$/u
const FIRST_WORD = /^\S+/
/** A box-drawing vertical: a column rule of a drawn table or the side of a framed box. */
const TABLE_RULE = /[│┃║]/

export const hardWrap: TextRule<HardWrapOptions> = {
  id: 'hard-wrap',
  reason: 'line broken by a fixed-width wrap',
  example: '`a line that was\\nwrapped` → `a line that was wrapped`',
  propose: (input, options) => hardWrapEdits(input.text, options)
}

/**
 * The joins to a fixed point, each placed in `text`: a join makes a longer line,
 * which changes the width its paragraph is judged by, so the joined text is
 * judged again until nothing more joins, as a second clean would judge it.
 * Repair's rewrap, the last word on a document's lines, uses this.
 */
export function hardWrapFixedPoint(text: string, options: HardWrapOptions): ProposedEdit[] {
  const all = hardWrapEdits(text, options)
  for (let pass = 0; pass < MAX_PASSES && all.length > 0; pass++) {
    // Joins never overlap: each takes a newline the earlier ones left.
    const joined = applyProposed(text, all)!
    const more = hardWrapEdits(joined.text, options)
    if (more.length === 0) break
    for (const edit of more) {
      const start = joined.source(edit.start)
      all.push({...edit, start, end: start + (edit.end - edit.start)})
    }
    all.sort((a, b) => a.start - b.start)
  }
  return all
}

/** Each pass joins at least one line; a paragraph rarely needs more than two. */
const MAX_PASSES = 8

/** The rule's edits for a text: one look at each paragraph, as its lines come. */
export function hardWrapEdits(text: string, options: HardWrapOptions): ProposedEdit[] {
  const edits: ProposedEdit[] = []
  // Chunks of consecutive non-blank lines.
  const lines: Array<{start: number; text: string}> = []
  let offset = 0
  for (const line of text.split('\n')) {
    lines.push({start: offset, text: line})
    offset += line.length + 1
  }
  let chunkStart = 0
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.text.trim() !== '') continue
    const chunk = lines.slice(chunkStart, i)
    chunkStart = i + 1
    if (chunk.length < 2) continue
    const width = maxOf(chunk.map((line) => line.text.length))
    if (width < options.minWidth || width > options.maxWidth) continue
    // Most lines must reach near the width, as wrapped prose does.
    const full = chunk.slice(0, -1).filter((line) => line.text.length >= width * 0.6).length
    if (full < (chunk.length - 1) * 0.75) continue
    // Code keeps its lines: a comment and a statement are not one wrapped sentence.
    // (One line that names a call or holds braces does not make prose code.)
    if (chunk.filter((line) => looksLikeCode(line.text)).length * 2 >= chunk.length) continue
    for (let k = 0; k < chunk.length - 1; k++) {
      const line = chunk[k]!
      const next = chunk[k + 1]!
      // A wrapper never prints a line twice: a repeated line (a title printed again) is a line of its own.
      if (LIST_MARKER.test(next.text) || next.text.trim() === line.text.trim()) continue
      // A drawn table's row or a framed box's line keeps its frame: joined, `┃ a ┃ ┃ b ┃` is no sentence.
      if (TABLE_RULE.test(line.text) || TABLE_RULE.test(next.text)) continue
      const nextWord = FIRST_WORD.exec(next.text)?.[0] ?? ''
      const hyphen = HYPHEN_BREAK.exec(line.text)
      const nextHead = /^[\p{Ll}]+/u.exec(next.text)?.[0]
      // The next word did not fit, or the wrapper split a word to fill the line.
      const wrapped = line.text.length + 1 + nextWord.length > width || Boolean(hyphen && nextHead && line.text.length >= width * 0.6)
      if (!wrapped) continue
      // Two-line chunks are joined only when the next line plainly continues a sentence.
      if (chunk.length === 2 && !/^[\p{Ll}\d(“"'‘]/u.test(next.text)) continue
      const newline = line.start + line.text.length
      if (hyphen && nextHead) {
        const joined = hyphen[1]! + nextHead
        const keepHyphen = !isEnglishWord(joined) || (isEnglishWord(hyphen[1]!) && isEnglishWord(nextHead) && !isEnglishWord(joined))
        edits.push({
          start: keepHyphen ? newline : newline - 1,
          end: newline + 1,
          replacement: '',
          rule: 'hyphenated-break',
          reason: keepHyphen ? 'compound word broken across lines' : 'word hyphenated across a line break'
        })
        continue
      }
      edits.push({start: newline, end: newline + 1, replacement: ' ', rule: hardWrap.id, reason: hardWrap.reason})
    }
  }
  return edits
}
