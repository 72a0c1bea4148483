/** Decisions as a review overlay (docs/review.md): what `rinse run --overlay` applies to the next run. */
import {scopeLabel, type Decision, type Scope} from './review-store.js'

interface Entry {
  key: string
  fields: Array<[string, string]>
}

interface ScopeEntries {
  scope: Scope
  rulesOff: Entry[]
  keep: Entry[]
  remove: Entry[]
}

/** A YAML scalar: JSON's double-quoted strings are YAML's too. */
const quote = (text: string): string => JSON.stringify(text)

export function overlayYaml(decisions: readonly Decision[], reviewer: string, header: string): string {
  const scopes = new Map<string, ScopeEntries>()
  const by = reviewer.trim() || 'reviewer'
  const put = (scope: Scope, kind: 'rulesOff' | 'keep' | 'remove', key: string, fields: Array<[string, string]>): void => {
    const id = ('site' in scope ? 'site:' : 'path:') + scopeLabel(scope)
    let entries = scopes.get(id)
    if (!entries) scopes.set(id, (entries = {scope, rulesOff: [], keep: [], remove: []}))
    if (!entries[kind].some((entry) => entry.key === key)) entries[kind].push({key, fields})
  }
  let confirmed = 0
  for (const decision of decisions) {
    const signed = (why: string): Array<[string, string]> => [
      ['by', by],
      ['at', decision.at],
      ['why', why]
    ]
    if (decision.kind === 'confirm') confirmed++
    else if (decision.kind === 'rulesOff')
      put(decision.scope, 'rulesOff', decision.rule, [
        ['rule', decision.rule],
        ...signed('wrong on ' + scopeLabel(decision.scope) + ' (seen in ' + decision.doc + ')')
      ])
    else if (decision.kind === 'keep')
      for (const line of decision.lines)
        put(decision.scope, 'keep', line, [['line', line], ...signed('wrongly removed by ' + decision.rule + ' in ' + decision.doc)])
    else put(decision.scope, 'remove', decision.line, [['line', decision.line], ...signed('always remove (seen in ' + decision.doc + ')')])
  }
  const lines = [...header.split('\n').map((line) => '# ' + line)]
  if (confirmed) lines.push('# ' + confirmed + ' change' + (confirmed === 1 ? '' : 's') + ' confirmed (nothing to apply)')
  lines.push('version: 1', scopes.size ? 'scopes:' : 'scopes: []')
  for (const {scope, ...kinds} of scopes.values()) {
    lines.push('  - ' + ('site' in scope ? 'site: ' + quote(scope.site) : 'path: ' + quote(scope.path)))
    for (const kind of ['rulesOff', 'keep', 'remove'] as const) {
      if (!kinds[kind].length) continue
      lines.push('    ' + kind + ':')
      for (const entry of kinds[kind])
        lines.push('      - {' + entry.fields.map(([name, value]) => name + ': ' + quote(value)).join(', ') + '}')
    }
  }
  return lines.join('\n') + '\n'
}
