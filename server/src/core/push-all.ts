// Appends one array to another without spreading it into arguments: `push(...xs)` passes every
// element on the call stack, and an input with a few hundred thousand of something (YAML errors,
// statements, containers — a 2 MB file has room for them) overflows it.

/** Appends every item of `items` to `to`; returns `to`. */
export function pushAll<T>(to: T[], items: readonly T[]): T[] {
  for (const item of items) to.push(item);
  return to;
}
