// scripts/check-models.mjs on a copy of the project's models with one mistake each: it must fail and say where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const project = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(project, 'scripts', 'check-models.mjs');

function checkWith(change) {
  const copy = mkdtempSync(join(tmpdir(), 'check-models-'));
  try {
    cpSync(join(project, 'processes'), join(copy, 'processes'), { recursive: true });
    cpSync(join(project, 'forms'), join(copy, 'forms'), { recursive: true });
    change(copy);
    const run = spawnSync(process.execPath, [script, copy], { encoding: 'utf8' });
    return { code: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function edit(dir, file, from, to) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(path, text.replace(from, to));
}

test('the shipped models pass', () => {
  const { code, output } = checkWith(() => {});
  assert.equal(code, 0, output);
});

test('a misspelt building-block property fails instead of switching the building block off', () => {
  const { code, output } = checkWith((dir) => edit(dir, 'processes/collection-case.bpmn',
    '<camunda:property name="outcomeVariable" value="writeOffDecision" />',
    '<camunda:property name="outcomeVariabel" value="writeOffDecision" />'));
  assert.equal(code, 1);
  assert.match(output, /Task_ApproveWriteOff has the extension property "outcomeVariabel", which no element template sets/);
});

test('a task showing a form that takes its wording from the task must give that wording', () => {
  const { code, output } = checkWith((dir) => edit(dir, 'processes/collection-case.bpmn',
    '<camunda:inputParameter name="proposerRole">Legal</camunda:inputParameter>', ''));
  assert.equal(code, 1);
  assert.match(output, /Task_ApproveWriteOff shows form approve-write-off, whose text says \{\{proposerRole\}\}/);
});

test('a delegate no element template provides fails', () => {
  const { code, output } = checkWith((dir) => edit(dir, 'processes/collection-case.bpmn',
    'camunda:delegateExpression="${writeOffInvoices}"', 'camunda:delegateExpression="${writeOffEverything}"'));
  assert.equal(code, 1);
  assert.match(output, /Task_WriteOffInvoices uses \$\{writeOffEverything\}, which no element template provides/);
});

test('a task listener outside the known ones fails: Camunda 7 templates cannot carry it', () => {
  const { code, output } = checkWith((dir) => edit(dir, 'processes/collection-case.bpmn',
    '<camunda:property name="outcomeVariable" value="writeOffDecision" />',
    '<camunda:property name="outcomeVariable" value="writeOffDecision" /></camunda:properties>'
    + '<camunda:taskListener delegateExpression="${somethingNew}" event="create" /><camunda:properties>'));
  assert.equal(code, 1);
  assert.match(output, /task listener \$\{somethingNew\} on create/);
});

test('the four-eyes approval template names whom it keeps out', () => {
  const templates = JSON.parse(readFileSync(join(project, 'processes/.camunda/element-templates/arcollect-case-steps.json'), 'utf8'));
  const fourEyes = templates.find((t) => t.id === 'io.arcollect.casework.four-eyes-approval');
  assert.ok(fourEyes, 'four-eyes approval template');
  const notBy = fourEyes.properties.find((p) => p.binding.name === 'fourEyesAgainst');
  assert.equal(notBy.binding.type, 'camunda:property');
  assert.equal(notBy.constraints.notEmpty, true);
  const step = templates.find((t) => t.id === 'io.arcollect.casework.case-step');
  assert.ok(step.properties.some((p) => p.binding.name === 'recordActorAs'), 'case step remembers who completed it');
});
