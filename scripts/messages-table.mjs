#!/usr/bin/env node
// Print the README's Messages table from the stage catalog (run `npm run build` first).
import {STAGES} from '../dist/index.js'

console.log('| rule id | stage | example | reason |')
console.log('| --- | --- | --- | --- |')
for (const spec of Object.values(STAGES)) {
  for (const rule of spec.rules) console.log(`| \`${rule.id}\` | ${spec.name} | ${rule.example.replaceAll('|', '\\|')} | ${rule.reason} |`)
}
