#!/usr/bin/env node
// The Messages table of docs/rules.md, generated from the stage catalog (STAGES) so that
// it lists every rule the code has, with the example and reason the code reports.
//   npm run build && node scripts/rules-doc.mjs           print the table
//   npm run build && node scripts/rules-doc.mjs --write   put it into docs/rules.md
// test/readme.test.ts fails when docs/rules.md holds another table than this one.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {pathToFileURL} from 'node:url'

export const START = '<!-- messages:start -->'
export const END = '<!-- messages:end -->'

const ROOT = join(import.meta.dirname, '..')

/** Every TypeScript file under `folder`, index.ts files last. */
function sources(folder) {
  const files = readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.ts'))
  return files
    .sort((a, b) => Number(a.endsWith('index.ts')) - Number(b.endsWith('index.ts')) || a.localeCompare(b))
    .map((name) => join(folder, name))
}

/** Where a rule's logic is: `rules/<id>.ts` when it has a file of its own, else the first module that names it. */
function sourceOf(stage, id) {
  const folder = join(ROOT, 'src', 'stages', stage)
  const own = join(folder, 'rules', `${id}.ts`)
  const file = existsSync(own) ? own : sources(folder).find((path) => readFileSync(path, 'utf8').includes(`'${id}'`))
  return relative(join(ROOT, 'docs'), file ?? join(folder, 'index.ts'))
}

/**
 * One row per rule, stage by stage in pipeline order, as in `STAGES`; each id is an
 * anchor (the plugins' message urls point at it) and links to the rule's source.
 */
export function rulesTable(stages) {
  const rows = ['| rule id | stage | example | reason |', '| --- | --- | --- | --- |']
  for (const spec of Object.values(stages)) {
    for (const rule of spec.rules) {
      const id = `<a id="${rule.id}"></a>[\`${rule.id}\`](${sourceOf(spec.name, rule.id)})`
      rows.push(`| ${id} | ${spec.name} | ${rule.example.replaceAll('|', '\\|')} | ${rule.reason} |`)
    }
  }
  return rows.join('\n')
}

/** The document with the text between the markers replaced by the table. */
export function withTable(doc, table) {
  const start = doc.indexOf(START)
  const end = doc.indexOf(END)
  if (start === -1 || end < start) throw new Error(`no ${START} … ${END} block`)
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {STAGES} = await import('../dist/index.js')
  const table = rulesTable(STAGES)
  if (process.argv.includes('--write')) {
    const file = join(import.meta.dirname, '..', 'docs', 'rules.md')
    writeFileSync(file, withTable(readFileSync(file, 'utf8'), table))
  } else {
    console.log(table)
  }
}
