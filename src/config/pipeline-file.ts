/**
 * Pipeline files: YAML or JSON listing stages in order with their options.
 *
 *   stages:
 *     - normalize
 *     - boilerplate: {rules: {masthead: false}}
 *     - repair: false        # switched off
 *
 * Validated on load; a mistake names the file, the key and what was expected.
 */
import {jsonKey} from '../io/content-hash.js'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import type {ConfiguredStage} from '../engine/stage.js'
import {boilerplate, type BoilerplateOptions} from '../stages/boilerplate/index.js'
import {dedup, localCopies, type DedupOptions} from '../stages/dedup/index.js'
import {wrapWidths, type NormalizeOptions} from '../stages/normalize/index.js'
import {repair, type RepairOptions} from '../stages/repair/index.js'
import {STAGES} from './stages.js'
import {readConfigFile} from './read-config-file.js'
import {applyOverlays} from './review/apply.js'
import {siteResolver} from '../io/site.js'
import type {Overlay} from './review/overlay.js'
import type {z} from 'zod'
import {ConfigError} from '../errors.js'

export interface StageEntry {
  stage: string
  options: Record<string, unknown>
}

export interface PipelineConfig {
  /** Where it came from: a path, or `<inline>`. */
  source: string
  stages: StageEntry[]
  /** Stable hash of the resolved stages (and overlays): a re-run with another pipeline redoes every file. */
  hash: string
  /** Review overlays applied after the stages, in order (`--overlay`); absent when none. */
  overlays?: Overlay[]
  /** The `site` pattern: a document's site is its first group in the path (see review/site.ts); absent: the first folder. */
  site?: string
}

/** pipelines/default.yaml of the package (found from dist/, src/, or a build of src/ into another folder). */
export const DEFAULT_PIPELINE_PATH = ['../../', '../../../', '../../../../']
  .map((up) => fileURLToPath(new URL(`${up}pipelines/default.yaml`, import.meta.url)))
  .find((path) => existsSync(path))!

export async function loadPipelineFile(path: string): Promise<PipelineConfig> {
  const text = await readConfigFile(path, 'pipeline file')
  let data: unknown
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new ConfigError(path, '', `not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`)
  }
  return parsePipeline(data, path)
}

/** Validate a pipeline given as data (from a file, or from library users). */
export function parsePipeline(data: unknown, source = '<inline>'): PipelineConfig {
  if (!isObject(data)) throw new ConfigError(source, '', 'expected a mapping with a `stages` list')
  for (const key of Object.keys(data)) {
    if (key !== 'stages' && key !== 'site') throw new ConfigError(source, key, 'unknown key; expected `stages` and optionally `site`')
  }
  const site = data.site
  if (site !== undefined) {
    if (typeof site !== 'string') throw new ConfigError(source, 'site', 'expected a regular expression over document paths (a string)')
    try {
      siteResolver(site)
    } catch (error) {
      throw new ConfigError(source, 'site', `not a regular expression: ${(error as Error).message}`)
    }
  }
  const list = data.stages
  if (!Array.isArray(list)) throw new ConfigError(source, 'stages', 'expected a list of stages')
  const stages: StageEntry[] = []
  list.forEach((item, index) => {
    const at = `stages[${index}]`
    let name: string
    let options: unknown
    if (typeof item === 'string') {
      name = item
      options = {}
    } else if (isObject(item) && Object.keys(item).length === 1) {
      name = Object.keys(item)[0]!
      options = item[name] ?? {}
    } else {
      throw new ConfigError(source, at, 'expected a stage name or a mapping `{<stage>: <options> | false}`')
    }
    const spec = STAGES[name]
    if (!spec) throw new ConfigError(source, at, `unknown stage \`${name}\`; expected one of ${Object.keys(STAGES).join(', ')}`)
    if (options === false) return
    if (options === true) options = {}
    const parsed = spec.schema.safeParse(options)
    if (!parsed.success) {
      const issue = innermost(parsed.error.issues[0]!)
      const path = [at, name, ...issue.path.map(String)].join('.')
      throw new ConfigError(
        source,
        issue.code === 'unrecognized_keys' ? `${path}.${issue.keys[0]}` : path,
        describe(
          issue,
          spec.rules.map((rule) => rule.id)
        )
      )
    }
    // Build the stage once: checks that span options (bands × rows ≤ numHashes) fail here, on load.
    try {
      spec.create(parsed.data as never)
    } catch (error) {
      throw new ConfigError(source, `${at}.${name}`, (error as Error).message)
    }
    stages.push({stage: name, options: parsed.data as Record<string, unknown>})
  })
  if (site === undefined) return {source, stages, hash: jsonKey(stages)}
  return {source, stages, hash: jsonKey({stages, site}), site}
}

/** The same pipeline with a persistent dedup index (the CLI's --index): set on every dedup stage. */
export function withDedupIndex(config: PipelineConfig, index: string, batch: string): PipelineConfig {
  return withOptions(config, 'dedup', (options) =>
    options.documents === false
      ? undefined
      : {...options, documents: {...((options.documents as Record<string, unknown> | undefined) ?? {}), index, batch}}
  )
}

/**
 * The pipeline for records of a JSONL file: a text field is not a file, so unless
 * the pipeline says otherwise, normalize leaves the end of the text as it is
 * instead of ending it with a newline (which would change every record).
 */
export function forRecords(config: PipelineConfig): PipelineConfig {
  return withOptions(config, 'normalize', (options) => (options.finalNewline === undefined ? {...options, finalNewline: false} : undefined))
}

/** The pipeline with one stage's options changed wherever `change` gives new ones, checked again. */
function withOptions(
  config: PipelineConfig,
  stage: string,
  change: (options: Record<string, unknown>) => Record<string, unknown> | undefined
): PipelineConfig {
  const stages = config.stages.map((entry) => ({
    stage: entry.stage,
    options: (entry.stage === stage && change(entry.options)) || entry.options
  }))
  if (stages.every((entry, i) => entry.options === config.stages[i]!.options)) return config
  const data = {stages: stages.map((entry) => ({[entry.stage]: entry.options})), ...(config.site === undefined ? {} : {site: config.site})}
  return withOverlays(parsePipeline(data, config.source), config.overlays ?? [])
}

/** The pipeline with review overlays applied after it, in order, after any it has (see review/overlay.ts). */
export function withOverlays(config: PipelineConfig, overlays: readonly Overlay[]): PipelineConfig {
  if (overlays.length === 0) return config
  const all = [...(config.overlays ?? []), ...overlays]
  return {...config, overlays: all, hash: jsonKey([config.hash, overlays])}
}

export function buildStages(config: PipelineConfig): ConfiguredStage[] {
  const siteOf = siteResolver(config.site)
  // Lines are joined by one set of wrap widths: normalize's hard-wrap, repair's rewrap, dedup's rejoin.
  const normalizing = config.stages.find((entry) => entry.stage === 'normalize')
  const wrap = wrapWidths(normalizing?.options as NormalizeOptions | undefined)
  const stages = config.stages.map((entry, i) => {
    if (entry.stage === 'dedup') return dedup(entry.options as DedupOptions, {wrap})
    if (entry.stage !== 'boilerplate' && entry.stage !== 'repair') return STAGES[entry.stage]!.create(entry.options as never)
    const later = (stage: string) => config.stages.slice(i + 1).find((next) => next.stage === stage)
    // Their fixed point looks past the in-document copies a later dedup removes.
    const dedupLater = later('dedup')
    const localDedup = dedupLater ? localCopies(dedupLater.options as DedupOptions) : undefined
    if (entry.stage === 'repair') return repair(entry.options as RepairOptions, {localDedup, wrap})
    // Boilerplate's fixed point sees the text as a later repair leaves it (a second clean sees it so).
    const repairing = later('repair')
    const laterRepair = repairing && repair(repairing.options as RepairOptions, {localDedup, wrap})
    return boilerplate(entry.options as BoilerplateOptions, {localDedup, siteOf, wrap, ...(laterRepair ? {repair: laterRepair} : {})})
  })
  return config.overlays ? applyOverlays(stages, config.overlays, siteOf) : stages
}

function describe(
  issue: {code: string; message: string; path: PropertyKey[]; keys?: string[]; expected?: unknown; values?: readonly unknown[]},
  ruleIds: string[]
): string {
  if (issue.code === 'unrecognized_keys') {
    const inRules = issue.path.at(-1) === 'rules'
    return inRules ? `unknown rule; expected one of ${ruleIds.join(', ')}` : 'unknown option'
  }
  if (issue.code === 'invalid_type') return `expected ${String(issue.expected)}`
  // Every union of the stage options is `false` or a mapping (a part turned off, or its settings).
  if (issue.code === 'invalid_union') return 'expected false (off) or a mapping of options'
  // A key of `rules:` that is no rule id of the stage; any other enum (keep.title, policy) says its own choices.
  if (issue.code === 'invalid_key') return `unknown rule; expected one of ${ruleIds.join(', ')}`
  if (issue.code === 'invalid_value' && issue.values) return `expected one of ${issue.values.map(String).join(', ')}`
  return issue.message
}

type Issue = z.core.$ZodIssue

/**
 * An option that is `false` or a mapping fails as a union: name the problem of the
 * mapping (an unknown key, a value out of range) rather than zod's "Invalid input".
 */
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue
  const branches = issue.errors.filter((branch) => branch.length > 0)
  // The branch that got furthest into the value: its issue has the longest path.
  const deepest = branches.flat().sort((a, b) => b.path.length - a.path.length)[0]
  if (!deepest || (deepest.path.length === 0 && deepest.code === 'invalid_value')) return issue
  return innermost({...deepest, path: [...issue.path, ...deepest.path]} as Issue)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
