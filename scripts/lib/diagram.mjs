// Reads a BPMN file's diagram interchange (DI) next to its semantic model and measures what makes a
// diagram hard to read: sequence flows drawn through shapes they do not connect, flows drawn outside the
// sub-process that holds them, labels that show raw expressions, flows that cross or lie on top of each
// other. Everything is measured from the DI alone (waypoints against shape bounds), the way a renderer draws it.
import { BpmnModdle } from 'bpmn-moddle';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const camundaBpmn = require('camunda-bpmn-moddle/resources/camunda.json');

export const moddle = new BpmnModdle({ camunda: camundaBpmn });

// A waypoint on (or within this many pixels of) a shape's border does not go through the shape.
const TOUCH = 2;
const EPS = 0.5;

export async function readDiagram(xml) {
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml);
  const planes = (definitions.diagrams ?? []).map((diagram) => diagram.plane);
  return { definitions, planes, warnings };
}

function* walk(element) {
  yield element;
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('$')) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && child.$type && child.$parent === element) yield* walk(child);
    }
  }
}

const isFlowNode = (element) => element.$instanceOf('bpmn:FlowNode');
const isSubProcess = (element) => element.$instanceOf('bpmn:SubProcess');

function ancestors(element) {
  const all = [];
  for (let parent = element.$parent; parent; parent = parent.$parent) all.push(parent);
  return all;
}

function shrink(bounds, by) {
  return { x: bounds.x + by, y: bounds.y + by, width: bounds.width - 2 * by, height: bounds.height - 2 * by };
}

function within(point, bounds, tolerance = 1) {
  return point.x >= bounds.x - tolerance && point.x <= bounds.x + bounds.width + tolerance
    && point.y >= bounds.y - tolerance && point.y <= bounds.y + bounds.height + tolerance;
}

// Liang-Barsky: does the segment a-b run through the rectangle's inside for more than a point?
export function segmentEntersBox(a, b, box) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges = [[-dx, a.x - box.x], [dx, box.x + box.width - a.x], [-dy, a.y - box.y], [dy, box.y + box.height - a.y]];
  for (const [p, q] of edges) {
    if (Math.abs(p) < 1e-9) {
      if (q <= 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 >= t1) return false;
    }
  }
  return (t1 - t0) * Math.hypot(dx, dy) > EPS;
}

const segments = (points) => points.slice(1).map((point, i) => [points[i], point]);

function cross(o, a, b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Two segments cross when each one's inside passes from one side of the other to its other side.
export function segmentsCross([a, b], [c, d]) {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

// Two segments on the same line that share more than a point: one flow drawn on top of another.
export function segmentsOverlap([a, b], [c, d]) {
  if (Math.abs(cross(a, b, c)) > EPS || Math.abs(cross(a, b, d)) > EPS) return false;
  const horizontal = Math.abs(b.x - a.x) >= Math.abs(b.y - a.y);
  const key = (p) => (horizontal ? p.x : p.y);
  const [lo1, hi1] = [Math.min(key(a), key(b)), Math.max(key(a), key(b))];
  const [lo2, hi2] = [Math.min(key(c), key(d)), Math.max(key(c), key(d))];
  return Math.min(hi1, hi2) - Math.max(lo1, lo2) > TOUCH;
}

// Two lines cross when they still cross after one is moved by a fraction of a pixel, whichever way: a line that
// only touches the other and turns back is clear of it one way, one that passes through it is not.
export function polylinesCross(a, b) {
  const count = (dx, dy) => {
    const moved = b.map(({ x, y }) => ({ x: x + dx, y: y + dy }));
    return segments(a).reduce((n, s) => n + segments(moved).filter((t) => segmentsCross(s, t)).length, 0);
  };
  return Math.min(count(0.3, 0.7), count(-0.3, -0.7), count(0.7, -0.3), count(-0.7, 0.3)) > 0;
}

/**
 * Measures one diagram plane. Answers lists of findings (each with the ids involved and a sentence).
 */
export function measurePlane(plane) {
  const shapes = new Map();
  const edges = [];
  for (const di of plane.planeElement ?? []) {
    if (di.$type === 'bpmndi:BPMNShape' && di.bpmnElement) shapes.set(di.bpmnElement, di);
    if (di.$type === 'bpmndi:BPMNEdge' && di.bpmnElement?.$instanceOf('bpmn:SequenceFlow')) {
      edges.push({ flow: di.bpmnElement, points: (di.waypoint ?? []).map(({ x, y }) => ({ x, y })) });
    }
  }
  const drawnSubProcess = (element) => isSubProcess(element) && shapes.get(element)?.isExpanded !== false
    && shapes.has(element);

  const throughShapes = [];
  const leavingSubProcess = [];
  for (const { flow, points } of edges) {
    const connected = new Set([flow.sourceRef, flow.targetRef]);
    const containers = new Set(ancestors(flow));
    for (const [element, di] of shapes) {
      if (!isFlowNode(element) || connected.has(element) || containers.has(element)) continue;
      const box = shrink(di.bounds, TOUCH);
      if (box.width <= 0 || box.height <= 0) continue;
      if (segments(points).some(([a, b]) => segmentEntersBox(a, b, box))) {
        throughShapes.push({ flow: flow.id, shape: element.id,
          message: `sequence flow ${flow.id} is drawn through ${describe(element)}, which it does not connect` });
      }
    }
    const holder = flow.$parent;
    if (drawnSubProcess(holder)) {
      const outside = points.filter((point) => !within(point, shapes.get(holder).bounds));
      if (outside.length) {
        leavingSubProcess.push({ flow: flow.id, subProcess: holder.id,
          message: `sequence flow ${flow.id} leaves its sub-process ${holder.id} `
            + `(waypoint ${outside.map(({ x, y }) => `${x},${y}`).join(' ')} outside it)` });
      }
    }
  }

  const crossings = [];
  const overlaps = [];
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [a, b] = [edges[i], edges[j]];
      const pairs = segments(a.points).flatMap((s) => segments(b.points).map((t) => [s, t]));
      // flows that share a source or a target may meet at it; others cross also where one only touches the other's
      // line at a corner on its way from one side to the other (a crossing hidden in a waypoint)
      const related = a.flow.sourceRef === b.flow.sourceRef || a.flow.targetRef === b.flow.targetRef;
      if (related ? pairs.some(([s, t]) => segmentsCross(s, t)) : polylinesCross(a.points, b.points)) {
        crossings.push({ flows: [a.flow.id, b.flow.id], message: `sequence flows ${a.flow.id} and ${b.flow.id} cross` });
      }
      // flows that share a source or a target may run together into it; others must not lie on top of each other
      if (!related && pairs.some(([s, t]) => segmentsOverlap(s, t))) {
        overlaps.push({ flows: [a.flow.id, b.flow.id], message: `sequence flows ${a.flow.id} and ${b.flow.id} are drawn on top of each other` });
      }
    }
  }

  const detachedEnds = [];
  for (const { flow, points } of edges) {
    const ends = [[flow.sourceRef, points[0], 'starts'], [flow.targetRef, points[points.length - 1], 'ends']];
    for (const [element, point, verb] of ends) {
      const di = shapes.get(element);
      if (di && point && !within(point, di.bounds, TOUCH)) {
        detachedEnds.push({ flow: flow.id, message: `sequence flow ${flow.id} ${verb} at ${point.x},${point.y}, away from ${element.id}` });
      }
    }
  }

  return { throughShapes, leavingSubProcess, crossings, overlaps, detachedEnds };
}

function describe(element) {
  return element.name ? `${element.id} ("${element.name}")` : element.id;
}

/** Every element name that would show an expression (`${...}` or `#{...}`) as its label. */
export function labelsWithExpressions(definitions) {
  const found = [];
  for (const root of definitions.rootElements ?? []) {
    for (const element of walk(root)) {
      if (typeof element.name === 'string' && /[$#]\{/.test(element.name)) {
        found.push({ element: element.id, message: `${element.id} shows an expression in its label: "${element.name}"` });
      }
    }
  }
  return found;
}

/** All measurements of a BPMN document, summed over its diagrams. */
export async function measure(xml) {
  const { definitions, planes } = await readDiagram(xml);
  const result = { throughShapes: [], leavingSubProcess: [], crossings: [], overlaps: [], detachedEnds: [],
    labelsWithExpressions: labelsWithExpressions(definitions) };
  for (const plane of planes) {
    const found = measurePlane(plane);
    for (const key of Object.keys(found)) result[key].push(...found[key]);
  }
  return result;
}
