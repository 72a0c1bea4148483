/** The stages a pipeline file may name, in the order the README lists them: each stage describes itself in its own index.ts. */
import type {StageSpec} from '../engine/stage.js'
import {boilerplateStage} from '../stages/boilerplate/index.js'
import {dedupStage} from '../stages/dedup/index.js'
import {normalizeStage} from '../stages/normalize/index.js'
import {repairStage} from '../stages/repair/index.js'
import {retextStage} from '../stages/retext/index.js'

export type {StageSpec} from '../engine/stage.js'

export const STAGES: Readonly<Record<string, StageSpec>> = Object.fromEntries(
  [normalizeStage, boilerplateStage, repairStage, dedupStage, retextStage].map((stage) => [stage.name, stage])
)
