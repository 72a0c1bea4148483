/** A reviewer's decisions on one run, kept in localStorage under the run's id so they survive a reload. */

/** Where a decision applies: a site (a first folder under IN), or one path for a document at the top of IN. */
export type Scope = {site: string} | {path: string}

interface Made {
  /** When it was decided: an ISO date (YYYY-MM-DD). */
  at: string
  /** The document it was made on. */
  doc: string
}

export type Decision =
  | (Made & {kind: 'keep'; scope: Scope; edit: number; rule: string; lines: string[]})
  | (Made & {kind: 'confirm'; edit: number; rule: string})
  | (Made & {kind: 'rulesOff'; scope: Scope; rule: string})
  | (Made & {kind: 'remove'; scope: Scope; line: string})

export interface Store {
  decisions: Decision[]
  reviewer: string
  add(decision: Decision): void
  undo(index: number): void
  setReviewer(name: string): void
}

/**
 * A document's scope: the site its report entry names (its first folder, or its
 * group of the pipeline's `site` pattern, as the overlay's scopes match it), or
 * its own path when it has none.
 */
export function scopeOf(site: string | undefined, path: string): Scope {
  return site ? {site: site + '/'} : {path}
}

export function scopeLabel(scope: Scope): string {
  return 'site' in scope ? scope.site : scope.path
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Storage off (a private window): the decisions last as long as the page.
  }
}

/** The decisions stored under a key; none when there are none or they cannot be read. */
function stored(key: string): Decision[] {
  try {
    const list = JSON.parse(read(key) ?? '[]') as unknown
    return Array.isArray(list) ? list.filter((decision): decision is Decision => typeof decision === 'object' && decision !== null) : []
  } catch {
    return []
  }
}

export function reviewStore(run: string): Store {
  const key = 'rinse-review:' + run
  const save = (): void => write(key, JSON.stringify(self.decisions))
  const self: Store = {
    decisions: stored(key),
    reviewer: read('rinse-review:by') ?? '',
    add(decision) {
      self.decisions.push(decision)
      save()
    },
    undo(index) {
      self.decisions.splice(index, 1)
      save()
    },
    setReviewer(name) {
      self.reviewer = name
      write('rinse-review:by', name)
    }
  }
  return self
}
