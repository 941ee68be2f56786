// Writes a BPMN diagram's interchange (DI) from a layout plan: a person decides rows and columns, this
// code sizes them, places the shapes and routes every sequence flow orthogonally around the shapes. The
// semantic part of the file is never touched, so a semantic change and a re-layout never conflict.
//
// Plan format (processes/.layout/<file>.bpmn.layout), one line per flow node, indented under its sub-process:
//   <id> <row> <col> [span=<last col>] [width=120] [label=bottom|top|left|right] [anchor=<inner row>]
//        [pad=<px>] [padtop=<px>] [padbottom=<px>]   (a sub-process: room between its border and its shapes,
//                                                    where flows that go around run; default 40)
//   <boundary event id> on=<bottom|top|left|right> [at=<0..1 along that side>]
//   flow <id> [exit=<side>[,<side>]] [enter=<side>[,<side>]]      (only where the router's choice is not the picture)
//        [via=<point>;<point>...]   points the flow passes through, in order, each <x>,<y> given against shapes:
//                                   x as <id>.left|cx|right[+-px], y as <id>.top|cy|bottom[+-px] (e.g. a loop's own
//                                   channel: via=Gateway_A.left-40,Gateway_A.cy;Gateway_A.left-40,Task_B.cy)
//   group <id> <member id> <member id> ...                        (a bpmn:group drawn around its members)
//   cost cross=<n> [bend=<n>] ...                                 (the router's costs for this diagram, e.g. a crossing
//                                                                  worth a longer detour than the default 2500 px)
// Rows and columns are any numbers, ranked per container: to insert a step between columns 3 and 4 give it 3.5.
// "<id>?" (also "flow <id>?"): a line for an element the model may not have yet, left out when it is not there.
import { moddle, segmentsCross, segmentsOverlap } from './diagram.mjs';

const SIZES = { task: [120, 80], event: [36, 36], gateway: [50, 50] };
const GAP_X = 70;
const GAP_Y = 70;
const PAD = { top: 40, side: 40, bottom: 40 };
const MARGIN = 14;
const DEFAULT_COST = { bend: 30, cross: 2500, touch: 120, overlap: 5000, sharedPort: 400, backSide: 60, sideSide: 15, lane: 0, rounds: 0 };
const COST = { ...DEFAULT_COST };
const SIDES = { right: [1, 0], bottom: [0, 1], left: [-1, 0], top: [0, -1] };
const DIRS = [[1, 0], [0, 1], [-1, 0], [0, -1]];
const dirOf = ([dx, dy]) => DIRS.findIndex(([x, y]) => x === dx && y === dy);
const VIA_REF = /^[A-Za-z_][\w-]*\.(left|cx|right|top|cy|bottom)([+-]\d+)?$/;

export function parsePlan(text) {
  const nodes = [];
  const flows = new Map();
  const groups = [];
  const costs = {};
  const stack = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trimEnd();
    if (!line.trim()) return;
    const where = `layout plan line ${index + 1}`;
    const indent = line.length - line.trimStart().length;
    const [head, ...rest] = line.trim().split(/\s+/);
    const options = Object.fromEntries(rest.filter((t) => t.includes('=')).map((t) => t.split('=')));
    const plain = rest.filter((t) => !t.includes('='));
    if (head === 'flow') {
      const optional = plain[0].endsWith('?');
      const via = options.via?.split(';').map((point) => {
        const refs = point.split(',');
        if (refs.length !== 2 || !refs.every((ref) => VIA_REF.test(ref))) {
          throw new Error(`${where}: via point "${point}" is no <id>.left|cx|right[+-px],<id>.top|cy|bottom[+-px]`);
        }
        return refs;
      });
      flows.set(plain[0].replace(/\?$/, ''), { exit: options.exit?.split(','), enter: options.enter?.split(','), via, optional, where });
      return;
    }
    if (head === 'group') {
      groups.push({ id: plain[0], members: plain.slice(1) });
      return;
    }
    if (head === 'cost') {
      for (const [name, value] of Object.entries(options)) {
        if (!(name in DEFAULT_COST) || Number.isNaN(Number(value))) throw new Error(`${where}: cost ${name}=${value} is no router cost (${Object.keys(DEFAULT_COST).join(', ')})`);
        costs[name] = Number(value);
      }
      return;
    }
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    // "<id>?": laid out when the model has it, left out when not (a step another branch is adding)
    const node = { id: head.replace(/\?$/, ''), optional: head.endsWith('?'), parent: stack[stack.length - 1]?.node.id ?? null,
      options, where };
    if (options.on) {
      if (!SIDES[options.on]) throw new Error(`${where}: on=${options.on} is no side (bottom, top, left, right)`);
    } else {
      if (plain.length < 2 || plain.slice(0, 2).some((v) => Number.isNaN(Number(v)))) {
        throw new Error(`${where}: "${line.trim()}" needs a row and a column`);
      }
      [node.row, node.col] = plain.slice(0, 2).map(Number);
    }
    nodes.push(node);
    stack.push({ indent, node });
  });
  return { nodes, flows, groups, costs };
}

function kindOf(element) {
  if (element.$instanceOf('bpmn:Event')) return 'event';
  if (element.$instanceOf('bpmn:Gateway')) return 'gateway';
  if (element.$instanceOf('bpmn:SubProcess')) return 'container';
  return 'task';
}

/** Words wrapped into lines of at most 90 px, about as bpmn-js draws an 11 px label. */
export function labelSize(text, maxWidth = 90) {
  // Arial 11 px: capitals and digits are wider than small letters
  const widthOf = (word) => [...word].reduce((w, c) => w + (/[A-Z0-9]/.test(c) ? 7.6 : /[il.,:;' ]/.test(c) ? 3.2 : 6.1), 0);
  const lines = [];
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last && widthOf(`${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const width = Math.ceil(Math.max(...lines.map(widthOf), 10));
  return { width: width + 8, height: lines.length * 14 };
}

export async function layout(xml, planText) {
  const { rootElement: definitions } = await moddle.fromXML(xml);
  const plan = parsePlan(planText);
  Object.assign(COST, DEFAULT_COST, plan.costs);
  const elements = new Map();
  const flowsById = new Map();
  const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
  const collect = (container) => {
    for (const element of container.flowElements ?? []) {
      if (element.$type === 'bpmn:SequenceFlow') flowsById.set(element.id, element);
      else elements.set(element.id, element);
      if (element.flowElements) collect(element);
    }
  };
  collect(process);
  const artifacts = [process, ...elements.values()].flatMap((c) => c.artifacts ?? []);

  // every flow node has one plan line, under the sub-process that holds it
  const nodes = new Map();
  const absent = new Set();
  for (const node of plan.nodes) {
    const element = elements.get(node.id);
    if (!element && (node.optional || absent.has(node.parent))) {
      absent.add(node.id);
      continue;
    }
    if (!element) throw new Error(`${node.where}: ${node.id} is no flow node of the process`);
    const semanticParent = element.$parent === process ? null : element.$parent.id;
    if (!element.$instanceOf('bpmn:BoundaryEvent') && semanticParent !== node.parent) {
      throw new Error(`${node.where}: ${node.id} belongs to ${semanticParent ?? 'the process'}, not ${node.parent ?? 'the process'}`);
    }
    nodes.set(node.id, { ...node, element, kind: kindOf(element) });
  }
  const missing = [...elements.keys()].filter((id) => !nodes.has(id));
  for (const id of missing) {
    const element = elements.get(id);
    if (element.$instanceOf('bpmn:BoundaryEvent')) {
      nodes.set(id, { id, element, kind: 'event', options: { on: 'bottom' }, parent: null });
    } else {
      throw new Error(`the layout plan has no line for ${id} ("${element.name ?? ''}"): give it a row and a column`);
    }
  }
  for (const [id, hint] of plan.flows) {
    if (!flowsById.has(id) && !hint.optional) throw new Error(`the layout plan routes ${id}, which is no sequence flow of the process`);
  }

  const childrenOf = (parentId) => [...nodes.values()].filter((n) => n.parent === parentId && !n.options.on);
  for (const node of nodes.values()) {
    if (node.kind === 'container') continue;
    const [w, h] = SIZES[node.kind];
    node.width = Number(node.options.width ?? w);
    node.height = Number(node.options.height ?? h);
    node.labelSide = node.options.label ?? 'bottom';
    node.label = node.kind !== 'task' && node.element.name ? labelSize(node.element.name) : null;
  }

  // sizes bottom-up: a container is its grid plus padding; its anchor is the middle of one of its rows
  const grids = new Map();
  function measureGrid(parentId) {
    const members = childrenOf(parentId);
    for (const m of members.filter((n) => n.kind === 'container')) {
      const grid = measureGrid(m.id);
      m.pad = { side: Number(m.options.pad ?? PAD.side), top: Number(m.options.padtop ?? PAD.top),
        bottom: Number(m.options.padbottom ?? PAD.bottom) };
      m.width = grid.width + 2 * m.pad.side;
      m.height = grid.height + m.pad.top + m.pad.bottom;
      const anchorRow = m.options.anchor !== undefined ? Number(m.options.anchor) : grid.rowKeys[0];
      m.anchorY = m.pad.top + grid.rowY.get(anchorRow);
      m.labelSide = null;
    }
    const extent = (n) => {
      const above = n.kind === 'container' ? n.anchorY : n.height / 2;
      const below = n.height - above;
      const labelH = n.label ? n.label.height + 6 : 0;
      return { above: above + (n.labelSide === 'top' ? labelH : 0), below: below + (n.labelSide === 'bottom' ? labelH : 0),
        half: Math.max(n.width / 2, n.label && ['left', 'right'].includes(n.labelSide) ? n.width / 2 + n.label.width : 0) };
    };
    const rowKeys = [...new Set(members.map((n) => n.row))].sort((a, b) => a - b);
    const colKeys = [...new Set(members.map((n) => n.col))].sort((a, b) => a - b);
    const rowY = new Map();
    const colX = new Map();
    let y = 0;
    for (const row of rowKeys) {
      const inRow = members.filter((n) => n.row === row).map(extent);
      const above = Math.max(...inRow.map((e) => e.above));
      rowY.set(row, y + above);
      y += above + Math.max(...inRow.map((e) => e.below)) + GAP_Y;
    }
    // a node with span=<last column> is centred over its columns and widens only the last one, if at all
    const spanOf = (n) => (n.options.span !== undefined ? Number(n.options.span) : n.col);
    const colW = new Map(colKeys.map((col) => [col, Math.max(0, ...members.filter((n) => n.col === col && spanOf(n) === col)
      .map((n) => 2 * extent(n).half))]));
    const left = (col) => colKeys.filter((c) => c < col).reduce((sum, c) => sum + colW.get(c) + GAP_X, 0);
    for (const n of members.filter((m) => spanOf(m) !== m.col)) {
      const last = colKeys.filter((c) => c <= spanOf(n)).pop();
      const width = left(last) + colW.get(last) - left(n.col);
      if (width < n.width) colW.set(last, colW.get(last) + n.width - width);
    }
    let x = 0;
    for (const col of colKeys) {
      colX.set(col, x + colW.get(col) / 2);
      x += colW.get(col) + GAP_X;
    }
    for (const n of members) {
      if (spanOf(n) === n.col) continue;
      const last = colKeys.filter((c) => c <= spanOf(n)).pop();
      n.spanCenter = (colX.get(n.col) - colW.get(n.col) / 2 + colX.get(last) + colW.get(last) / 2) / 2;
    }
    const grid = { members, rowKeys, colKeys, rowY, colX, width: Math.max(x - GAP_X, 0), height: Math.max(y - GAP_Y, 0) };
    grids.set(parentId, grid);
    return grid;
  }
  measureGrid(null);

  // positions top-down
  function place(parentId, originX, originY) {
    const grid = grids.get(parentId);
    for (const n of grid.members) {
      const cx = originX + (n.spanCenter ?? grid.colX.get(n.col));
      const ay = originY + grid.rowY.get(n.row);
      n.x = Math.round(cx - n.width / 2);
      n.y = Math.round(ay - (n.kind === 'container' ? n.anchorY : n.height / 2));
      if (n.kind === 'container') place(n.id, n.x + n.pad.side, n.y + n.pad.top);
    }
  }
  place(null, 160, 80);

  // boundary events sit on their host's side, by default where their flow leaves for its target
  for (const n of nodes.values()) {
    if (!n.options.on) continue;
    const host = nodes.get(n.element.attachedToRef.id);
    const side = n.options.on;
    n.parent = host.parent;
    n.width = n.height = 36;
    n.labelSide = side === 'top' ? 'top' : 'bottom';
    n.label = n.element.name ? labelSize(n.element.name) : null;
    const target = nodes.get(n.element.outgoing?.[0]?.targetRef.id);
    const horizontal = side === 'top' || side === 'bottom';
    let at = n.options.at !== undefined ? Number(n.options.at) : null;
    if (at === null && target && target.x !== undefined) {
      at = horizontal ? (target.x + target.width / 2 - host.x) / host.width : (target.y + target.height / 2 - host.y) / host.height;
      if (at < 0.1 || at > 0.9) at = null;
    }
    at ??= 0.8;
    const cx = horizontal ? host.x + at * host.width : side === 'left' ? host.x : host.x + host.width;
    const cy = horizontal ? (side === 'top' ? host.y : host.y + host.height) : host.y + at * host.height;
    n.x = Math.round(cx - 18);
    n.y = Math.round(cy - 18);
    n.boundarySide = side;
  }

  const routes = route(nodes, [...flowsById.values()], plan.flows);
  placeLabels(nodes, routes);
  const groupShapes = plan.groups.map((group) => {
    const element = artifacts.find((a) => a.id === group.id);
    if (!element) throw new Error(`the layout plan draws group ${group.id}, which is no bpmn:group of the process`);
    const members = group.members.map((id) => nodes.get(id) ?? (() => { throw new Error(`group ${group.id}: no node ${id}`); })());
    const x1 = Math.min(...members.map((m) => m.x)) - 25;
    const y1 = Math.min(...members.map((m) => m.y)) - 30;
    const x2 = Math.max(...members.map((m) => m.x + m.width)) + 25;
    const y2 = Math.max(...members.map((m) => m.y + m.height + (m.label && m.labelSide === 'bottom' ? m.label.height + 6 : 0))) + 20;
    return { id: group.id, x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  });
  return { nodes, routes, groupShapes, process };
}

// ---- routing ------------------------------------------------------------------------------------

function portOf(n, side) {
  const [dx, dy] = SIDES[side];
  // a sub-process is entered and left on the line of its anchor row, where its own flow runs on
  const midY = n.kind === 'container' && dx !== 0 ? n.y + n.anchorY : n.y + n.height / 2;
  return { x: n.x + n.width / 2 + (dx * n.width) / 2, y: dy === 0 ? midY : n.y + n.height / 2 + (dy * n.height) / 2 };
}

function ancestorsOf(nodes, id) {
  const all = new Set();
  for (let p = nodes.get(id)?.parent; p; p = nodes.get(p)?.parent) all.add(p);
  return all;
}

function route(nodes, flows, hints) {
  const order = flows.map((flow) => {
    const s = nodes.get(flow.sourceRef.id);
    const t = nodes.get(flow.targetRef.id);
    const straight = Math.abs((s.y + s.height / 2) - (t.y + t.height / 2)) < 1 && t.x > s.x;
    return { flow, s, t, rank: (straight ? 0 : 100000) + Math.abs(s.x - t.x) + Math.abs(s.y - t.y) };
  }).sort((a, b) => a.rank - b.rank);
  const routes = new Map();
  const committedWithout = (except) => {
    const committed = { h: new Map(), v: new Map(), ports: new Map() };
    for (const [id, r] of routes) if (id !== except) commit(committed, r.flow, r.points);
    return committed;
  };
  for (const { flow, s, t } of order) {
    routes.set(flow.id, { flow, points: routeVia(nodes, flow, s, t, hints.get(flow.id) ?? {}, committedWithout(null)) });
  }
  // flows routed early could not see the ones after them: route each again among all the others
  for (let pass = 0; pass < 2; pass++) {
    for (const { flow, s, t } of order) {
      routes.set(flow.id, { flow, points: routeVia(nodes, flow, s, t, hints.get(flow.id) ?? {}, committedWithout(flow.id)) });
    }
  }
  // then each flow that still crosses or lies on another is tried once more at ten times the price of a crossing,
  // and kept only where the diagram as a whole gets fewer crossings and overlaps
  const segs = (points) => points.slice(1).map((p, i) => [points[i], p]);
  const conflicts = (a, b) => {
    const pairs = segs(a.points).flatMap((x) => segs(b.points).map((y) => [x, y]));
    const crossing = pairs.some(([x, y]) => segmentsCross(x, y)) ? 1 : 0;
    const lying = !related(a.flow, b.flow) && pairs.some(([x, y]) => segmentsOverlap(x, y)) ? 2 : 0;
    return crossing + lying;
  };
  const badness = (id) => [...routes.values()].reduce((sum, r) => sum + (r.flow.id === id ? 0 : conflicts(routes.get(id), r)), 0);
  for (let round = 0; round < (COST.rounds ?? 0); round++) {
    let improved = false;
    for (const { flow, s, t } of order) {
      const before = badness(flow.id);
      if (!before) continue;
      const old = routes.get(flow.id);
      const price = COST.cross;
      COST.cross = price * 10;
      try {
        routes.set(flow.id, { flow, points: routeVia(nodes, flow, s, t, hints.get(flow.id) ?? {}, committedWithout(flow.id)) });
      } finally {
        COST.cross = price;
      }
      if (badness(flow.id) < before) improved = true;
      else routes.set(flow.id, old);
    }
    if (!improved) break;
  }
  return new Map(flows.map((flow) => [flow.id, routes.get(flow.id)]));
}

function commit(committed, flow, points) {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (a.y === b.y) push(committed.h, a.y, [Math.min(a.x, b.x), Math.max(a.x, b.x), flow]);
    else push(committed.v, a.x, [Math.min(a.y, b.y), Math.max(a.y, b.y), flow]);
  }
  push(committed.ports, `${flow.sourceRef.id}:${points.side.exit}`, { flow, role: 'out' });
  push(committed.ports, `${flow.targetRef.id}:${points.side.enter}`, { flow, role: 'in' });
}

function push(map, key, value) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(value);
}

const related = (f, g) => f.sourceRef === g.sourceRef || f.targetRef === g.targetRef;

/** A via point of the plan as coordinates: x against one shape's left|cx|right, y against one's top|cy|bottom. */
function viaPoint(nodes, refs, flow, where) {
  const [x, y] = refs.map((ref, axis) => {
    const [, id, edge, offset] = /^(.+)\.(\w+?)([+-]\d+)?$/.exec(ref);
    const n = nodes.get(id);
    if (!n) throw new Error(`${where}: via point of ${flow.id} names ${id}, which is no shape of the diagram`);
    const edges = axis === 0 ? { left: n.x, cx: n.x + n.width / 2, right: n.x + n.width }
      : { top: n.y, cy: n.y + n.height / 2, bottom: n.y + n.height };
    if (!(edge in edges)) throw new Error(`${where}: via point of ${flow.id}: ${ref} is no ${axis === 0 ? 'x (left, cx, right)' : 'y (top, cy, bottom)'}`);
    return Math.round(edges[edge] + Number(offset ?? 0));
  });
  return { id: `${flow.id}:via:${x},${y}`, point: true, x, y, width: 0, height: 0 };
}

/** A flow routed through the plan's via points, one leg after the other, as one line. */
function routeVia(nodes, flow, s, t, hint, committed) {
  if (!hint.via?.length) return routeOne(nodes, flow, s, t, hint, committed);
  const stops = [s, ...hint.via.map((refs) => viaPoint(nodes, refs, flow, hint.where)), t];
  const legs = [];
  for (let i = 1; i < stops.length; i++) {
    // a leg goes on from its via point in any direction but back the way the flow came
    const back = i === 1 ? undefined : legs[i - 2].side.enter;
    const exit = i === 1 ? hint.exit : Object.keys(SIDES).filter((side) => side !== back);
    legs.push(routeOne(nodes, flow, stops[i - 1], stops[i], { exit, back, enter: i === stops.length - 1 ? hint.enter : undefined },
      committed));
  }
  const points = simplify(legs.flat());
  points.side = { exit: legs[0].side.exit, enter: legs[legs.length - 1].side.enter };
  return points;
}

function routeOne(nodes, flow, s, t, hint, committed) {
  // the area a flow may use: inside the sub-process that holds it; every shape there is in its way
  const holder = flow.$parent.$type === 'bpmn:SubProcess' ? nodes.get(flow.$parent.id) : null;
  const inner = holder ? new Set([holder.id, ...ancestorsOf(nodes, holder.id)]) : new Set();
  const obstacles = [...nodes.values()].filter((n) => !inner.has(n.id))
    .map((n) => ({ id: n.id, x1: n.x - MARGIN, y1: n.y - MARGIN, x2: n.x + n.width + MARGIN, y2: n.y + n.height + MARGIN }));
  const all = [...nodes.values()];
  const area = holder ? { x1: holder.x + 4, y1: holder.y + 4, x2: holder.x + holder.width - 4, y2: holder.y + holder.height - 4 }
    : { x1: Math.min(...all.map((n) => n.x)) - 80, y1: Math.min(...all.map((n) => n.y)) - 80,
      x2: Math.max(...all.map((n) => n.x + n.width)) + 80, y2: Math.max(...all.map((n) => n.y + n.height)) + 120 };

  const exits = s.boundarySide && !s.point ? [s.boundarySide] : hint.exit ?? Object.keys(SIDES);
  const enters = hint.enter ?? Object.keys(SIDES);
  const stub = (n, side) => {
    const p = portOf(n, side);
    const [dx, dy] = SIDES[side];
    const off = n.point ? 0 : MARGIN + 6;
    return { port: p, stub: { x: p.x + dx * off, y: p.y + dy * off }, side };
  };
  const starts = exits.map((side) => stub(s, side));
  const ends = enters.map((side) => stub(t, side));

  const xs = new Set([area.x1, area.x2]);
  const ys = new Set([area.y1, area.y2]);
  for (const o of obstacles) {
    xs.add(o.x1); xs.add(o.x2); ys.add(o.y1); ys.add(o.y2);
    xs.add((o.x1 + o.x2) / 2); ys.add((o.y1 + o.y2) / 2);
  }
  for (const p of [...starts, ...ends]) { xs.add(p.stub.x); ys.add(p.stub.y); }
  // the lines other flows already run on, so that crossing and running along them is seen
  for (const x of committed.v.keys()) xs.add(x);
  for (const y of committed.h.keys()) ys.add(y);
  // channels between neighbouring obstacle borders, so parallel flows get lines of their own
  const spread = (set) => {
    const sorted = [...set].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i] - sorted[i - 1];
      if (gap > 30) {
        // as many lines as fit at COST.lane px apart (default: two, at a third and two thirds)
        const lines = COST.lane ? Math.max(2, Math.floor(gap / COST.lane) - 1) : 2;
        for (let l = 1; l <= lines; l++) set.add(sorted[i - 1] + (l * gap) / (lines + 1));
      }
    }
    return [...set].filter((v) => Number.isFinite(v)).map((v) => Math.round(v)).sort((a, b) => a - b)
      .filter((v, i, a) => i === 0 || v !== a[i - 1]);
  };
  const X = spread(xs).filter((x) => x >= area.x1 && x <= area.x2);
  const Y = spread(ys).filter((y) => y >= area.y1 && y <= area.y2);
  const inside = (x, y) => obstacles.some((o) => x > o.x1 && x < o.x2 && y > o.y1 && y < o.y2);
  const free = X.map((x) => Y.map((y) => !inside(x, y)));
  const xi = new Map(X.map((x, i) => [x, i]));
  const yi = new Map(Y.map((y, i) => [y, i]));

  const crossingCost = (x, y, horizontal) => {
    let cost = 0;
    const across = (horizontal ? committed.v.get(x) : committed.h.get(y)) ?? [];
    const at = horizontal ? y : x;
    for (const [lo, hi, other] of across) {
      if (at > lo && at < hi) cost += related(flow, other) ? COST.touch : COST.cross;
      else if (at === lo || at === hi) cost += COST.touch;
    }
    return cost;
  };
  const overlapCost = (a, b) => {
    const horizontal = a.y === b.y;
    const lines = (horizontal ? committed.h.get(a.y) : committed.v.get(a.x)) ?? [];
    const [lo, hi] = horizontal ? [Math.min(a.x, b.x), Math.max(a.x, b.x)] : [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    let cost = 0;
    for (const [l, h, other] of lines) {
      if (Math.min(hi, h) - Math.max(lo, l) > 0) cost += related(flow, other) ? 0 : COST.overlap;
    }
    return cost;
  };
  const sideCost = (from, to, side, exiting) => {
    const [dx, dy] = SIDES[side];
    const vx = (to.x + to.width / 2) - (from.x + from.width / 2);
    const vy = (to.y + to.height / 2) - (from.y + from.height / 2);
    const toward = (exiting ? 1 : -1) * (dx * vx + dy * vy);
    const usedBy = committed.ports.get(`${from.id}:${side}`) ?? [];
    const clash = usedBy.some((u) => u.role !== (exiting ? 'out' : 'in')) ? COST.sharedPort : 0;
    const sameRole = usedBy.filter((u) => u.role === (exiting ? 'out' : 'in')).length * 40;
    return clash + sameRole + (toward > 0 ? 0 : toward === 0 ? COST.sideSide : COST.backSide);
  };

  // Dijkstra over (grid point, heading)
  const key = (i, j, d) => ((i * Y.length) + j) * 4 + d;
  const dist = new Map();
  const prev = new Map();
  const heap = new Heap();
  const back = s.point && hint.back ? dirOf(SIDES[hint.back]) : undefined;
  for (const st of starts) {
    const i = xi.get(Math.round(st.stub.x));
    const j = yi.get(Math.round(st.stub.y));
    if (i === undefined || j === undefined || !free[i][j]) continue;
    const d = dirOf(SIDES[st.side]);
    const c = sideCost(s, t, st.side, true);
    const k = key(i, j, d);
    if (c < (dist.get(k) ?? Infinity)) { dist.set(k, c); prev.set(k, { start: st }); heap.push(c, k); }
  }
  const goals = new Map();
  for (const en of ends) {
    const i = xi.get(Math.round(en.stub.x));
    const j = yi.get(Math.round(en.stub.y));
    if (i === undefined || j === undefined || !free[i][j]) continue;
    goals.set(i * Y.length + j, en);
  }
  let best = null;
  while (heap.size) {
    const [c, k] = heap.pop();
    if (c > (dist.get(k) ?? Infinity)) continue;
    if (best && c >= best.cost) break;
    const d = k % 4;
    const cell = (k - d) / 4;
    const i = Math.floor(cell / Y.length);
    const j = cell % Y.length;
    const goal = goals.get(cell);
    if (goal) {
      const inward = dirOf(SIDES[goal.side].map((v) => -v));
      if (t.point) {
        // a via point is passed in whatever direction the flow arrives
        if (!best || c < best.cost) best = { cost: c, k, goal: { ...goal, side: Object.keys(SIDES)[(d + 2) % 4] } };
      } else if (d !== (inward + 2) % 4) {
        const total = c + (d === inward ? 0 : COST.bend) + sideCost(t, s, goal.side, false);
        if (!best || total < best.cost) best = { cost: total, k, goal };
      }
    }
    for (let nd = 0; nd < 4; nd++) {
      if (nd === (d + 2) % 4) continue;
      // from a via point the flow goes on, not back the way it came
      if (back !== undefined && nd === back && X[i] === s.x && Y[j] === s.y) continue;
      const [dx, dy] = DIRS[nd];
      const ni = i + dx;
      const nj = j + dy;
      if (ni < 0 || nj < 0 || ni >= X.length || nj >= Y.length || !free[ni][nj]) continue;
      const a = { x: X[i], y: Y[j] };
      const b = { x: X[ni], y: Y[nj] };
      if (inside((a.x + b.x) / 2, (a.y + b.y) / 2)) continue;
      let step = Math.abs(b.x - a.x) + Math.abs(b.y - a.y) + (nd === d ? 0 : COST.bend) + overlapCost(a, b);
      if (nd === d) step += crossingCost(a.x, a.y, dx !== 0);
      const nk = key(ni, nj, nd);
      if (c + step < (dist.get(nk) ?? Infinity)) {
        dist.set(nk, c + step);
        prev.set(nk, { k });
        heap.push(c + step, nk);
      }
    }
  }
  if (!best) {
    const where = (n) => (n.point ? `via point ${n.x},${n.y} (inside a shape or outside the flow's sub-process?)` : n.id);
    throw new Error(`no route for ${flow.id} from ${where(s)} to ${where(t)}: give the plan more room or a flow hint`);
  }
  const path = [];
  let k = best.k;
  let start;
  for (;;) {
    const cell = (k - (k % 4)) / 4;
    path.unshift({ x: X[Math.floor(cell / Y.length)], y: Y[cell % Y.length] });
    const p = prev.get(k);
    if (p.start) { start = p.start; break; }
    k = p.k;
  }
  const points = simplify([start.port, ...path, best.goal.port]);
  points.side = { exit: start.side, enter: best.goal.side };
  return points;
}

function simplify(points) {
  const out = [];
  for (const p of points.map(({ x, y }) => ({ x: Math.round(x), y: Math.round(y) }))) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

class Heap {
  constructor() { this.items = []; }
  get size() { return this.items.length; }
  push(cost, value) {
    const a = this.items;
    a.push([cost, value]);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p][0] <= a[i][0]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l][0] < a[m][0]) m = l;
        if (r < a.length && a[r][0] < a[m][0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

// ---- labels -------------------------------------------------------------------------------------

function boxHitsSegments(box, routes) {
  for (const { points } of routes.values()) {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      if (Math.max(a.x, b.x) > box.x && Math.min(a.x, b.x) < box.x + box.width
        && Math.max(a.y, b.y) > box.y && Math.min(a.y, b.y) < box.y + box.height) return true;
    }
  }
  return false;
}

function boxHitsShapes(box, nodes, except) {
  return [...nodes.values()].some((n) => n.kind !== 'container' && n.id !== except && n.x < box.x + box.width && n.x + n.width > box.x
    && n.y < box.y + box.height && n.y + n.height > box.y);
}

function placeLabels(nodes, routes) {
  const taken = [];
  const clear = (box, except) => !boxHitsSegments(box, routes) && !boxHitsShapes(box, nodes, except)
    && !taken.some((o) => o.x < box.x + box.width && o.x + o.width > box.x && o.y < box.y + box.height && o.y + o.height > box.y);
  for (const n of nodes.values()) {
    // a sub-process shows its name at the top, in the middle
    if (n.kind === 'container' && n.element.name) {
      const { width, height } = labelSize(n.element.name, n.width);
      taken.push({ x: n.x + (n.width - width) / 2, y: n.y + 4, width, height: height + 4 });
    }
  }
  for (const n of nodes.values()) {
    if (!n.label) continue;
    const { width, height } = n.label;
    const cx = n.x + n.width / 2;
    const at = {
      bottom: { x: cx - width / 2, y: n.y + n.height + 5 },
      top: { x: cx - width / 2, y: n.y - height - 5 },
      right: { x: n.x + n.width + 5, y: n.y - height },
      left: { x: n.x - width - 5, y: n.y - height },
      'bottom-right': { x: n.x + n.width, y: n.y + n.height + 2 },
      'top-right': { x: n.x + n.width, y: n.y - height - 2 },
    };
    const order = [n.labelSide, 'bottom', 'top', 'bottom-right', 'top-right', 'right', 'left'];
    const side = order.find((o) => clear({ ...at[o], width, height }, n.id)) ?? n.labelSide;
    n.labelBox = { ...at[side], width, height };
    taken.push(n.labelBox);
  }
  for (const r of routes.values()) {
    if (!r.flow.name) continue;
    const { width, height } = labelSize(r.flow.name, 110);
    const [a, b] = r.points;
    const horizontal = a.y === b.y;
    const dir = horizontal ? Math.sign(b.x - a.x) : Math.sign(b.y - a.y);
    // beside the flow's first segment, nearest its source first; flows that leave a shape together get the next places
    const along = [8, 40].filter((d) => d + width <= Math.abs(b.x - a.x) || d === 8);
    const down = [6, 22, 38].filter((d) => d + height <= Math.abs(b.y - a.y) + 16 || d === 6);
    const candidates = horizontal
      ? along.flatMap((d) => [{ x: dir > 0 ? a.x + d : a.x - d - width, y: a.y - height - 3 }, { x: dir > 0 ? a.x + d : a.x - d - width, y: a.y + 3 }])
      : down.flatMap((d) => [{ x: a.x + 5, y: dir > 0 ? a.y + d : a.y - d - height }, { x: a.x - 5 - width, y: dir > 0 ? a.y + d : a.y - d - height }]);
    const others = new Map([...routes].filter(([id]) => id !== r.flow.id));
    const apart = (box) => !taken.some((o) => o.x < box.x + box.width && o.x + o.width > box.x && o.y < box.y + box.height && o.y + o.height > box.y);
    const pick = candidates.find((c) => clear({ ...c, width, height }))
      ?? candidates.find((c) => !boxHitsShapes({ ...c, width, height }, nodes) && apart({ ...c, width, height }))
      ?? candidates.find((c) => !boxHitsShapes({ ...c, width, height }, nodes) && !boxHitsSegments({ ...c, width, height }, others))
      ?? candidates[0];
    r.labelBox = { ...pick, width, height };
    taken.push(r.labelBox);
  }
}

// ---- writing the DI -----------------------------------------------------------------------------

const num = (v) => String(Math.round(v));
const bounds = (b) => `<dc:Bounds x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" />`;

/** The whole bpmndi:BPMNDiagram element for a laid-out process, ids kept from the file it replaces. */
export function writeDiagram({ nodes, routes, groupShapes, process }, { diagramId, planeId }) {
  const lines = [`  <bpmndi:BPMNDiagram id="${diagramId}">`, `    <bpmndi:BPMNPlane id="${planeId}" bpmnElement="${process.id}">`];
  const ordered = [...nodes.values()].sort((a, b) => depth(nodes, a) - depth(nodes, b));
  for (const n of ordered) {
    const attrs = n.kind === 'container' ? ' isExpanded="true"'
      : n.element.$type === 'bpmn:ExclusiveGateway' ? ' isMarkerVisible="true"' : '';
    lines.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${attrs}>`);
    lines.push(`        ${bounds(n)}${n.labelBox ? `<bpmndi:BPMNLabel>${bounds(n.labelBox)}</bpmndi:BPMNLabel>` : ''}`);
    lines.push('      </bpmndi:BPMNShape>');
  }
  for (const g of groupShapes) {
    lines.push(`      <bpmndi:BPMNShape id="${g.id}_di" bpmnElement="${g.id}">`, `        ${bounds(g)}`, '      </bpmndi:BPMNShape>');
  }
  for (const { flow, points, labelBox } of routes.values()) {
    lines.push(`      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">`);
    lines.push(`        ${points.map((p) => `<di:waypoint x="${num(p.x)}" y="${num(p.y)}" />`).join('')}`);
    if (labelBox) lines.push(`        <bpmndi:BPMNLabel>${bounds(labelBox)}</bpmndi:BPMNLabel>`);
    lines.push('      </bpmndi:BPMNEdge>');
  }
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>');
  return lines.join('\n');
}

function depth(nodes, n) {
  let d = 0;
  for (let p = n.parent; p; p = nodes.get(p)?.parent) d++;
  return d + (n.options.on ? 0.5 : 0);
}

/** The file with its diagram replaced; everything outside bpmndi:BPMNDiagram stays byte for byte. */
export async function relayout(xml, planText) {
  const start = xml.indexOf('<bpmndi:BPMNDiagram');
  const end = xml.indexOf('</bpmndi:BPMNDiagram>');
  if (start < 0 || end < 0 || xml.indexOf('<bpmndi:BPMNDiagram', start + 1) >= 0) {
    throw new Error('the file must have exactly one bpmndi:BPMNDiagram');
  }
  const head = xml.slice(start, xml.indexOf('>', start));
  const plane = xml.slice(xml.indexOf('<bpmndi:BPMNPlane', start));
  const diagramId = /id="([^"]+)"/.exec(head)?.[1] ?? 'BPMNDiagram_1';
  const planeId = /id="([^"]+)"/.exec(plane.slice(0, plane.indexOf('>')))?.[1] ?? 'BPMNPlane_1';
  const lineStart = xml.lastIndexOf('\n', start) + 1;
  const laidOut = await layout(xml, planText);
  return xml.slice(0, lineStart) + writeDiagram(laidOut, { diagramId, planeId }) + xml.slice(end + '</bpmndi:BPMNDiagram>'.length);
}
