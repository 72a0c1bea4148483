/** DOM helpers of the report page: every piece of document text goes in as a text node, never as HTML. */

/** The element `selector` finds; the page's own markup always has it. */
export function q<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T {
  return root.querySelector<T>(selector)!
}

/** The element, or null when it may be absent (a view not shown). */
export function find<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T | null {
  return root.querySelector<T>(selector)
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string | null,
  text?: string | number | null
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (cls) node.className = cls
  if (text !== undefined && text !== null) node.textContent = String(text)
  return node
}

export type Child = Node | string | null | undefined

export function add<T extends Node>(parent: T, ...children: Child[]): T {
  for (const child of children) {
    if (child !== null && child !== undefined) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return parent
}

export function link(text: string, href: string, cls?: string): HTMLAnchorElement {
  const a = el('a', cls, text)
  a.href = href
  return a
}

export function withTestId<T extends HTMLElement>(node: T, testid: string): T {
  node.setAttribute('data-testid', testid)
  return node
}

export function pct(x: number): string {
  return isFinite(x) ? (x * 100).toFixed(1) + '%' : '-'
}

export function int(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let i = 0
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024
    i++
  }
  return i === 0 ? int(n) + ' B' : n.toFixed(n >= 100 ? 0 : 1) + ' ' + units[i]
}

export function fileHref(path: string): string {
  return '#/file/' + encodeURIComponent(path)
}

export function cleanedHref(path: string): string {
  return 'cleaned/' + path.split('/').map(encodeURIComponent).join('/')
}
