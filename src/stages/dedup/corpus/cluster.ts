/** Union-find over document ids (path halving, union by size). */
export class UnionFind {
  private readonly parent: Int32Array
  private readonly size: Int32Array

  constructor(n: number) {
    this.parent = new Int32Array(n)
    this.size = new Int32Array(n).fill(1)
    for (let i = 0; i < n; i++) this.parent[i] = i
  }

  find(x: number): number {
    const parent = this.parent
    while (parent[x] !== x) {
      const up = parent[parent[x]!]!
      parent[x] = up
      x = up
    }
    return x
  }

  /** Joins the sets of `a` and `b`; returns false when they were already one. */
  union(a: number, b: number): boolean {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return false
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra]! += this.size[rb]!
    return true
  }
}
