#!/usr/bin/env node
// The normalize stage alone, in process, over real pages: every raw page of ../shared/devset
// (or the .txt files of --dir), cleaned with `stages: [normalize]`, best of --rounds.
// With --other DIST, the same pages through another build, rounds alternating, to compare
// two builds in one run (this machine's speed moves a lot between runs).
//   npm run build && node bench/normalize-speed.mjs [--other ../base/dist] [--rounds 5] [--dir DIR]
import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {pageFiles} from './devset-pages.mjs'
import {pathToFileURL} from 'node:url'

const {values} = parseArgs({options: {other: {type: 'string'}, rounds: {type: 'string', default: '5'}, dir: {type: 'string'}}})
const files = pageFiles(values.dir)
const texts = files.map((file) => readFileSync(file, 'utf8'))
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6

const load = async (dist, label) => {
  const rinse = await import(pathToFileURL(join(resolve(dist), 'index.js')).href)
  return {label, pipeline: rinse.createPipeline({stages: ['normalize']}), best: Infinity}
}
const builds = [await load(new URL('../dist', import.meta.url).pathname, 'this build')]
if (values.other) builds.push(await load(values.other, values.other))
for (let round = 0; round < Number(values.rounds); round++) {
  for (const build of builds) {
    const t0 = performance.now()
    for (const text of texts) build.pipeline.clean(text)
    build.best = Math.min(build.best, performance.now() - t0)
  }
}
console.log(`${texts.length} pages, ${megabytes.toFixed(1)} MB, best of ${values.rounds} rounds`)
for (const build of builds)
  console.log(`  ${build.label}: ${(build.best / 1000).toFixed(2)} s, ${(megabytes / (build.best / 1000)).toFixed(1)} MB/s`)
