/**
 * Reports-to lines of one account's stakeholders, as a map from a person to their manager (or null).
 * Pure functions: the server checks a change with them, and the web app checks a connection drawn on
 * the map before sending it.
 */
export type ParentMap = ReadonlyMap<string, string | null>;

/** The managers above `id`, nearest first (stops if the data already loops). */
export function managersAbove(parents: ParentMap, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set([id]);
  for (let at = parents.get(id) ?? null; at !== null && !seen.has(at); at = parents.get(at) ?? null) {
    chain.push(at);
    seen.add(at);
  }
  return chain;
}

/** Would `id` reporting to `managerId` close a circle (including reporting to oneself)? */
export function wouldCreateCycle(parents: ParentMap, id: string, managerId: string | null): boolean {
  if (managerId === null) return false;
  return managerId === id || managersAbove(parents, managerId).includes(id);
}

/** A circle of reports-to lines, in order, or null when the lines form a forest. */
export function findCycle(parents: ParentMap): string[] | null {
  const done = new Set<string>();
  for (const start of parents.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | null = start;
    while (at !== null && !done.has(at)) {
      const index = onPath.get(at);
      if (index !== undefined) return path.slice(index);
      onPath.set(at, path.length);
      path.push(at);
      at = parents.get(at) ?? null;
    }
    for (const id of path) done.add(id);
  }
  return null;
}
