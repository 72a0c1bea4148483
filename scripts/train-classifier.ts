/**
 * Train the boilerplate block classifier on the development set (../shared/devset)
 * and write src/stages/boilerplate/classifier/weights.ts.
 *
 *   npx tsc -p tsconfig.json --outDir .bench/build
 *   node .bench/build/scripts/train-classifier.js [--out FILE] [--without PART|SOURCE ...] [--beta B] [--threshold T] [--dry-run]
 *
 * It trains on every part whose licence allows it (TRAINING_PARTS); --without
 * leaves a part or a whole source out, for hold-out measurements
 * (scripts/devset-lopo.mjs does that for each source in turn). An --out
 * ending in .json writes the bare model, for devset-parts.mjs --model.
 *
 * Labels: a raw line is content when its token sequence is a gold line; lines
 * with no exact match are content when they are long and nearly all their
 * tokens are gold tokens (side-by-side table cells, joined lines), boilerplate
 * when few are, and left out of training otherwise. Lines are weighted by
 * their token count (the metric is token-level), and every part gets equal
 * total weight so that no part's gold conventions dominate.
 *
 * Both stages are boosted shallow trees (or, with --logistic, L2-regularised
 * logistic regressions); stage 2 is fed stage-1 logits computed out of fold.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {
  CONTEXT_FEATURES,
  LINE_FEATURES,
  contextVectors,
  documentFeatures,
  type LineStats
} from '../src/stages/boilerplate/classifier/features.js'
import type {ClassifierModel, TreeNode} from '../src/stages/boilerplate/classifier/model.js'
import {classifyWithModel} from '../src/stages/boilerplate/classifier/classify.js'
import {prf, type TokenCounts} from '../src/stages/boilerplate/classifier/score.js'
import type {ClassifierBlock} from '../src/stages/boilerplate/classifier/types.js'

export const DEVSET = resolve(process.env.RINSE_DEVSET ?? '../shared/devset')
/**
 * Parts whose licence allows shipping weights trained on them (the devset README's table):
 * Dragnet (AGPL-3.0), WCXB (CC BY 4.0) and Readability's test pages (Apache-2.0).
 */
export const TRAINING_PARTS = ['boilerplate', 'dragnet-more', 'wcxb', 'wcxb-more', 'readability'] as const
/** Parts only measured on: L3S-GN1 is for research use only, CleanEval and CleanPortalEval state no licence. */
export const EVALUATION_PARTS = ['cleaneval', 'l3s-gn1', 'cleanportal'] as const
/** The first two parts, the ones the older scripts (holdout, classifier alone) score. */
export const PARTS = ['boilerplate', 'wcxb'] as const
export type Part = (typeof TRAINING_PARTS)[number] | (typeof EVALUATION_PARTS)[number]
/**
 * Parts that come from one source share sites and annotators, so leaving one out while
 * training on its sibling is not "unseen": hold-outs leave a whole source out.
 */
export const SOURCES: Record<string, readonly Part[]> = {
  dragnet: ['boilerplate', 'dragnet-more'],
  wcxb: ['wcxb', 'wcxb-more'],
  readability: ['readability']
}

export interface Page {
  name: string
  part: Part
  rawLines: string[]
  blocks: ClassifierBlock[]
  gold: string
}

export interface LabelledPage extends Page {
  stats: LineStats[]
  vectors: Float64Array[]
  /** 1 content, 0 boilerplate, -1 left out of training. */
  labels: Int8Array
}

const WORD_RE = /[\p{L}\p{N}_]+/gu

/** Raw dump → one block per non-blank line, as the boilerplate stage will build them. */
export function toBlocks(raw: string): {blocks: ClassifierBlock[]; lines: string[]} {
  const blocks: ClassifierBlock[] = []
  const lines: string[] = []
  let blank = false
  for (const line of raw.split(/\r?\n/)) {
    const text = line.replace(/\s+/g, ' ').trim()
    if (!text) {
      blank = true
      continue
    }
    blocks.push({text, blankBefore: blank})
    lines.push(line)
    blank = false
  }
  return {blocks, lines}
}

export function loadPart(part: Part, devset = DEVSET): Page[] {
  const dir = join(devset, part)
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.txt'))
    .map((f) => f.slice(0, -'.gold.txt'.length))
    .sort()
  return names.map((name) => {
    const raw = readFileSync(join(dir, `${name}.raw.txt`), 'utf8')
    const gold = readFileSync(join(dir, `${name}.gold.txt`), 'utf8')
    const {blocks, lines} = toBlocks(raw)
    return {name, part, rawLines: lines, blocks, gold}
  })
}

export function labelPage(page: Page): LabelledPage {
  const goldKeys = new Set<string>()
  const goldShingles = new Set<string>()
  for (const line of page.gold.split('\n')) {
    const toks = line.match(WORD_RE)
    if (toks) goldKeys.add(toks.join(' '))
  }
  const goldToks = page.gold.match(WORD_RE) ?? []
  for (let i = 0; i + 4 <= goldToks.length; i++) goldShingles.add(goldToks.slice(i, i + 4).join(' '))
  const doc = documentFeatures(page.blocks)
  const labels = new Int8Array(page.blocks.length)
  page.blocks.forEach((block, i) => {
    const toks = block.text.match(WORD_RE) ?? []
    if (toks.length === 0) {
      labels[i] = -1
      return
    }
    if (goldKeys.has(toks.join(' '))) {
      labels[i] = 1
      return
    }
    if (toks.length < 6) {
      labels[i] = 0
      return
    }
    // Not a whole gold line: judge by the share of its 4-token shingles found in the gold.
    let hit = 0
    const total = toks.length - 3
    for (let j = 0; j + 4 <= toks.length; j++) if (goldShingles.has(toks.slice(j, j + 4).join(' '))) hit++
    const coverage = hit / total
    labels[i] = coverage >= 0.6 ? 1 : coverage < 0.25 ? 0 : -1
  })
  return {...page, stats: doc.stats, vectors: doc.vectors, labels}
}

// ---------------------------------------------------------------- boosted trees

export interface TreeOptions {
  trees?: number
  depth?: number
  rate?: number
  /** L2 penalty on leaf values, in units of the mean sample weight. */
  lambda?: number
  /** Minimum hessian mass in a leaf, in units of the mean sample weight. */
  minLeaf?: number
  bins?: number
  /** Share of samples each tree sees (stochastic boosting; also a speed-up). */
  subsample?: number
}

/** Gradient-boosted shallow regression trees with logistic loss (histogram splits). */
export function fitTrees(samples: readonly Sample[], names: readonly string[], opts: TreeOptions = {}): TreeNode[] {
  const nTrees = opts.trees ?? 150
  const maxDepth = opts.depth ?? 3
  const rate = opts.rate ?? 0.1
  const nBins = opts.bins ?? 32
  const n = samples.length
  const dims = names.length
  const meanW = samples.reduce((a, s) => a + s.w, 0) / Math.max(1, n)
  const lambda = (opts.lambda ?? 20) * meanW
  const minLeaf = (opts.minLeaf ?? 50) * meanW * 0.1 * (opts.subsample ?? 0.5)
  // Bin edges from (a sample of) the values: split "x < edge" sends bins <= j left.
  const edges: Float64Array[] = []
  const binned: Uint8Array[] = []
  for (let f = 0; f < dims; f++) {
    const vals: number[] = []
    const stride = Math.max(1, Math.floor(n / 20000))
    for (let i = 0; i < n; i += stride) vals.push(samples[i]!.x[f]!)
    vals.sort((a, b) => a - b)
    const uniq = vals.filter((v, i) => i === 0 || v !== vals[i - 1])
    let e: number[]
    if (uniq.length <= nBins) e = uniq.slice(1).map((v, i) => (v + uniq[i]!) / 2)
    else {
      const set = new Set<number>()
      for (let q = 1; q < nBins; q++) {
        const a = vals[Math.floor((q * vals.length) / nBins)]!
        const idx = uniq.indexOf(a)
        if (idx > 0) set.add((a + uniq[idx - 1]!) / 2)
      }
      e = [...set].sort((a, b) => a - b)
    }
    edges.push(Float64Array.from(e))
    const col = new Uint8Array(n)
    for (let i = 0; i < n; i++) {
      const x = samples[i]!.x[f]!
      let lo = 0
      let hi = e.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (e[mid]! <= x) lo = mid + 1
        else hi = mid
      }
      col[i] = lo
    }
    binned.push(col)
  }
  let sw = 0
  let swy = 0
  for (const s of samples) {
    sw += s.w
    swy += s.w * s.y
  }
  const prior = Math.min(0.999, Math.max(0.001, swy / sw))
  const base = Math.log(prior / (1 - prior))
  const margin = new Float64Array(n).fill(base)
  const trees: TreeNode[] = [{value: base}]
  const g = new Float64Array(n)
  const h = new Float64Array(n)
  const round = (x: number): number => Math.round(x * 1e5) / 1e5
  const width = nBins + 1
  interface Histogram {
    g: Float64Array
    h: Float64Array
  }
  // Gradient and hessian sums per feature and bin of the samples in idx.
  const histogram = (idx: Int32Array): Histogram => {
    const hist = {g: new Float64Array(dims * width), h: new Float64Array(dims * width)}
    for (let f = 0; f < dims; f++) {
      if (edges[f]!.length === 0) continue
      const col = binned[f]!
      const base = f * width
      for (const i of idx) {
        const b = base + col[i]!
        hist.g[b] = hist.g[b]! + g[i]!
        hist.h[b] = hist.h[b]! + h[i]!
      }
    }
    return hist
  }
  // A sibling's histogram is its parent's less the other child's: only the smaller child is counted.
  const difference = (parent: Histogram, child: Histogram): Histogram => ({
    g: parent.g.map((x, k) => x - child.g[k]!),
    h: parent.h.map((x, k) => x - child.h[k]!)
  })
  const build = (idx: Int32Array, depth: number, given?: Histogram): TreeNode => {
    let G = 0
    let H = 0
    for (const i of idx) {
      G += g[i]!
      H += h[i]!
    }
    const value = (-G / (H + lambda)) * rate
    const node: TreeNode = {value: round(value)}
    if (depth >= maxDepth || H < 2 * minLeaf) {
      for (const i of idx) margin[i] = margin[i]! + node.value
      return node
    }
    const hist = given ?? histogram(idx)
    const parentScore = (G * G) / (H + lambda)
    let bestGain = 1e-9 * meanW
    let bestF = -1
    let bestBin = -1
    for (let f = 0; f < dims; f++) {
      const e = edges[f]!
      const base = f * width
      let gl = 0
      let hl = 0
      for (let j = 0; j < e.length; j++) {
        gl += hist.g[base + j]!
        hl += hist.h[base + j]!
        const hr = H - hl
        if (hl < minLeaf || hr < minLeaf) continue
        const gr = G - gl
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore
        if (gain > bestGain) {
          bestGain = gain
          bestF = f
          bestBin = j
        }
      }
    }
    if (bestF < 0) {
      for (const i of idx) margin[i] = margin[i]! + node.value
      return node
    }
    const col = binned[bestF]!
    let nl = 0
    for (const i of idx) if (col[i]! <= bestBin) nl++
    const li = new Int32Array(nl)
    const ri = new Int32Array(idx.length - nl)
    let a = 0
    let b = 0
    for (const i of idx) {
      if (col[i]! <= bestBin) li[a++] = i
      else ri[b++] = i
    }
    node.feature = names[bestF]!
    node.threshold = round(edges[bestF]![bestBin]!)
    // Rounding the threshold must not move any training value across it.
    if (node.threshold !== edges[bestF]![bestBin]!) node.threshold = edges[bestF]![bestBin]!
    let left: Histogram | undefined
    let right: Histogram | undefined
    if (depth + 1 < maxDepth) {
      if (li.length <= ri.length) right = difference(hist, (left = histogram(li)))
      else left = difference(hist, (right = histogram(ri)))
    }
    node.left = build(li, depth + 1, left)
    node.right = build(ri, depth + 1, right)
    return node
  }
  const subsample = opts.subsample ?? 0.5
  let seed = 12345
  const rand = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  const nameIndex = new Map(names.map((name, i) => [name, i]))
  const applyTree = (node: TreeNode, x: Float64Array): number => {
    while (node.left && node.right && node.feature !== undefined)
      node = x[nameIndex.get(node.feature)!]! < node.threshold! ? node.left : node.right
    return node.value
  }
  for (let t = 0; t < nTrees; t++) {
    const picked: number[] = []
    for (let i = 0; i < n; i++) if (rand() < subsample) picked.push(i)
    for (const i of picked) {
      const p = 1 / (1 + Math.exp(-margin[i]!))
      const s = samples[i]!
      g[i] = s.w * (p - s.y)
      h[i] = s.w * Math.max(p * (1 - p), 1e-6)
    }
    const before = Float64Array.from(margin)
    const tree = build(Int32Array.from(picked), 0)
    trees.push(tree)
    // build() updated the picked samples' margins; bring the rest up to date too.
    const inPick = new Uint8Array(n)
    for (const i of picked) inPick[i] = 1
    for (let i = 0; i < n; i++) if (!inPick[i]) margin[i] = before[i]! + applyTree(tree, samples[i]!.x)
  }
  return trees
}

// ---------------------------------------------------------------- logistic regression

export interface Sample {
  x: Float64Array
  y: number
  w: number
}

/** L2-regularised logistic regression by Newton's method (the bias is not penalised). */
export function fitLogistic(samples: readonly Sample[], dims: number, l2 = 1, iterations = 25): Float64Array {
  const beta = new Float64Array(dims)
  const totalW = samples.reduce((s, x) => s + x.w, 0)
  const lambda = l2 * (totalW / 1000)
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(dims)
    const hess = new Float64Array(dims * dims)
    for (const {x, y, w} of samples) {
      let z = 0
      for (let j = 0; j < dims; j++) z += beta[j]! * x[j]!
      const p = 1 / (1 + Math.exp(-z))
      const g = w * (p - y)
      const h = w * Math.max(p * (1 - p), 1e-6)
      for (let j = 0; j < dims; j++) {
        const xj = x[j]!
        if (xj === 0) continue
        grad[j] = grad[j]! + g * xj
        const hx = h * xj
        const row = j * dims
        for (let k = j; k < dims; k++) hess[row + k] = hess[row + k]! + hx * x[k]!
      }
    }
    for (let j = 0; j < dims; j++) {
      for (let k = 0; k < j; k++) hess[j * dims + k] = hess[k * dims + j]!
      const pen = j === 0 ? 1e-6 * lambda : lambda
      grad[j] = grad[j]! + pen * beta[j]!
      hess[j * dims + j] = hess[j * dims + j]! + pen
    }
    const step = solve(hess, grad, dims)
    let change = 0
    for (let j = 0; j < dims; j++) {
      beta[j] = beta[j]! - step[j]!
      change = Math.max(change, Math.abs(step[j]!))
    }
    if (change < 1e-6) break
  }
  return beta
}

/** Solve A x = b for symmetric positive definite A (Cholesky). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(s, 1e-12))
      else l[i * n + j] = s / l[j * n + j]!
    }
  }
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let s = b[i]!
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!
    y[i] = s / l[i * n + i]!
  }
  const x = new Float64Array(n)
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!
    x[i] = s / l[i * n + i]!
  }
  return x
}

const dot = (w: Float64Array, x: Float64Array): number => {
  let s = 0
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!
  return s
}

function partWeights(pages: readonly LabelledPage[]): Map<Part, number> {
  const tot = new Map<Part, number>()
  for (const p of pages)
    for (let i = 0; i < p.labels.length; i++) if (p.labels[i]! >= 0) tot.set(p.part, (tot.get(p.part) ?? 0) + p.stats[i]!.tokens)
  const out = new Map<Part, number>()
  const mean = [...tot.values()].reduce((a, b) => a + b, 0) / Math.max(1, tot.size)
  for (const [part, t] of tot) out.set(part, mean / t)
  return out
}

function lineSamples(pages: readonly LabelledPage[]): Sample[] {
  const pw = partWeights(pages)
  const out: Sample[] = []
  for (const p of pages) {
    const scale = pw.get(p.part) ?? 1
    for (let i = 0; i < p.labels.length; i++) {
      const y = p.labels[i]!
      if (y < 0) continue
      out.push({x: p.vectors[i]!, y, w: scale * (p.stats[i]!.tokens + 0.5)})
    }
  }
  return out
}

function toRecord(names: readonly string[], beta: Float64Array): Record<string, number> {
  const out: Record<string, number> = {}
  names.forEach((n, i) => (out[n] = Math.round(beta[i]! * 10000) / 10000))
  return out
}

function foldOf(name: string, k: number): number {
  let h = 2166136261
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619)
  return (h >>> 0) % k
}

export interface TrainOptions {
  /** 'trees' (boosted shallow trees, the default) or 'logistic'. */
  kind?: 'trees' | 'logistic'
  tree?: TreeOptions
  l2?: number
  /** Inner folds for out-of-fold stage-1 logits feeding stage 2. */
  innerFolds?: number
  /** How threshold is picked: maximise the mean over parts of F-beta. */
  beta?: number
}

/** Train both stages and pick the threshold on the training pages. */
const CONTEXT_NAMES = [...LINE_FEATURES, ...CONTEXT_FEATURES.map((f) => `ctx_${f}`)]

const nameIndexCache = new WeakMap<readonly string[], Map<string, number>>()
function treeScore(trees: readonly TreeNode[], names: readonly string[], x: Float64Array): number {
  let index = nameIndexCache.get(names)
  if (!index) nameIndexCache.set(names, (index = new Map(names.map((name, i) => [name, i]))))
  let sum = 0
  for (const root of trees) {
    let node = root
    while (node.left && node.right && node.feature !== undefined) {
      node = x[index.get(node.feature)!]! < node.threshold! ? node.left : node.right
    }
    sum += node.value
  }
  return sum
}

export function train(pages: readonly LabelledPage[], opts: TrainOptions = {}): ClassifierModel {
  const kind = opts.kind ?? 'trees'
  const l2 = opts.l2 ?? 1
  const k = opts.innerFolds ?? 3
  const fitLine = (ps: readonly LabelledPage[]): ((x: Float64Array) => number) & {trees?: TreeNode[]; beta?: Float64Array} => {
    const samples = lineSamples(ps)
    if (kind === 'trees') {
      const trees = fitTrees(samples, LINE_FEATURES, opts.tree)
      return Object.assign((x: Float64Array) => treeScore(trees, LINE_FEATURES, x), {trees})
    }
    const beta = fitLogistic(samples, LINE_FEATURES.length, l2)
    return Object.assign((x: Float64Array) => dot(beta, x), {beta})
  }
  const line = fitLine(pages)
  // Out-of-fold stage-1 logits so stage 2 learns from honest neighbour scores.
  const oof = new Map<LabelledPage, Float64Array>()
  for (let f = 0; f < k; f++) {
    const score = k > 1 ? fitLine(pages.filter((p) => foldOf(p.name, k) !== f)) : line
    for (const p of pages)
      if (foldOf(p.name, k) === f || k <= 1)
        oof.set(
          p,
          Float64Array.from(p.vectors, (v) => score(v))
        )
  }
  const pw = partWeights(pages)
  const ctxSamples: Sample[] = []
  for (const p of pages) {
    const cv = contextVectors(oof.get(p)!, p.stats)
    const scale = pw.get(p.part) ?? 1
    for (let i = 0; i < p.labels.length; i++) {
      const y = p.labels[i]!
      if (y < 0) continue
      let x = cv[i]!
      if (kind === 'trees') {
        x = new Float64Array(CONTEXT_NAMES.length)
        x.set(p.vectors[i]!, 0)
        x.set(cv[i]!, LINE_FEATURES.length)
      }
      ctxSamples.push({x, y, w: scale * (p.stats[i]!.tokens + 0.5)})
    }
  }
  // Reference values for explanations: mean feature values of content lines.
  const ref = new Float64Array(LINE_FEATURES.length)
  let nContent = 0
  for (const p of pages)
    for (let i = 0; i < p.labels.length; i++)
      if (p.labels[i] === 1) {
        nContent++
        for (let j = 0; j < ref.length; j++) ref[j] = ref[j]! + p.vectors[i]![j]!
      }
  for (let j = 0; j < ref.length; j++) ref[j] = ref[j]! / Math.max(1, nContent)
  const model: ClassifierModel = {line: {}, context: {}, reference: toRecord(LINE_FEATURES, ref), threshold: 0.5}
  if (kind === 'trees') {
    model.lineTrees = line.trees!
    model.contextTrees = fitTrees(ctxSamples, CONTEXT_NAMES, opts.tree)
  } else {
    model.line = toRecord(LINE_FEATURES, line.beta!)
    model.context = toRecord(CONTEXT_FEATURES, fitLogistic(ctxSamples, CONTEXT_FEATURES.length, l2))
  }
  model.threshold = pickThreshold(pages, model, opts.beta ?? 1)
  return model
}

const THRESHOLDS = Array.from({length: 31}, (_, k) => Math.round((0.05 + k * 0.025) * 1000) / 1000)

/**
 * Token counts of one page at every threshold of THRESHOLDS in one sweep: blocks are added
 * in falling score order, and a token is a true positive while the output holds no more
 * of it than the gold does.
 */
function countsByThreshold(page: Page, scores: readonly number[]): TokenCounts[] {
  const gold = new Map<string, number>()
  let goldTotal = 0
  for (const [token] of page.gold.matchAll(WORD_RE)) {
    gold.set(token, (gold.get(token) ?? 0) + 1)
    goldTotal++
  }
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!)
  const out = new Map<string, number>()
  let tp = 0
  let total = 0
  let next = 0
  const counts: TokenCounts[] = new Array<TokenCounts>(THRESHOLDS.length)
  for (let k = THRESHOLDS.length - 1; k >= 0; k--) {
    const t = THRESHOLDS[k]!
    for (; next < order.length && scores[order[next]!]! >= t; next++) {
      for (const [token] of page.blocks[order[next]!]!.text.matchAll(WORD_RE)) {
        const n = (out.get(token) ?? 0) + 1
        out.set(token, n)
        total++
        if (n <= (gold.get(token) ?? 0)) tp++
      }
    }
    counts[k] = {tp, fp: total - tp, fn: goldTotal - tp}
  }
  return counts
}

/** Threshold maximising the mean over parts of token micro F-beta on the given pages. */
export function pickThreshold(pages: readonly Page[], model: ClassifierModel, beta = 1): number {
  const byPart = new Map<Part, TokenCounts[]>()
  for (const page of pages) {
    const scores = classifyWithModel(page.blocks, model, {threshold: 0, protectProseTokens: 0}).map((d) => d.score)
    const counts = countsByThreshold(page, scores)
    const acc = byPart.get(page.part) ?? THRESHOLDS.map(() => ({tp: 0, fp: 0, fn: 0}))
    counts.forEach((c, k) => {
      acc[k]!.tp += c.tp
      acc[k]!.fp += c.fp
      acc[k]!.fn += c.fn
    })
    byPart.set(page.part, acc)
  }
  let best = 0.5
  let bestValue = -1
  THRESHOLDS.forEach((t, k) => {
    let sum = 0
    for (const counts of byPart.values()) {
      const {p, r} = prf(counts[k]!)
      sum += p + r ? ((1 + beta * beta) * p * r) / (beta * beta * p + r) : 0
    }
    const value = sum / Math.max(1, byPart.size)
    if (value > bestValue) {
      bestValue = value
      best = t
    }
  })
  return best
}

export function writeWeights(model: ClassifierModel, file: string): void {
  const trees = (list: TreeNode[] | undefined): string =>
    list ? `[\n${list.map((t) => '    ' + JSON.stringify(t)).join(',\n')}\n  ]` : 'undefined'
  const json = JSON.stringify({...model, lineTrees: '@LINE@', contextTrees: '@CONTEXT@'}, null, 2)
    .replace('"@LINE@"', trees(model.lineTrees))
    .replace('"@CONTEXT@"', trees(model.contextTrees))
  const body = `// Generated by scripts/train-classifier.ts — do not edit by hand; retrain instead.
// Stage 1 scores each line from its own features (features.ts, LINE_FEATURES); stage 2 re-scores it
// with its neighbours' stage-1 scores (CONTEXT_FEATURES, prefixed ctx_). Either stage is a logistic
// regression (weights by feature name) or, when *Trees is present, boosted depth-3 trees whose leaf
// values add up to a logit: positive leans main content, negative leans boilerplate.
import type {ClassifierModel} from './model.js'

export const MODEL: ClassifierModel = ${json}
`
  writeFileSync(file, body)
}

/** The training parts less those named (a part or a source of SOURCES). */
export function trainingParts(without: readonly string[] = []): Part[] {
  const left = new Set(without.flatMap((name) => SOURCES[name] ?? [name as Part]))
  for (const name of left)
    if (!(TRAINING_PARTS as readonly string[]).includes(name)) throw new Error(`--without ${name}: not a training part or source`)
  return TRAINING_PARTS.filter((part) => !left.has(part))
}

/** What the weights were trained on: parts with page counts, the commit, the threshold rule. */
export function provenance(pages: readonly Page[], beta: number): string {
  const counts = new Map<string, number>()
  for (const page of pages) counts.set(page.part, (counts.get(page.part) ?? 0) + 1)
  let commit = 'unknown commit'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {encoding: 'utf8'}).trim()
  } catch {
    // Not a git checkout: the provenance says so.
  }
  const parts = [...counts].map(([part, n]) => `${part}/ (${n} pages)`).join(' + ')
  return `devset ${parts}, ${pages.length} pages, parts weighted equally by tokens; threshold by mean F-beta (beta ${beta}) over parts; trained at ${commit}`
}

function main(): void {
  const {values} = parseArgs({
    options: {
      out: {type: 'string', default: 'src/stages/boilerplate/classifier/weights.ts'},
      beta: {type: 'string', default: '1'},
      threshold: {type: 'string'},
      without: {type: 'string', multiple: true, default: []},
      logistic: {type: 'boolean', default: false},
      'dry-run': {type: 'boolean', default: false}
    }
  })
  const beta = Number(values.beta)
  const t0 = Date.now()
  const pages = trainingParts(values.without)
    .flatMap((part) => loadPart(part))
    .map(labelPage)
  const kind = values.logistic ? 'logistic' : 'trees'
  const model = train(pages, {beta, kind})
  model.trainedOn = provenance(pages, beta)
  if (values.threshold !== undefined) {
    model.trainedOn += `; threshold ${values.threshold} set by hand (the F-beta optimum was ${model.threshold})`
    model.threshold = Number(values.threshold)
  }
  console.log(`${model.trainedOn}\ntrained in ${((Date.now() - t0) / 1000).toFixed(1)} s, threshold ${model.threshold}`)
  if (kind === 'logistic') {
    const sorted = Object.entries(model.line).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    console.log('stage 1:', sorted.map(([k, v]) => `${k}=${v}`).join(' '))
    console.log(
      'stage 2:',
      Object.entries(model.context)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    )
  } else console.log(`stage 1: ${model.lineTrees!.length} trees, stage 2: ${model.contextTrees!.length} trees`)
  if (!values['dry-run']) {
    if (values.out.endsWith('.json')) writeFileSync(values.out, JSON.stringify(model))
    else writeWeights(model, values.out)
    console.log(`wrote ${values.out}`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
