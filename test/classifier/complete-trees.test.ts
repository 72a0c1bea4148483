import {describe, expect, it} from 'vitest'
import {completeTrees, evalCompleteTrees} from '../../src/stages/boilerplate/classifier/complete-trees.js'
import {CONTEXT_FEATURES, LINE_FEATURES} from '../../src/stages/boilerplate/classifier/features.js'
import type {TreeNode} from '../../src/stages/boilerplate/classifier/model.js'
import {MODEL} from '../../src/stages/boilerplate/classifier/weights.js'

/** The ensemble read node by node, as the model file describes it. */
function walk(trees: readonly TreeNode[], names: readonly string[], x: Float64Array): number {
  let sum = 0
  for (const tree of trees) {
    let node = tree
    for (;;) {
      const f = node.feature === undefined ? -1 : names.indexOf(node.feature)
      if (!node.left || !node.right || f < 0) break
      node = x[f]! < (node.threshold ?? 0) ? node.left : node.right
    }
    sum += node.value
  }
  return sum
}

/** Every split's threshold in a tree. */
function splitValues(node: TreeNode): number[] {
  return node.left && node.right ? [node.threshold ?? 0, ...splitValues(node.left), ...splitValues(node.right)] : []
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32
  }
}

describe('completeTrees', () => {
  const contextNames = [...LINE_FEATURES, ...CONTEXT_FEATURES.map((name) => `ctx_${name}`)]

  it('gives exactly the sum of the trees for the shipped model, thresholds and NaN included', () => {
    for (const [trees, names] of [
      [MODEL.lineTrees!, LINE_FEATURES],
      [MODEL.contextTrees!, contextNames]
    ] as const) {
      const laidOut = completeTrees(trees, names)
      const next = random(7)
      // Values on either side of and exactly at the model's thresholds.
      const thresholds = trees.flatMap(splitValues)
      for (let sample = 0; sample < 2000; sample++) {
        const x = new Float64Array(names.length)
        for (let j = 0; j < x.length; j++) {
          const pick = next()
          x[j] = pick < 0.4 ? thresholds[Math.floor(next() * thresholds.length)]! : pick < 0.95 ? next() * 4 - 2 : NaN
        }
        expect(evalCompleteTrees(laidOut, x)).toBe(walk(trees, names, x))
      }
    }
  })

  it('pads shallow leaves and treats a split on an unknown feature as a leaf', () => {
    const trees: TreeNode[] = [
      {
        value: 0,
        feature: 'a',
        threshold: 1,
        left: {value: 5},
        right: {value: 1, feature: 'b', threshold: 0, left: {value: 2}, right: {value: 3}}
      },
      {value: 7, feature: 'unknown', threshold: 0, left: {value: 100}, right: {value: 200}},
      {value: 4}
    ]
    const laidOut = completeTrees(trees, ['a', 'b'])
    expect(laidOut.depth).toBe(2)
    expect(evalCompleteTrees(laidOut, Float64Array.of(0, 0))).toBe(5 + 7 + 4)
    expect(evalCompleteTrees(laidOut, Float64Array.of(2, -1))).toBe(2 + 7 + 4)
    expect(evalCompleteTrees(laidOut, Float64Array.of(2, 0))).toBe(3 + 7 + 4)
    expect(evalCompleteTrees(laidOut, Float64Array.of(NaN, NaN))).toBe(3 + 7 + 4)
  })
})
