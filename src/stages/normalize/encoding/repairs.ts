/**
 * Encoding repairs of a text as minimal edits: the library repairs whole lines
 * (its unit, as in ftfy), and a character diff of each line against its repair
 * keeps only the changed characters, each kept change classified by the kind
 * of damage it undoes.
 */
import {diffChars} from 'diff'
import {pushAll} from '../../../engine/arrays.js'
import {windows1252Char} from '../../../lexicon/windows-1252.js'
import {firstSuspect} from './gate.js'
import {planUses, repairSegment, type FixPlan} from './library.js'

export type DamageKind = 'mojibake' | 'lost-no-break-space' | 'lossy-mojibake' | 'c1-control' | 'lone-surrogate'

export interface EncodingRepair {
  start: number
  end: number
  replacement: string
  kind: DamageKind
  plan: FixPlan
}

// Long lines are repaired in pieces, so that the diff of a piece stays cheap.
const MAX_SEGMENT = 2000

let cache: {text: string; repairs: EncodingRepair[]} | undefined

/** Every encoding repair of a text (computed once for the rules of one pass). */
export function encodingRepairs(text: string): EncodingRepair[] {
  if (cache?.text === text) return cache.repairs
  const repairs: EncodingRepair[] = []
  for (let from = 0; ;) {
    const suspect = firstSuspect(text, from)
    if (suspect === -1) break
    const lineStart = text.lastIndexOf('\n', suspect - 1) + 1
    const newline = text.indexOf('\n', suspect)
    const lineEnd = newline === -1 ? text.length : newline
    for (const [start, end] of segments(text, lineStart, lineEnd)) repairSegmentAt(text, start, end, repairs)
    if (newline === -1) break
    from = newline + 1
  }
  cache = {text, repairs}
  return repairs
}

/** A line's pieces of at most MAX_SEGMENT characters, cut after an ASCII character that precedes a space. */
function* segments(text: string, start: number, end: number): Generator<[number, number]> {
  let from = start
  while (end - from > MAX_SEGMENT) {
    let cut = text.lastIndexOf(' ', from + MAX_SEGMENT)
    while (cut > from && text.charCodeAt(cut - 1) >= 0x80) cut = text.lastIndexOf(' ', cut - 1)
    if (cut <= from) cut = from + MAX_SEGMENT
    if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--
    yield [from, cut]
    from = cut
  }
  if (end > from) yield [from, end]
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function repairSegmentAt(text: string, from: number, to: number, repairs: EncodingRepair[]): void {
  if (firstSuspect(text, from, to) === -1) return
  const segment = text.slice(from, to)
  const repaired = repairSegment(segment)
  if (repaired.plan.length === 0) return
  for (const change of changedSpans(segment, repaired.text)) {
    const start = from + change.start
    const end = start + change.removed.length
    repairs.push({
      start,
      end,
      replacement: change.added,
      kind: kindOf(change.removed, change.added, text.charAt(end), repaired.plan),
      plan: repaired.plan
    })
  }
}

interface ChangedSpan {
  start: number
  removed: string
  added: string
}

// Repairs keep the spaces and tabs between words, so words pair up one to one.
const WORD_GAP = /([ \t]+)/

/** The changed spans of a segment: word by word, then character by character within a word. */
function changedSpans(before: string, after: string): ChangedSpan[] {
  const wordsBefore = before.split(WORD_GAP)
  const wordsAfter = after.split(WORD_GAP)
  if (wordsBefore.length !== wordsAfter.length) return changedCharacters(before, after, 0)
  const spans: ChangedSpan[] = []
  let offset = 0
  for (let i = 0; i < wordsBefore.length; i++) {
    const word = wordsBefore[i]!
    if (word !== wordsAfter[i]) pushAll(spans, changedCharacters(word, wordsAfter[i]!, offset))
    offset += word.length
  }
  return spans
}

/** A character diff of two short texts; changes with only other non-ASCII characters between them are one damaged stretch. */
function changedCharacters(before: string, after: string, offset: number): ChangedSpan[] {
  const spans: ChangedSpan[] = []
  let position = offset
  let pending: ChangedSpan | undefined
  for (const change of diffChars(before, after)) {
    if (!change.added && !change.removed) {
      if (pending && !/[\u0000-\u007f]/.test(change.value)) {
        pending.removed += change.value
        pending.added += change.value
      } else if (pending) {
        spans.push(pending)
        pending = undefined
      }
      position += change.value.length
      continue
    }
    pending ??= {start: position, removed: '', added: ''}
    if (change.removed) {
      pending.removed += change.value
      position += change.value.length
    } else pending.added += change.value
  }
  if (pending) spans.push(pending)
  return spans
}

function kindOf(removed: string, added: string, next: string, plan: FixPlan): DamageKind {
  if (/^[\ud800-\udfff]+$/.test(removed)) return 'lone-surrogate'
  if (/^[\u0080-\u009f]+$/.test(removed) && added === [...removed].map((char) => windows1252Char(char.charCodeAt(0))).join(''))
    return 'c1-control'
  if (added.includes('\ufffd') && !removed.includes('\ufffd')) return 'lossy-mojibake'
  // A change that the library cannot make without the space after it read that space as byte 0xA0.
  if (planUses(plan, 'restore_byte_a0') && next === ' ' && repairSegment(removed).text !== added) return 'lost-no-break-space'
  return 'mojibake'
}
