// The statechart as an SVG drawn on the server from the machine definition, with the current state highlighted.
import { machineStructure, type MachineStructure } from '../../../workflows';

const BOX_W = 150;
const BOX_H = 44;
const COL_GAP = 46;
const ROW_GAP = 26;
const PAD = 12;

export interface DiagramNode {
  name: string;
  label: string;
  x: number;
  y: number;
  current: boolean;
  final: boolean;
}

export interface DiagramEdge {
  d: string;
  title: string;
  back: boolean;
  faint: boolean;
}

export interface Diagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Column of each state: its distance from the initial state (final states go to the last column). */
function columns(s: MachineStructure, sideEvents: ReadonlySet<string>): Map<string, number> {
  const col = new Map<string, number>([[s.initial, 0]]);
  const queue = [s.initial];
  while (queue.length > 0) {
    const from = queue.shift() ?? '';
    for (const e of s.edges) {
      if (e.from !== from || col.has(e.to) || sideEvents.has(e.event)) continue;
      col.set(e.to, (col.get(from) ?? 0) + 1);
      queue.push(e.to);
    }
  }
  const last = Math.max(...col.values()) + 1;
  for (const st of s.states) if (st.final || !col.has(st.name)) col.set(st.name, last);
  return col;
}

/**
 * Lays the states out left to right by their distance from the start. Edges that go back (a return to the
 * province, a new review round) are drawn as arcs below; the always-possible withdrawals are drawn faint.
 */
export function diagram(current: string, label: (state: string) => string, eventLabel: (e: string) => string): Diagram {
  const s = machineStructure();
  const side = new Set(['WITHDRAW', 'ABANDON_AMENDMENT']);
  const col = columns(s, side);
  const rows = new Map<number, number>();
  const nodes: DiagramNode[] = s.states.map((st) => {
    const c = col.get(st.name) ?? 0;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    return { name: st.name, label: label(st.name), x: PAD + c * (BOX_W + COL_GAP), y: PAD + r * (BOX_H + ROW_GAP), current: st.name === current, final: st.final };
  });
  const at = new Map(nodes.map((n) => [n.name, n]));
  const edges: DiagramEdge[] = [];
  for (const e of s.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const back = b.x <= a.x;
    const title = `${label(e.from)} → ${label(e.to)}: ${eventLabel(e.event)}`;
    if (!back) {
      const [x1, y1, x2, y2] = [a.x + BOX_W, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2];
      const mx = (x1 + x2) / 2;
      edges.push({ d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2 - 2},${y2}`, title, back, faint: side.has(e.event) });
    } else {
      const [x1, y1, x2, y2] = [a.x + BOX_W / 2, a.y + BOX_H, b.x + BOX_W / 2 + 10, b.y + BOX_H];
      const dip = Math.max(a.y, b.y) + BOX_H + 18 + Math.abs(x1 - x2) / 12;
      edges.push({ d: `M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y2 + 2}`, title, back, faint: side.has(e.event) });
    }
  }
  const width = Math.max(...nodes.map((n) => n.x)) + BOX_W + PAD;
  const height = Math.max(...nodes.map((n) => n.y)) + BOX_H + PAD + 40;
  return { width, height, nodes, edges };
}

export const DIAGRAM_BOX = { w: BOX_W, h: BOX_H };
