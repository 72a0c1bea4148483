#!/usr/bin/env node
// Development tool: clean every raw devset page (or every file of --dir) with this build
// and with another build's dist/, one document at a time with the default pipeline, and
// list the pages whose cleaned text or edits differ. For checking that a change keeps
// every decision (or changes only the ones it means to).
//   node scripts/compare-builds.mjs --other ../other-checkout/dist [--part wcxb ...] [--dir DIR] [--text-only]
// --text-only compares the cleaned texts alone (for a change that renames rules or splits edits).
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {pathToFileURL} from 'node:url'

const {values} = parseArgs({
  options: {
    other: {type: 'string'},
    'text-only': {type: 'boolean'},
    part: {type: 'string', multiple: true},
    dir: {type: 'string', multiple: true}
  }
})
if (!values.other) throw new Error('--other DIST is required')
const devset = new URL('../../shared/devset/', import.meta.url).pathname
const folders =
  values.dir ??
  (values.part ?? readdirSync(devset).filter((name) => existsSync(join(devset, name, 'manifest.tsv')))).map((part) => join(devset, part))
const load = async (dist) => {
  const rinse = await import(pathToFileURL(join(resolve(dist), 'index.js')).href)
  return rinse.createPipeline(rinse.DEFAULT_PIPELINE)
}
const ours = await load(new URL('../dist', import.meta.url).pathname)
const theirs = await load(values.other)
const key = (result) =>
  values['text-only']
    ? result.text
    : JSON.stringify([result.text, result.edits.map((edit) => [edit.rule, edit.start, edit.end, edit.replacement ?? ''])])
let pages = 0
const differ = []
for (const folder of folders) {
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.raw.txt') || (values.dir && file.endsWith('.txt')))
    .sort()) {
    const text = readFileSync(join(folder, name), 'utf8')
    pages++
    if (key(ours.clean(text, name)) !== key(theirs.clean(text, name))) differ.push(join(folder, name))
  }
}
console.log(`${pages} pages, ${differ.length} differ`)
for (const path of differ) console.log(`  ${path}`)
