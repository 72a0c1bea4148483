/** Where a rule is documented: its entry in the package's docs/rules.md (shipped with the package). */
const RULES_DOC = new URL('../../docs/rules.md', import.meta.url).href

export function ruleUrl(rule: string): string {
  return `${RULES_DOC}#${rule.replaceAll(/[^a-z0-9-]/g, '-')}`
}
