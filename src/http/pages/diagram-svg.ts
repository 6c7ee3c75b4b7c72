// The statechart as an SVG drawn on the server from the machine definition, with the current state highlighted.
import { machineStructure } from '../../../workflows';

const BOX_W = 220;
const BOX_H = 34;
const ROW = 50;
const ARC = 16;
const PAD = 10;

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
  /** Steps possible from many states (withdrawing), said once beside the chart instead of an arc from each. */
  sideSteps: { event: string; label: string; to: string; from: string[] }[];
}

/** Withdrawing is possible from every step before signing: said once, not drawn from each box, so the path stays readable. */
const SIDE_EVENTS = new Set(['WITHDRAW', 'ABANDON_AMENDMENT']);

/**
 * One box per state, top to bottom in the machine's own order (which follows the approval path). A step to the
 * next state is a short arrow; longer steps forward are arcs on the right, steps back (a return to the province,
 * a new review round) dashed arcs on the left, each arc as wide as the distance it spans.
 */
export function diagram(
  current: string,
  label: (state: string) => string,
  eventLabel: (e: string) => string,
): Diagram {
  const s = machineStructure();
  const span = s.states.length;
  const left = PAD + ARC * (span / 2) + 20;
  const nodes: DiagramNode[] = s.states.map((st, i) => ({
    name: st.name,
    label: label(st.name),
    x: left,
    y: PAD + i * ROW,
    current: st.name === current,
    final: st.final,
  }));
  const row = new Map(s.states.map((st, i) => [st.name, i]));
  const edges: DiagramEdge[] = [];
  const side = new Map<string, { event: string; label: string; to: string; from: string[] }>();
  for (const e of s.edges) {
    if (SIDE_EVENTS.has(e.event) && e.from !== e.to) {
      const k = `${e.event} ${e.to}`;
      const entry = side.get(k) ?? { event: e.event, label: eventLabel(e.event), to: label(e.to), from: [] };
      entry.from.push(label(e.from));
      side.set(k, entry);
      continue;
    }
    const [i, j] = [row.get(e.from), row.get(e.to)];
    if (i === undefined || j === undefined || i === j) continue;
    const title = `${label(e.from)} → ${label(e.to)}: ${eventLabel(e.event)}`;
    const faint = SIDE_EVENTS.has(e.event);
    const [y1, y2] = [PAD + i * ROW + BOX_H / 2, PAD + j * ROW + BOX_H / 2];
    if (j === i + 1 && !faint) {
      edges.push({
        d: `M${left + BOX_W / 2},${PAD + i * ROW + BOX_H} L${left + BOX_W / 2},${PAD + j * ROW - 1}`,
        title,
        back: false,
        faint,
      });
    } else if (j > i) {
      const x = left + BOX_W;
      const out = x + ARC * Math.min(j - i, 12) * (faint ? 0.6 : 1) + 8;
      edges.push({
        d: `M${x},${y1 - 6} C${out},${y1 - 6} ${out},${y2 + 6} ${x + 1},${y2 + 6}`,
        title,
        back: false,
        faint,
      });
    } else {
      const out = left - ARC * Math.min(i - j, 12) * 0.5 - 12;
      edges.push({
        d: `M${left},${y1 + 6} C${out},${y1 + 6} ${out},${y2 - 6} ${left - 1},${y2 - 6}`,
        title,
        back: true,
        faint,
      });
    }
  }
  return {
    width: left + BOX_W + ARC * 12 + 8 + PAD,
    height: PAD * 2 + (span - 1) * ROW + BOX_H,
    nodes,
    edges,
    sideSteps: [...side.values()],
  };
}

export const DIAGRAM_BOX = { w: BOX_W, h: BOX_H, cx: BOX_W / 2, cy: BOX_H / 2 + 5 };
