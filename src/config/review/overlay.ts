/**
 * Review overlays: a reviewer's decisions, written as a small YAML file and
 * applied after the pipeline file (`rinse run --overlay review.yaml`).
 *
 *   version: 1
 *   scopes:
 *     - site: site-b/                      # or `path: news/**\/*.txt`
 *       rulesOff:
 *         - {rule: related-bullet, by: ana, at: 2026-12-07, why: real reading lists}
 *       keep:
 *         - {line: 'Subscribe to read more', by: ana, at: 2026-12-07}
 *       remove:
 *         - {line: 'Advertisement', by: ana, at: 2026-12-07}
 *
 * Validated on load like a pipeline file: a mistake names the file, the key and
 * what was expected. Every entry keeps its file and line, which the report names.
 */
import {LineCounter, parseDocument} from 'yaml'
import {z} from 'zod'
import {readConfigFile} from '../read-config-file.js'
import {ConfigError} from '../../errors.js'
import {STAGES} from '../stages.js'

/** Who decided, when, and why (optional): kept with every entry. */
const signed = {by: z.string().min(1), at: z.string().min(1), why: z.string().optional()}

const overlaySchema = z.strictObject({
  version: z.literal(1),
  scopes: z.array(
    z
      .strictObject({
        site: z.string().min(1).optional(),
        path: z.string().min(1).optional(),
        rulesOff: z.array(z.strictObject({rule: z.string().min(1), ...signed})).optional(),
        keep: z.array(z.strictObject({line: z.string().min(1), ...signed})).optional(),
        remove: z.array(z.strictObject({line: z.string().min(1), ...signed})).optional()
      })
      .refine((scope) => (scope.site === undefined) !== (scope.path === undefined), {
        message: 'expected exactly one of `site` (a first folder, `site-b/`) or `path` (a glob, `news/**`)'
      })
  )
})

/** What every entry carries: where it was written and who decided it. */
export interface EntryOrigin {
  /** `FILE:LINE` of the entry in its overlay file: how the report names it. */
  id: string
  by: string
  at: string
  why?: string
}

export type EntryKind = 'rulesOff' | 'keep' | 'remove'

export interface RuleOff extends EntryOrigin {
  /** A rule id (`related-bullet`) or `stage/rule`. */
  rule: string
}

export interface LineEntry extends EntryOrigin {
  /** The line's text as written (matched with its spacing collapsed, see `lineKey`). */
  line: string
}

export interface OverlayScope {
  /** A site (a first folder under IN, without the slash) or a path glob; exactly one. */
  site?: string
  path?: string
  rulesOff: RuleOff[]
  keep: LineEntry[]
  remove: LineEntry[]
}

/** An overlay as plain data: it travels to worker threads with the pipeline config. */
export interface Overlay {
  source: string
  scopes: OverlayScope[]
}

export const ENTRY_KINDS: readonly EntryKind[] = ['rulesOff', 'keep', 'remove']

export async function loadOverlayFile(path: string): Promise<Overlay> {
  return parseOverlayText(await readConfigFile(path, 'overlay file'), path)
}

/** An overlay from YAML (or JSON) text; `source` names it in errors and in the report. */
export function parseOverlayText(text: string, source = '<inline>'): Overlay {
  const lines = new LineCounter()
  const document = parseDocument(text, {lineCounter: lines})
  if (document.errors.length > 0) throw new ConfigError(source, '', `not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`)
  const lineOf = (path: Array<string | number>): number => {
    const node = document.getIn(path, true) as {range?: [number, number, number]} | undefined
    return node?.range ? lines.linePos(node.range[0]).line : 0
  }
  return parseOverlay(document.toJS(), source, lineOf)
}

/** Validate an overlay given as data; `lineOf` finds an entry's line in its file (0 when there is no file). */
export function parseOverlay(data: unknown, source = '<inline>', lineOf: (path: Array<string | number>) => number = () => 0): Overlay {
  const parsed = overlaySchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = keyOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path)
    throw new ConfigError(source, key, describe(issue, data))
  }
  const rules = knownRules()
  const scopes = parsed.data.scopes.map((scope, s): OverlayScope => {
    const origin = (kind: EntryKind, i: number, entry: {by: string; at: string; why?: string | undefined}): EntryOrigin => ({
      id: `${source}:${lineOf(['scopes', s, kind, i])}`,
      by: entry.by,
      at: entry.at,
      ...(entry.why === undefined ? {} : {why: entry.why})
    })
    const rulesOff = (scope.rulesOff ?? []).map((entry, i): RuleOff => {
      if (!rules.has(entry.rule))
        throw new ConfigError(
          source,
          `scopes[${s}].rulesOff[${i}].rule`,
          `unknown rule \`${entry.rule}\`; expected a rule id of docs/rules.md`
        )
      return {...origin('rulesOff', i, entry), rule: entry.rule}
    })
    const lineEntries = (kind: 'keep' | 'remove') =>
      (scope[kind] ?? []).map((entry, i): LineEntry => {
        if (entry.line.includes('\n')) throw new ConfigError(source, `scopes[${s}].${kind}[${i}].line`, 'expected one line (no line break)')
        return {...origin(kind, i, entry), line: entry.line}
      })
    return {
      ...(scope.site === undefined ? {} : {site: scope.site.replace(/\/+$/, '')}),
      ...(scope.path === undefined ? {} : {path: scope.path}),
      rulesOff,
      keep: lineEntries('keep'),
      remove: lineEntries('remove')
    }
  })
  return {source, scopes}
}

/** Every rule id of the stage catalog, bare and as `stage/rule`. */
function knownRules(): Set<string> {
  const ids = new Set<string>()
  for (const [stage, spec] of Object.entries(STAGES)) {
    for (const rule of spec.rules) ids.add(rule.id).add(`${stage}/${rule.id}`)
  }
  return ids
}

function keyOf(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('')
}

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'unrecognized_keys') return 'unknown key; expected version, scopes (site or path, rulesOff, keep, remove; by, at, why)'
  if (issue.code === 'invalid_type') {
    const missing = valueAt(data, issue.path) === undefined
    return `${missing ? 'missing; ' : ''}expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`
  }
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`
  if (issue.code === 'too_small') return 'expected a non-empty value'
  return issue.message
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const part of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[part] : undefined
  return value
}
