// Re-lays out a BPMN diagram from its layout plan (processes/.layout/<file>.layout, see scripts/lib/layout.mjs):
// writes the diagram interchange only, then measures the result as the CI check does.
//
// Usage: node scripts/layout-diagram.mjs processes/payment-plan.bpmn [--out other.bpmn] [--plan my.layout]
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { relayout } from './lib/layout.mjs';
import { measure } from './lib/diagram.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const out = option('--out');
const planFile = option('--plan');
if (args.length !== 1) {
  console.error('usage: node scripts/layout-diagram.mjs <file.bpmn> [--out <file.bpmn>] [--plan <file.layout>]');
  process.exit(2);
}
const file = args[0];
const plan = planFile ?? join(dirname(file), '.layout', `${basename(file)}.layout`);
const xml = await relayout(readFileSync(file, 'utf8'), readFileSync(plan, 'utf8'));
writeFileSync(out ?? file, xml);
const found = await measure(xml);
console.log(`${out ?? file} laid out from ${plan}: ${found.throughShapes.length} flows through shapes, `
  + `${found.leavingSubProcess.length} leaving their sub-process, ${found.crossings.length} crossings, `
  + `${found.overlaps.length} overlapping, ${found.detachedEnds.length} detached ends`);
for (const key of ['throughShapes', 'leavingSubProcess', 'crossings', 'overlaps', 'detachedEnds']) {
  for (const finding of found[key]) console.log(`  ${finding.message}`);
}
