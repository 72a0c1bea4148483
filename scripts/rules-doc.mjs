#!/usr/bin/env node
// The Messages table of docs/rules.md, generated from the stage catalog (STAGES) so that
// it lists every rule the code has, with the example and reason the code reports.
//   npm run build && node scripts/rules-doc.mjs           print the table
//   npm run build && node scripts/rules-doc.mjs --write   put it into docs/rules.md
// test/readme.test.ts fails when docs/rules.md holds another table than this one.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

export const START = '<!-- messages:start -->'
export const END = '<!-- messages:end -->'

/** One row per rule, stage by stage in pipeline order, as in `STAGES`; each id is an anchor (the plugins' message urls point at it). */
export function rulesTable(stages) {
  const rows = ['| rule id | stage | example | reason |', '| --- | --- | --- | --- |']
  for (const spec of Object.values(stages)) {
    for (const rule of spec.rules)
      rows.push(`| <a id="${rule.id}"></a>\`${rule.id}\` | ${spec.name} | ${rule.example.replaceAll('|', '\\|')} | ${rule.reason} |`)
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
