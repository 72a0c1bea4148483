#!/usr/bin/env node
// The report page's script: src/report/html/client/*.ts bundled into one classic
// script, dist/report/html/client.js, which the page inlines (it must work from
// file://, so no modules). Part of `npm run build`; esbuild strips the types, and
// `npm run typecheck` checks them (src/report/html/client/tsconfig.json).
import {build} from 'esbuild'

await build({
  entryPoints: [new URL('../src/report/html/client/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/report/html/client.js', import.meta.url).pathname,
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  // Every report carries it: minified, 22 kB instead of 41 kB.
  minify: true,
  logLevel: 'warning'
})
