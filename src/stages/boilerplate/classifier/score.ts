/**
 * Token scoring as in the devset's score.py: tokens are `\w+` (Unicode letters,
 * digits and underscore), case-sensitive, compared as bags with multiplicity.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu

export interface TokenCounts {
  tp: number
  fp: number
  fn: number
}

function bag(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of text.matchAll(TOKEN_RE)) out.set(m[0], (out.get(m[0]) ?? 0) + 1)
  return out
}

/** Bag-of-tokens true/false positives and false negatives of `output` against `gold`. */
export function tokenScores(gold: string, output: string): TokenCounts {
  const g = bag(gold)
  const o = bag(output)
  let tp = 0
  let outTotal = 0
  let goldTotal = 0
  for (const [token, count] of o) {
    outTotal += count
    tp += Math.min(count, g.get(token) ?? 0)
  }
  for (const count of g.values()) goldTotal += count
  return {tp, fp: outTotal - tp, fn: goldTotal - tp}
}

/** Precision, recall and F1 with score.py's conventions (both empty = perfect). */
export function prf(c: TokenCounts): {p: number; r: number; f1: number} {
  if (c.fp === 0 && c.fn === 0) return {p: 1, r: 1, f1: 1}
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0
  return {p, r, f1: p + r ? (2 * p * r) / (p + r) : 0}
}
