/** The shape of a trained classifier model (see weights.ts and scripts/train-classifier.ts). */

/**
 * A regression tree node: internal nodes test `feature < threshold` (true goes
 * left); every node carries `value`, the leaf output it would give if the tree
 * stopped there (used to attribute a score to the features on the path).
 */
export interface TreeNode {
  feature?: string
  threshold?: number
  left?: TreeNode
  right?: TreeNode
  value: number
}

export interface ClassifierModel {
  /**
   * Stage 1, per line: logistic regression weights by LINE_FEATURES name, or,
   * when `lineTrees` is present, a boosted ensemble of shallow trees.
   */
  line: Record<string, number>
  lineTrees?: TreeNode[]
  /**
   * Stage 2, context: weights over CONTEXT_FEATURES (fed with stage-1 logits),
   * or trees over LINE_FEATURES plus `ctx_`-prefixed CONTEXT_FEATURES.
   */
  context: Record<string, number>
  contextTrees?: TreeNode[]
  /** Mean stage-1 feature values over content lines: the reference for explanations. */
  reference?: Record<string, number>
  /** Default probability threshold tuned on the development set. */
  threshold: number
  /** Free-form provenance: data, folds, held-out scores. */
  trainedOn?: string
}
