/** Text-only boilerplate block classifier (see classify.ts). */
export {classifyBlocks, classifyWithModel, DEFAULT_CLASSIFIER_OPTIONS} from './classify.js'
export {classifierOptions, type BlockDecision, type ClassifierBlock, type ClassifierOptions} from './types.js'
export type {ClassifierModel} from './model.js'
export {tokenScores, prf, type TokenCounts} from './score.js'
