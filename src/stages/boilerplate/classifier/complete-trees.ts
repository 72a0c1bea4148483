/**
 * A tree ensemble laid out as complete binary trees of one depth, for the
 * classifier's inner loop (every tree, block and round). Each level is one
 * comparison whose result picks the child by index arithmetic: no pointer to
 * follow, and a select the compiler can make without a branch, where following
 * the nodes mispredicted about one branch in two. A leaf above the full depth is
 * padded with splits whose two sides both hold its value, so every input reaches
 * the same leaf values, summed in the same order, as the trees themselves give.
 */
import type {TreeNode} from './model.js'
import {maxOf} from '../../../engine/arrays.js'

export interface CompleteTrees {
  depth: number
  count: number
  /** Per tree, `2^depth - 1` splits in level order: the feature index and threshold of each. */
  feature: Int32Array
  threshold: Float64Array
  /** Per tree, `2^depth` leaf values, left to right. */
  leaf: Float64Array
}

/**
 * Lay out trees whose splits name features of `names`. A node with an unknown
 * feature, or without both children, is a leaf, as the model's readers treat it.
 */
export function completeTrees(trees: readonly TreeNode[], names: readonly string[]): CompleteTrees {
  const featureOf = (node: TreeNode): number => (node.left && node.right && node.feature !== undefined ? names.indexOf(node.feature) : -1)
  const depthOf = (node: TreeNode): number => (featureOf(node) >= 0 ? 1 + Math.max(depthOf(node.left!), depthOf(node.right!)) : 0)
  const depth = maxOf(trees.map(depthOf), 0)
  const splits = (1 << depth) - 1
  const feature = new Int32Array(trees.length * splits)
  const threshold = new Float64Array(trees.length * splits)
  const leaf = new Float64Array(trees.length * (splits + 1))
  trees.forEach((tree, t) => {
    const place = (node: TreeNode, at: number, padded: number | undefined): void => {
      if (at >= splits) {
        leaf[t * (splits + 1) + at - splits] = padded ?? node.value
        return
      }
      const f = padded === undefined ? featureOf(node) : -1
      const value = f >= 0 ? undefined : (padded ?? node.value)
      feature[t * splits + at] = Math.max(f, 0)
      threshold[t * splits + at] = f >= 0 ? (node.threshold ?? 0) : 0
      place(f >= 0 ? node.left! : node, 2 * at + 1, value)
      place(f >= 0 ? node.right! : node, 2 * at + 2, value)
    }
    place(tree, 0, undefined)
  })
  return {depth, count: trees.length, feature, threshold, leaf}
}

/** The ensemble's output for one feature vector: the sum of the leaves reached, tree by tree. */
export function evalCompleteTrees(trees: CompleteTrees, x: Float64Array): number {
  const {depth, count, feature, threshold, leaf} = trees
  const splits = (1 << depth) - 1
  let sum = 0
  for (let t = 0, base = 0; t < count; t++, base += splits) {
    let at = 0
    // `x < threshold` goes left, as in the model; NaN goes right.
    for (let level = 0; level < depth; level++) at = 2 * at + (x[feature[base + at]!]! < threshold[base + at]! ? 1 : 2)
    sum += leaf[base + t + at - splits]!
  }
  return sum
}
