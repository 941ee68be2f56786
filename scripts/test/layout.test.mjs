// The layout tool on the repository's small diagrams and on a crafted one: the result passes the diagram
// check, the semantic part of the file stays byte for byte, and a plan that does not fit the model is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relayout, parsePlan } from '../lib/layout.mjs';
import { measure } from '../lib/diagram.mjs';

const processes = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes');
const semantic = (xml) => xml.slice(0, xml.indexOf('<bpmndi:BPMNDiagram'));
const clean = (found) => Object.fromEntries(Object.entries(found).map(([key, list]) => [key, list.length]));

for (const name of ['payment-plan.bpmn', 'customer-contact.bpmn', 'aging-sweep.bpmn', 'case-webhook.bpmn']) {
  test(`${name} laid out from its plan is clean and keeps its semantics`, async () => {
    const xml = readFileSync(join(processes, name), 'utf8');
    const laidOut = await relayout(xml, readFileSync(join(processes, '.layout', `${name}.layout`), 'utf8'));
    assert.equal(semantic(laidOut), semantic(xml));
    assert.deepEqual(clean(await measure(laidOut)), { throughShapes: 0, leavingSubProcess: 0, crossings: 0, overlaps: 0,
      detachedEnds: 0, labelsWithExpressions: 0 });
  });
}

const loop = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="t">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start" />
    <bpmn:exclusiveGateway id="Merge" />
    <bpmn:task id="Call" name="Call" />
    <bpmn:exclusiveGateway id="Reached" name="Reached?" />
    <bpmn:task id="Wait" name="Wait a day" />
    <bpmn:endEvent id="Done" name="Done" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Merge" />
    <bpmn:sequenceFlow id="F2" sourceRef="Merge" targetRef="Call" />
    <bpmn:sequenceFlow id="F3" sourceRef="Call" targetRef="Reached" />
    <bpmn:sequenceFlow id="Yes" name="yes" sourceRef="Reached" targetRef="Done" />
    <bpmn:sequenceFlow id="No" name="no" sourceRef="Reached" targetRef="Wait" />
    <bpmn:sequenceFlow id="Again" sourceRef="Wait" targetRef="Merge" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="P"></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

test('a loop is routed around the shapes, and a step inserted at column 2.5 moves only what is to its right', async () => {
  const plan = 'Start 0 0\nMerge 0 1\nCall 0 2\nReached 0 3\nDone 0 4\nWait 1 2\n';
  const laidOut = await relayout(loop, plan);
  assert.deepEqual(clean(await measure(laidOut)), { throughShapes: 0, leavingSubProcess: 0, crossings: 0, overlaps: 0,
    detachedEnds: 0, labelsWithExpressions: 0 });
  assert.match(laidOut, /<bpmndi:BPMNDiagram id="Diagram">\n {4}<bpmndi:BPMNPlane id="Plane" bpmnElement="P">/);
  const x = (xml, id) => Number(new RegExp(`bpmnElement="${id}"[^>]*>\\s*<dc:Bounds x="(\\d+)"`).exec(xml)[1]);
  const wider = await relayout(loop, plan.replace('Wait 1 2', 'Wait 1 2.5'));
  assert.equal(x(wider, 'Call'), x(laidOut, 'Call'));
  assert.ok(x(wider, 'Reached') > x(laidOut, 'Reached'));
});

test('a plan that leaves out a flow node or names an unknown one is refused with the line', async () => {
  await assert.rejects(relayout(loop, 'Start 0 0\nMerge 0 1\nCall 0 2\nReached 0 3\nDone 0 4\n'), /no line for Wait \("Wait a day"\)/);
  await assert.rejects(relayout(loop, 'Start 0 0\nNobody 0 1\n'), /line 2: Nobody is no flow node/);
  assert.throws(() => parsePlan('Start zero 0'), /line 1: "Start zero 0" needs a row and a column/);
});

test('a plan sets the router costs for its diagram, and an unknown cost is refused with the line', async () => {
  assert.deepEqual(parsePlan('cost cross=9000 rounds=2\nStart 0 0\n').costs, { cross: 9000, rounds: 2 });
  assert.throws(() => parsePlan('Start 0 0\ncost crossing=9000\n'), /line 2: cost crossing=9000 is no router cost/);
  const plan = 'cost cross=20000 rounds=2\nStart 0 0\nMerge 0 1\nCall 0 2\nReached 0 3\nDone 0 4\nWait 1 2\n';
  assert.deepEqual(clean(await measure(await relayout(loop, plan))), { throughShapes: 0, leavingSubProcess: 0, crossings: 0,
    overlaps: 0, detachedEnds: 0, labelsWithExpressions: 0 });
});

test('pad= gives a sub-process more room between its border and its shapes', async () => {
  const nested = loop.replace('<bpmn:startEvent id="Start" name="Start" />',
    '<bpmn:startEvent id="Start" name="Start" /><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart" /></bpmn:subProcess>');
  const bounds = (xml, id) => new RegExp(`bpmnElement="${id}"[^>]*>\\s*<dc:Bounds x="(\\d+)" y="(\\d+)" width="(\\d+)"`).exec(xml)
    .slice(1).map(Number);
  const base = 'Start 0 0\nMerge 0 1\nCall 0 2\nReached 0 3\nDone 0 4\nWait 1 2\nSub 2 0\n  SubStart 0 0\n';
  const [, , narrow] = bounds(await relayout(nested, base), 'Sub');
  const roomy = await relayout(nested, base.replace('Sub 2 0', 'Sub 2 0 pad=100'));
  const [subX, , wide] = bounds(roomy, 'Sub');
  const [startX] = bounds(roomy, 'SubStart');
  assert.equal(wide, narrow + 2 * 60);
  assert.equal(startX - subX, 100);
});

test('a plan line marked with ? is left out when the model does not have the element (yet)', async () => {
  const plan = 'Start 0 0\nMerge 0 1\nCall 0 2\nReached 0 3\nDone 0 4\nWait 1 2\nLater? 0 5\nflow Flow_Later? exit=top\n';
  assert.deepEqual(clean(await measure(await relayout(loop, plan))), { throughShapes: 0, leavingSubProcess: 0, crossings: 0,
    overlaps: 0, detachedEnds: 0, labelsWithExpressions: 0 });
  await assert.rejects(relayout(loop, plan.replace('Later?', 'Later')), /line 7: Later is no flow node/);
});

test('a flow line with via points is routed through them in order, and a via point inside a shape is refused', async () => {
  const plan = 'Start 0 0\nMerge 0 1\nCall 0 2\nReached 0 3\nDone 0 4\nWait 1 2\n';
  // the way back from Wait to Merge on a channel of its own, 30 px below Wait
  const laidOut = await relayout(loop, `${plan}flow Again exit=bottom via=Wait.cx,Wait.bottom+30;Merge.cx,Wait.bottom+30\n`);
  assert.deepEqual(clean(await measure(laidOut)), { throughShapes: 0, leavingSubProcess: 0, crossings: 0, overlaps: 0,
    detachedEnds: 0, labelsWithExpressions: 0 });
  const [waitX, waitY, waitW, waitH] = /bpmnElement="Wait"[^>]*>\s*<dc:Bounds x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/.exec(laidOut)
    .slice(1).map(Number);
  const mergeX = Number(/bpmnElement="Merge"[^>]*>\s*<dc:Bounds x="(\d+)"/.exec(laidOut)[1]);
  const again = [.../bpmnElement="Again">\s*((?:<di:waypoint[^>]+>)+)/.exec(laidOut)[1].matchAll(/x="(\d+)" y="(\d+)"/g)]
    .map((m) => `${m[1]},${m[2]}`);
  const channel = waitY + waitH + 30;
  assert.deepEqual(again.slice(0, 3), [`${waitX + waitW / 2},${waitY + waitH}`, `${waitX + waitW / 2},${channel}`, `${mergeX + 25},${channel}`]);
  await assert.rejects(relayout(loop, `${plan}flow Again via=Call.cx,Call.cy\n`), /no route for Again from Wait to via point \d+,\d+ \(inside a shape/);
  assert.throws(() => parsePlan('flow Again via=Call.middle,Call.top\n'), /line 1: via point "Call.middle,Call.top" is no/);
});
