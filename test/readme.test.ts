/** The README documents every rule and shows the two commands a newcomer needs. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {STAGES} from '../src/index.js'

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')

describe('README', () => {
  it('lists every rule id with its stage in the Messages table', () => {
    const table = readme.slice(readme.indexOf('<!-- messages:start -->'), readme.indexOf('<!-- messages:end -->'))
    for (const spec of Object.values(STAGES)) {
      for (const rule of spec.rules) expect(table).toContain(`| \`${rule.id}\` | ${spec.name} |`)
    }
  })

  it('shows the install-and-run and install-and-test commands', () => {
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm ci && npm test')
  })
})
