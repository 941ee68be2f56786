// Small crafted diagrams against the measurements scripts/check-layout.mjs fails on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../lib/diagram.mjs';

const task = (id, x, y, name = id) => ({ kind: 'task', id, name, x, y, width: 100, height: 80 });

/** A BPMN document: nodes [{kind, id, x, y, width, height, parent}], flows [{id, from, to, points}]. */
function bpmn(nodes, flows) {
  const inside = (parent) => nodes.filter((node) => (node.parent ?? null) === parent);
  const flowsIn = (parent) => flows.filter((flow) => (nodes.find((n) => n.id === flow.from).parent ?? null) === parent);
  const semantic = (parent) => inside(parent).map((node) => (node.kind === 'subProcess'
    ? `<bpmn:subProcess id="${node.id}">${semantic(node.id)}</bpmn:subProcess>`
    : `<bpmn:${node.kind} id="${node.id}" name="${node.name ?? ''}" />`)).join('')
    + flowsIn(parent).map((flow) => `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.from}" targetRef="${flow.to}" />`).join('');
  const shapes = nodes.map((node) => `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${node.kind === 'subProcess' ? ' isExpanded="true"' : ''}>`
    + `<dc:Bounds x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" /></bpmndi:BPMNShape>`).join('');
  const edges = flows.map((flow) => `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">`
    + flow.points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('') + '</bpmndi:BPMNEdge>').join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="t">
  <bpmn:process id="P" isExecutable="true">${semantic(null)}</bpmn:process>
  <bpmndi:BPMNDiagram id="DI"><bpmndi:BPMNPlane id="Plane" bpmnElement="P">${shapes}${edges}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

test('a straight flow between neighbours is clean', async () => {
  const found = await measure(bpmn([task('A', 0, 0), task('B', 200, 0)], [{ id: 'F', from: 'A', to: 'B', points: [[100, 40], [200, 40]] }]));
  for (const key of Object.keys(found)) assert.deepEqual(found[key], [], key);
});

test('a flow drawn through a task it does not connect is found, one along its border is not', async () => {
  const nodes = [task('A', 0, 0), task('Middle', 200, 0), task('B', 400, 0), task('Below', 200, 120)];
  const through = await measure(bpmn(nodes, [{ id: 'F', from: 'A', to: 'B', points: [[100, 40], [400, 40]] }]));
  assert.deepEqual(through.throughShapes.map(({ flow, shape }) => [flow, shape]), [['F', 'Middle']]);
  // y = 80 is Middle's bottom border and y = 120 Below's top border: touching is not going through
  const along = await measure(bpmn(nodes, [{ id: 'F', from: 'A', to: 'B', points: [[50, 80], [50, 100], [450, 100], [450, 80]] }]));
  assert.deepEqual(along.throughShapes, []);
});

test('a flow that leaves its sub-process is found', async () => {
  const nodes = [{ kind: 'subProcess', id: 'S', x: 0, y: 0, width: 500, height: 200 },
    task('A', 50, 50, 'A'), task('B', 300, 50, 'B')].map((n) => (n.id === 'S' ? n : { ...n, parent: 'S' }));
  const inside = await measure(bpmn(nodes, [{ id: 'F', from: 'A', to: 'B', points: [[150, 90], [300, 90]] }]));
  assert.deepEqual(inside.leavingSubProcess, []);
  const outside = await measure(bpmn(nodes, [{ id: 'F', from: 'A', to: 'B', points: [[100, 130], [100, 250], [350, 250], [350, 130]] }]));
  assert.deepEqual(outside.leavingSubProcess.map(({ flow, subProcess }) => [flow, subProcess]), [['F', 'S']]);
});

test('a flow from outside may enter its sub-process, but not run through another one', async () => {
  const nodes = [task('Before', 0, 300), { kind: 'subProcess', id: 'S', x: 200, y: 200, width: 300, height: 300 },
    { kind: 'subProcess', id: 'Other', x: 600, y: 200, width: 200, height: 300 }, task('After', 900, 300)];
  const found = await measure(bpmn(nodes, [{ id: 'In', from: 'Before', to: 'S', points: [[100, 340], [200, 340]] },
    { id: 'Past', from: 'S', to: 'After', points: [[500, 340], [900, 340]] }]));
  assert.deepEqual(found.throughShapes.map(({ flow, shape }) => [flow, shape]), [['Past', 'Other']]);
});

test('labels with expressions are found, static ones are not', async () => {
  const found = await measure(bpmn([task('A', 0, 0, 'Initial contact: ${customerName}'), task('B', 200, 0, 'Initial contact')],
    [{ id: 'F', from: 'A', to: 'B', points: [[100, 40], [200, 40]] }]));
  assert.deepEqual(found.labelsWithExpressions.map(({ element }) => element), ['A']);
});

test('crossing flows are counted once per pair; flows meeting at a shared target do not cross', async () => {
  const nodes = [task('A', 0, 0), task('B', 400, 200), task('C', 0, 200), task('D', 400, 0)];
  const found = await measure(bpmn(nodes, [
    { id: 'AB', from: 'A', to: 'B', points: [[100, 40], [250, 40], [250, 240], [400, 240]] },
    { id: 'CD', from: 'C', to: 'D', points: [[100, 240], [200, 240], [200, 60], [300, 60], [300, 40], [400, 40]] },
    { id: 'AD', from: 'A', to: 'D', points: [[50, 0], [50, -20], [450, -20], [450, 0]] },
  ]));
  assert.deepEqual(found.crossings.map(({ flows }) => flows), [['AB', 'CD']]);
  assert.deepEqual(found.overlaps, []);
});

test('unrelated flows drawn on the same line overlap; an end away from its shape is detached', async () => {
  const nodes = [task('A', 0, 0), task('B', 400, 0), task('C', 0, 200), task('D', 400, 200)];
  const found = await measure(bpmn(nodes, [
    { id: 'AB', from: 'A', to: 'B', points: [[50, 80], [50, 150], [450, 150], [450, 80]] },
    { id: 'CD', from: 'C', to: 'D', points: [[50, 200], [50, 150], [450, 150], [450, 200]] },
    { id: 'AD', from: 'A', to: 'D', points: [[100, 40], [300, 40], [300, 240], [380, 240]] },
  ]));
  assert.deepEqual(found.overlaps.map(({ flows }) => flows), [['AB', 'CD']]);
  assert.deepEqual(found.detachedEnds.map(({ flow }) => flow), ['AD']);
});

test('a flow that passes another at a corner on its line crosses it, one that touches it and turns back does not', async () => {
  const nodes = [task('A', 0, 0), task('B', 400, 0), task('C', 200, -300), task('D', 200, 300)];
  const across = { id: 'F', from: 'A', to: 'B', points: [[100, 40], [400, 40]] };
  // the 1 px jog on F's line hides the crossing from a segment-by-segment test
  const through = await measure(bpmn(nodes, [across,
    { id: 'G', from: 'C', to: 'D', points: [[251, -220], [251, 40], [250, 40], [250, 300]] }]));
  assert.deepEqual(through.crossings.map(({ flows }) => flows), [['F', 'G']]);
  const touching = await measure(bpmn(nodes, [across,
    { id: 'G', from: 'C', to: 'C', points: [[230, -220], [230, 40], [270, 40], [270, -220]] }]));
  assert.deepEqual(touching.crossings, []);
});
