/**
 * The README and docs/ stay true to the code: the two commands a newcomer needs,
 * every CLI option in the README, every rule in docs/rules.md (the table as the
 * code generates it), links that resolve, and pipeline examples that load.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {describe, expect, it} from 'vitest'
import {parseOverlayText, parsePipeline, STAGES} from '../src/index.js'

const root = join(import.meta.dirname, '..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const readme = read('README.md')
const docs = ['README.md', ...readdirSync(join(root, 'docs')).map((name) => `docs/${name}`)].filter((path) => path.endsWith('.md'))

// The same table the script writes, built from the source catalog (no build needed).
const rulesDoc: {rulesTable(stages: typeof STAGES): string; withTable(doc: string, table: string): string} = await import(
  pathToFileURL(join(root, 'scripts', 'rules-doc.mjs')).href
)

/** The TypeScript sources of a folder, recursively. */
function cliSources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory()
      ? cliSources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : []
  )
}

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchors(markdown: string): Set<string> {
  const outside = markdown.replace(/^```[\s\S]*?^```/gm, '')
  const headings = [...outside.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!))
  const ids = [...outside.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]!)
  return new Set([...headings, ...ids])
}

describe('README', () => {
  it('shows the install-and-run and install-and-test commands', () => {
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm ci && npm test')
  })

  it('stays a user guide of at most 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250)
  })

  it('names every option the command line declares (src/cli)', () => {
    const declared = cliSources(join(root, 'src', 'cli')).flatMap((source) =>
      [...source.matchAll(/(?:\.(?:option|requiredOption)\(|new Option\()\s*'(?:-\w, )?(--[\w-]+)/g)].map((match) => match[1]!)
    )
    expect(declared.length).toBeGreaterThan(20)
    for (const option of new Set(declared)) expect(readme, option).toMatch(new RegExp(`(?<![\\w-])${option}(?![\\w-])`))
  })

  it('links the Messages table in docs/rules.md', () => {
    expect(readme).toContain('](docs/rules.md#messages)')
  })
})

describe('docs/rules.md', () => {
  const rules = read('docs/rules.md')
  const table = rules.slice(rules.indexOf('<!-- messages:start -->'), rules.indexOf('<!-- messages:end -->'))

  it('lists every rule id with its stage in the Messages table, linked to a source file that exists', () => {
    for (const spec of Object.values(STAGES)) {
      for (const rule of spec.rules) {
        const row = new RegExp(`\\| <a id="${rule.id}"></a>\\[\`${rule.id}\`\\]\\(([^)]+)\\) \\| ${spec.name} \\|`).exec(table)
        expect(row, rule.id).not.toBeNull()
        expect(existsSync(join(root, 'docs', row![1]!)), row![1]).toBe(true)
      }
    }
  })

  it('holds the Messages table the code generates (npm run build && node scripts/rules-doc.mjs --write)', () => {
    expect(rulesDoc.withTable(rules, rulesDoc.rulesTable(STAGES))).toBe(rules)
  })
})

describe('docs', () => {
  it('has the pages the README links', () => {
    for (const page of ['rules', 'report-format', 'batch-runs', 'distributed', 'architecture', 'performance', 'development'])
      expect(readme).toContain(`](docs/${page}.md)`)
  })

  for (const path of docs) {
    it(`${path}: every relative link points at a file and heading that exist`, () => {
      const text = read(path)
      const outside = text.replace(/^```[\s\S]*?^```/gm, '')
      for (const [, target] of outside.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue
        const [file, anchor] = target!.split('#')
        const linked = file ? join(dirname(join(root, path)), file) : join(root, path)
        expect(existsSync(linked), `${path} → ${target}`).toBe(true)
        if (anchor) expect(anchors(readFileSync(linked, 'utf8')), `${path} → ${target}`).toContain(anchor)
      }
    })

    it(`${path}: every YAML example is a valid pipeline (or review overlay)`, () => {
      for (const [, yaml] of read(path).matchAll(/^```yaml\n([\s\S]*?)^```/gm)) {
        if (yaml!.startsWith('version:')) expect(() => parseOverlayText(yaml!, path)).not.toThrow()
        else expect(() => parsePipeline(parseYaml(yaml!), path)).not.toThrow()
      }
    })
  }
})
