// Checks the models the way Camunda Modeler (Camunda Platform 7.24) opens them, and fails on anything
// it would warn about:
// - every processes/**/*.bpmn and *.dmn parses with the Camunda 7 extensions without import warnings
//   (unknown elements or attributes, unresolved references, diagram shapes pointing nowhere);
// - every BPMN/DMN and every forms/*.form targets Camunda Platform 7.24.0;
// - every element template under processes/.camunda/element-templates/ is valid (Camunda 7 schema),
//   and every service task delegate and http-connector task in the BPMN has a template to draw it from;
// - every execution listener in the BPMN comes from a template (the same event and implementation; an
//   expression counts as the same when it calls the same bean method, e.g. caseStage.enter with another stage);
// - no task listener outside TASK_LISTENERS_WITHOUT_TEMPLATE: Camunda 7 templates cannot carry one, so a
//   building block on user tasks is an extension property read by a Spring task event listener (outcomeVariable,
//   customerContact, taskTitle in io.arcollect.process).
// - every extension property (camunda:property) in the BPMN is one an element template sets: the building blocks
//   read by the application's listeners (taskTitle, outcomeVariable, customerContact, fourEyesAgainst,
//   recordActorAs), so a misspelt one cannot silently switch a building block off;
// - a form that takes its wording from the task ({{proposerRole}}, {{approverRole}}: any {{...Role}}) gets it
//   from every user task that shows it, as an input parameter of that task.
//
// Usage: node scripts/check-models.mjs [project directory, default: the one holding this script]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { validate as validateTemplate } from '@bpmn-io/element-templates-validator';

const require = createRequire(import.meta.url);
const camundaBpmn = require('camunda-bpmn-moddle/resources/camunda.json');
const camundaDmn = require('camunda-dmn-moddle/resources/camunda.json');

const PLATFORM = 'Camunda Platform';
const PLATFORM_VERSION = '7.24.0';
const MODELER_NS = 'http://camunda.org/schema/modeler/1.0';
const DELEGATE = 'camunda:delegateExpression';
// Task listeners still in the models, each waiting for its building block (issue 15)
const TASK_LISTENERS_WITHOUT_TEMPLATE = {
  '${instalmentPlanCheck}': 'checks the recorded plan terms on completion; to become part of the server-side validation of task submissions',
};

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const problems = [];
const problem = (file, message) => problems.push(`${relative(root, file)}: ${message}`);

function filesUnder(dir, suffix) {
  let names;
  try {
    names = readdirSync(dir, { recursive: true });
  } catch (e) {
    if (e.code === 'ENOENT') return [];
    throw e;
  }
  return names.filter((name) => name.endsWith(suffix)).sort().map((name) => join(dir, name));
}

function children(element) {
  return Object.entries(element)
    .filter(([key]) => !key.startsWith('$'))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((value) => value && typeof value === 'object' && value.$type);
}

function* walk(element) {
  yield element;
  for (const child of children(element)) yield* walk(child);
}

function checkPlatform(file, definitions) {
  const attrs = definitions.$attrs ?? {};
  const prefix = Object.keys(attrs).find((key) => key.startsWith('xmlns:') && attrs[key] === MODELER_NS)?.slice(6);
  const platform = prefix && attrs[`${prefix}:executionPlatform`];
  const version = prefix && attrs[`${prefix}:executionPlatformVersion`];
  if (platform !== PLATFORM || version !== PLATFORM_VERSION) {
    problem(file, `definitions must say modeler:executionPlatform="${PLATFORM}" modeler:executionPlatformVersion="${PLATFORM_VERSION}" `
      + `(found ${JSON.stringify(platform ?? null)} ${JSON.stringify(version ?? null)})`);
  }
}

// The diagram side of bpmn-js' / dmn-js' import: a shape must point at an element, and only one shape at each.
function checkDiagram(file, definitions, diagramTypes, refName) {
  const drawn = new Map();
  for (const element of walk(definitions)) {
    if (!diagramTypes.includes(element.$type)) continue;
    const target = element[refName];
    if (!target) {
      problem(file, `warning: ${element.$type} ${element.id ?? ''} references no model element`);
    } else if (drawn.has(target)) {
      problem(file, `warning: multiple diagram elements for ${target.id}`);
    } else {
      drawn.set(target, element);
    }
  }
}

async function parse(file, moddle) {
  try {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
    for (const warning of warnings) problem(file, `warning: ${warning.message}`);
    return rootElement;
  } catch (e) {
    problem(file, `cannot be read: ${e.message}`);
    return null;
  }
}

function extensionValues(element) {
  return element.extensionElements?.values ?? [];
}

// Where BPMN names a delegate for an activity (not a listener: templates are for tasks and events).
function delegatesIn(definitions) {
  const used = [];
  for (const element of walk(definitions)) {
    if (element.$instanceOf('bpmn:FlowElement') || element.$instanceOf('bpmn:EventDefinition')) {
      const expression = element.get(DELEGATE);
      if (expression) used.push({ expression, element });
    }
  }
  return used;
}

function connectorsIn(definitions) {
  const used = [];
  for (const element of walk(definitions)) {
    if (!element.$instanceOf('bpmn:FlowElement')) continue;
    for (const value of extensionValues(element)) {
      if (value.$type === 'camunda:Connector') used.push({ connectorId: value.connectorId, element });
    }
  }
  return used;
}

// An execution listener as a template would write it: event plus implementation.
function listenerOf(listener) {
  const [kind, value] = listener.delegateExpression ? ['delegateExpression', listener.delegateExpression]
    : listener.class ? ['class', listener.class] : listener.expression ? ['expression', listener.expression] : ['script', null];
  return { event: listener.event, kind, value };
}

// `${caseStage.enter(execution, 'FOLLOW_UP')}` calls caseStage.enter; arguments are the model's to choose
const callee = (expression) => /^[$#]\{\s*([\w.]+)\s*\(/.exec(expression ?? '')?.[1] ?? expression;

function listenersIn(definitions) {
  const used = [];
  for (const element of walk(definitions)) {
    if (!element.$instanceOf('bpmn:FlowElement') && !element.$instanceOf('bpmn:Process')) continue;
    for (const value of extensionValues(element)) {
      if (value.$type === 'camunda:ExecutionListener') used.push({ element, type: 'execution', ...listenerOf(value) });
      if (value.$type === 'camunda:TaskListener') used.push({ element, type: 'task', ...listenerOf(value) });
    }
  }
  return used;
}

function extensionPropertiesIn(definitions) {
  const used = [];
  for (const element of walk(definitions)) {
    if (!element.$instanceOf('bpmn:FlowElement') && !element.$instanceOf('bpmn:Process')) continue;
    for (const value of extensionValues(element)) {
      if (value.$type !== 'camunda:Properties') continue;
      for (const property of value.values ?? []) used.push({ element, name: property.name });
    }
  }
  return used;
}

function userTaskFormsIn(definitions) {
  const used = [];
  for (const element of walk(definitions)) {
    if (element.$type !== 'bpmn:UserTask' || !element.get('camunda:formRef')) continue;
    const inputs = extensionValues(element).filter((value) => value.$type === 'camunda:InputOutput')
      .flatMap((io) => io.inputParameters ?? []).map((parameter) => parameter.name);
    used.push({ element, formRef: element.get('camunda:formRef'), inputs });
  }
  return used;
}

const bpmnModdle = new BpmnModdle({ camunda: camundaBpmn });
const dmnModdle = new DmnModdle({ camunda: camundaDmn });
const processes = join(root, 'processes');
const delegates = [];
const connectors = [];
const listeners = [];
const extensionProperties = [];
const userTaskForms = [];

for (const file of filesUnder(processes, '.bpmn')) {
  const definitions = await parse(file, bpmnModdle);
  if (!definitions) continue;
  checkPlatform(file, definitions);
  checkDiagram(file, definitions, ['bpmndi:BPMNShape', 'bpmndi:BPMNEdge'], 'bpmnElement');
  delegates.push(...delegatesIn(definitions).map((use) => ({ ...use, file })));
  connectors.push(...connectorsIn(definitions).map((use) => ({ ...use, file })));
  listeners.push(...listenersIn(definitions).map((use) => ({ ...use, file })));
  extensionProperties.push(...extensionPropertiesIn(definitions).map((use) => ({ ...use, file })));
  userTaskForms.push(...userTaskFormsIn(definitions).map((use) => ({ ...use, file })));
}

for (const file of filesUnder(processes, '.dmn')) {
  const definitions = await parse(file, dmnModdle);
  if (!definitions) continue;
  checkPlatform(file, definitions);
  checkDiagram(file, definitions, ['dmndi:DMNShape', 'dmndi:DMNEdge'], 'dmnElementRef');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problem(file, `is not JSON: ${e.message}`);
    return null;
  }
}

// {{...Role}} placeholders in a form's texts: wording the task gives (task-local input parameters)
const formWording = new Map();
function textsOf(component) {
  return [component.text, component.label, ...(component.components ?? []).flatMap(textsOf)].filter((t) => typeof t === 'string');
}
for (const file of filesUnder(join(root, 'forms'), '.form')) {
  const form = readJson(file);
  if (form?.id) {
    const wording = new Set(textsOf(form).flatMap((text) => [...text.matchAll(/\{\{\s*(\w+Role)\s*\}\}/g)].map((m) => m[1])));
    formWording.set(form.id, wording);
  }
  if (form && (form.executionPlatform !== PLATFORM || form.executionPlatformVersion !== PLATFORM_VERSION)) {
    problem(file, `must say "executionPlatform": "${PLATFORM}", "executionPlatformVersion": "${PLATFORM_VERSION}" `
      + `(found ${JSON.stringify(form.executionPlatform ?? null)} ${JSON.stringify(form.executionPlatformVersion ?? null)})`);
  }
}

const templates = [];
for (const file of filesUnder(join(processes, '.camunda', 'element-templates'), '.json')) {
  const content = readJson(file);
  if (!content) continue;
  for (const template of Array.isArray(content) ? content : [content]) {
    const { valid, errors } = validateTemplate(template);
    if (!valid) {
      for (const error of errors) {
        problem(file, `template ${template.id ?? '(no id)'}: ${error.instancePath || error.dataPath || '/'} ${error.message}`);
      }
    }
    templates.push(template);
  }
}

const bound = (property, name) => ['property', 'camunda:property'].includes(property.binding?.type)
  && property.binding.name === name;
const delegateTemplates = new Map();
const connectorTemplates = new Map();
for (const template of templates) {
  for (const property of template.properties ?? []) {
    if (bound(property, DELEGATE)) delegateTemplates.set(property.value, template);
  }
  for (const scope of template.scopes ?? []) {
    if (scope.type !== 'camunda:Connector') continue;
    for (const property of scope.properties ?? []) {
      if (bound(property, 'connectorId')) connectorTemplates.set(property.value, template);
    }
  }
}

const listenerTemplates = templates.flatMap((template) => (template.properties ?? [])
  .filter((property) => property.binding?.type === 'camunda:executionListener')
  .map((property) => ({ template, event: property.binding.event, kind: property.binding.implementationType ?? 'class', value: property.value })));

const seen = new Set();
for (const { expression, element, file } of delegates) {
  if (!delegateTemplates.has(expression) && !seen.has(expression)) {
    seen.add(expression);
    problem(file, `${element.id} uses ${expression}, which no element template provides `
      + '(add one to processes/.camunda/element-templates/)');
  }
}
for (const { connectorId, element, file } of connectors) {
  if (!connectorTemplates.has(connectorId) && !seen.has(connectorId)) {
    seen.add(connectorId);
    problem(file, `${element.id} calls connector ${connectorId ?? '(none)'}, which no element template provides`);
  }
}

for (const { element, type, event, kind, value, file } of listeners) {
  if (type === 'task') {
    if (!(value in TASK_LISTENERS_WITHOUT_TEMPLATE)) {
      problem(file, `${element.id} has a task listener ${value ?? kind} on ${event}: Camunda 7 element templates cannot `
        + 'carry task listeners; make it an extension property that a Spring task event listener reads (as outcomeVariable)');
    }
    continue;
  }
  const same = (t) => t.event === event && t.kind === kind && (t.value === value || (kind === 'expression' && callee(t.value) === callee(value)));
  if (!listenerTemplates.some(same)) {
    problem(file, `${element.id} has an execution listener ${value ?? kind} on ${event}, which no element template provides`);
  }
}

const templateProperties = new Set(templates.flatMap((template) => template.properties ?? [])
  .filter((property) => property.binding?.type === 'camunda:property').map((property) => property.binding.name));
for (const { element, name, file } of extensionProperties) {
  if (!templateProperties.has(name)) {
    problem(file, `${element.id} has the extension property "${name}", which no element template sets `
      + `(building blocks: ${[...templateProperties].sort().join(', ')})`);
  }
}

for (const { element, formRef, inputs, file } of userTaskForms) {
  for (const wording of formWording.get(formRef) ?? []) {
    if (!inputs.includes(wording)) {
      problem(file, `${element.id} shows form ${formRef}, whose text says {{${wording}}}: give the task an input parameter ${wording}`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in the models`);
  process.exit(1);
}
console.log(`Models OK: ${filesUnder(processes, '.bpmn').length} BPMN, ${filesUnder(processes, '.dmn').length} DMN, `
  + `${filesUnder(join(root, 'forms'), '.form').length} forms, ${templates.length} element templates `
  + `covering ${delegateTemplates.size} delegates, ${connectorTemplates.size} connector(s) and ${listenerTemplates.length} execution listeners`);
