/**
 * Keep policy: which member of a duplicate cluster survives.
 *
 * Order of criteria (first difference decides):
 *   1. with `priorWins`, a document from an earlier batch of the persistent
 *      index beats the current batch (it was already published);
 *   2. the policy — `longest`: more words besides site chrome (paragraphs
 *      held by `passage.chromeDocs` or more documents); `earliest`: earlier date found in
 *      the file name (YYYY-MM-DD or YYYYMMDD; dated beats undated), then
 *      smaller path; `first-seen`: earlier batch, then smaller path;
 *   3. tie-break: smaller path (code-unit order), then batch, then content hash.
 * Every criterion is a property of the document, never of input order, so
 * the kept copy is the same however the documents were read or scheduled.
 */
import type {KeepPolicy} from './options.js'

export interface KeepFacts {
  path: string
  batch: number
  /** Words besides site chrome (paragraphs in `passage.chromeDocs` or more documents of the index). */
  words: number
  /** YYYYMMDD from the file name, 0 when none. */
  date: number
  exact0: number
  exact1: number
}

const DASHED = /(?<!\d)((?:19|20)\d\d)[-_.](\d\d)[-_.](\d\d)(?!\d)/
const COMPACT = /(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)/

/** Date in a file name as YYYYMMDD (0 when none). The last path segment wins over folders. */
export function dateFromPath(path: string): number {
  const segments = path.split(/[\\/]/)
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!
    const m = DASHED.exec(seg) ?? COMPACT.exec(seg)
    if (!m) continue
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return y * 10000 + mo * 100 + d
  }
  return 0
}

export function formatDate(date: number): string {
  const s = String(date)
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`
}

function byPath(a: KeepFacts, b: KeepFacts): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1
  if (a.batch !== b.batch) return a.batch - b.batch
  if (a.exact0 !== b.exact0) return a.exact0 - b.exact0
  return a.exact1 - b.exact1
}

function byPolicy(a: KeepFacts, b: KeepFacts, policy: KeepPolicy): number {
  switch (policy) {
    case 'longest':
      return b.words - a.words
    case 'earliest':
      if (a.date !== b.date) {
        if (a.date === 0) return 1
        if (b.date === 0) return -1
        return a.date - b.date
      }
      return 0
    case 'first-seen':
      return a.batch - b.batch
  }
}

/** Negative when `a` should be kept rather than `b`. Total and deterministic. */
export function compareKeep(a: KeepFacts, b: KeepFacts, policy: KeepPolicy, priorWins: boolean, currentBatch: number): number {
  if (priorWins) {
    const pa = a.batch < currentBatch ? 0 : 1
    const pb = b.batch < currentBatch ? 0 : 1
    if (pa !== pb) return pa - pb
    if (pa === 0 && a.batch !== b.batch) return a.batch - b.batch
  }
  return byPolicy(a, b, policy) || byPath(a, b)
}

/** Why `kept` beat `runnerUp` — the first criterion that separated them. */
export function keepReason(kept: KeepFacts, runnerUp: KeepFacts, policy: KeepPolicy, priorWins: boolean, currentBatch: number): string {
  if (priorWins && kept.batch < currentBatch && (runnerUp.batch >= currentBatch || kept.batch !== runnerUp.batch)) {
    return `earlier batch (${kept.batch}) in the index`
  }
  if (byPolicy(kept, runnerUp, policy) !== 0) {
    switch (policy) {
      case 'longest':
        return `longest (${kept.words} words besides site chrome)`
      case 'earliest':
        return `earliest date (${formatDate(kept.date)})`
      case 'first-seen':
        return `first seen (batch ${kept.batch})`
    }
  }
  const tie =
    policy === 'longest'
      ? `same length (${kept.words} words besides site chrome)`
      : policy === 'earliest'
        ? kept.date
          ? `same date (${formatDate(kept.date)})`
          : 'no date in the name'
        : `same batch`
  return `${tie}; first by path`
}
