/**
 * Array helpers for input-sized arrays: `push(...items)` and `Math.max(...items)`
 * pass every item as an argument, and overflow the stack past about 125,000 items.
 */

/** Append every item of `items` to `target`, one at a time. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}

/** The largest of `values`, or `floor` when it is larger (or `values` is empty). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor
  for (const value of values) if (value > max) max = value
  return max
}

/** The smallest of `values`, or `ceiling` when it is smaller (or `values` is empty). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling
  for (const value of values) if (value < min) min = value
  return min
}
