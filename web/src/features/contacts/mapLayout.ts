/**
 * Where the cards of the relationship map go. With no stored positions the chart is laid out as a
 * tidy top-down tree (each manager centred over the people below them, separate trees side by side,
 * people without lines in a grid underneath). Once someone has arranged the cards, only newcomers are
 * placed: under their manager when they have one, otherwise below everyone, never on top of a card.
 */
export interface XY {
  x: number;
  y: number;
}
export interface LayoutItem {
  id: string;
  parentId: string | null;
  width: number;
  x: number | null;
  y: number | null;
}

export const NODE_HEIGHT = 88;
const H_GAP = 28;
const TREE_GAP = 72;
const LEVEL = NODE_HEIGHT + 52;
const MARGIN = 16;

/** Card width grows with influence (1..5), so the people who matter most stand out. */
export function nodeWidth(influence: number | null): number {
  return 196 + ((influence ?? 1) - 1) * 14;
}

export function treeLayout(items: LayoutItem[]): Map<string, XY> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const children = new Map<string, LayoutItem[]>();
  const roots: LayoutItem[] = [];
  for (const item of items) {
    const parent = item.parentId && item.parentId !== item.id ? byId.get(item.parentId) : undefined;
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), item]);
    else roots.push(item);
  }
  const widths = new Map<string, number>();
  const seen = new Set<string>();
  const span = (item: LayoutItem): number => {
    const known = widths.get(item.id);
    if (known !== undefined) return known;
    seen.add(item.id);
    const kids = (children.get(item.id) ?? []).filter((k) => !seen.has(k.id));
    const below = kids.reduce((sum, k) => sum + span(k), 0) + H_GAP * Math.max(0, kids.length - 1);
    const width = Math.max(item.width, below);
    widths.set(item.id, width);
    return width;
  };
  const positions = new Map<string, XY>();
  let deepest = -1;
  const place = (item: LayoutItem, left: number, depth: number) => {
    if (positions.has(item.id)) return;
    const width = span(item);
    positions.set(item.id, { x: left + (width - item.width) / 2, y: depth * LEVEL });
    deepest = Math.max(deepest, depth);
    const kids = children.get(item.id) ?? [];
    const total = kids.reduce((sum, k) => sum + span(k), 0) + H_GAP * Math.max(0, kids.length - 1);
    let cursor = left + (width - total) / 2;
    for (const kid of kids) {
      place(kid, cursor, depth + 1);
      cursor += span(kid) + H_GAP;
    }
  };

  const trees = roots.filter((r) => children.has(r.id));
  const singles = roots.filter((r) => !children.has(r.id));
  let cursor = 0;
  for (const root of trees) {
    place(root, cursor, 0);
    cursor += span(root) + TREE_GAP;
  }
  const treesWidth = Math.max(0, cursor - TREE_GAP);
  if (singles.length) {
    const cell = Math.max(...singles.map((s) => s.width)) + H_GAP;
    const columns = trees.length ? Math.max(3, Math.min(6, Math.floor(treesWidth / cell))) : Math.min(4, singles.length);
    const gridWidth = Math.min(columns, singles.length) * cell - H_GAP;
    const offset = Math.max(0, (treesWidth - gridWidth) / 2);
    const top = trees.length ? (deepest + 1) * LEVEL + 24 : 0;
    singles.forEach((s, i) => {
      positions.set(s.id, { x: offset + (i % columns) * cell, y: top + Math.floor(i / columns) * (NODE_HEIGHT + 40) });
    });
  }
  return positions;
}

interface Rect extends XY {
  width: number;
}
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width + MARGIN && b.x < a.x + a.width + MARGIN && a.y < b.y + NODE_HEIGHT + MARGIN && b.y < a.y + NODE_HEIGHT + MARGIN;

/** Stored positions where there are any; the tidy tree when there are none. */
export function placeNodes(items: LayoutItem[]): Map<string, XY> {
  const stored = items.filter((i) => i.x !== null && i.y !== null);
  if (stored.length === 0) return treeLayout(items);
  const positions = new Map<string, XY>(stored.map((i) => [i.id, { x: i.x!, y: i.y! }]));
  const placed: Rect[] = stored.map((i) => ({ x: i.x!, y: i.y!, width: i.width }));
  const byId = new Map(items.map((i) => [i.id, i]));
  const depth = (item: LayoutItem) => {
    let d = 0;
    for (let p = item.parentId; p && d < items.length; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  const newcomers = items.filter((i) => !positions.has(i.id)).sort((a, b) => depth(a) - depth(b));
  for (const item of newcomers) {
    const manager = item.parentId ? positions.get(item.parentId) : undefined;
    const bottom = Math.max(...placed.map((p) => p.y)) + NODE_HEIGHT + 60;
    const spot: Rect = manager
      ? { x: manager.x, y: manager.y + LEVEL, width: item.width }
      : { x: Math.min(...placed.map((p) => p.x)), y: bottom, width: item.width };
    for (let tries = 0; tries < 500 && placed.some((p) => overlaps(p, spot)); tries++) spot.x += 48;
    positions.set(item.id, { x: spot.x, y: spot.y });
    placed.push(spot);
  }
  return positions;
}
