// Renders every diagram in processes/ the way Camunda Modeler draws it (bpmn-js, dmn-js for the decision
// requirements diagrams) in headless Chromium, as PNG files under target/models/: look at them after a
// change of layout. Launches the browser like the browser tests do (e2e/browser.mjs).
//
// Usage: node scripts/render-diagrams.mjs [output directory, default target/models] [file ...]
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { launch } from '../e2e/browser.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = resolve(args[0] && !/\.(bpmn|dmn)$/.test(args[0]) ? args.shift() : join(root, 'target', 'models'));
const files = args.length ? args.map((file) => resolve(file))
  : readdirSync(join(root, 'processes')).filter((name) => /\.(bpmn|dmn)$/.test(name)).sort().map((name) => join(root, 'processes', name));

const asset = (pkg, path) => require.resolve(`${pkg}/${path}`);
const toolkits = {
  bpmn: { script: asset('bpmn-js', 'dist/bpmn-viewer.production.min.js'), global: 'BpmnJS',
    styles: [asset('bpmn-js', 'dist/assets/diagram-js.css'), asset('bpmn-js', 'dist/assets/bpmn-js.css')] },
  dmn: { script: asset('dmn-js', 'dist/dmn-viewer.production.min.js'), global: 'DmnJS',
    styles: [asset('dmn-js', 'dist/assets/diagram-js.css'), asset('dmn-js', 'dist/assets/dmn-js-drd.css'),
      asset('dmn-js', 'dist/assets/dmn-js-shared.css')] },
};

mkdirSync(out, { recursive: true });
const browser = await launch();
let failed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  for (const file of files) {
    const kind = file.endsWith('.dmn') ? 'dmn' : 'bpmn';
    const toolkit = toolkits[kind];
    const page = await context.newPage();
    try {
      await page.setContent('<html><body style="margin:0;background:#fff"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
      for (const path of toolkit.styles) await page.addStyleTag({ path });
      await page.addScriptTag({ path: toolkit.script });
      const result = await page.evaluate(async ({ xml, global, kind }) => {
        const viewer = new window[global]({ container: '#canvas' });
        const { warnings } = await viewer.importXML(xml);
        const active = kind === 'dmn' ? viewer.getActiveViewer() : viewer;
        if (!active?.saveSVG) return { warnings: warnings.map((w) => w.message), svg: null };
        const { svg } = await active.saveSVG();
        return { warnings: warnings.map((w) => w.message), svg };
      }, { xml: readFileSync(file, 'utf8'), global: toolkit.global, kind });
      for (const warning of result.warnings) console.error(`${basename(file)}: import warning: ${warning}`);
      if (!result.svg) {
        console.log(`${basename(file)}: no diagram to draw (decision tables only)`);
        continue;
      }
      // the saved SVG is exactly the diagram's bounds: draw it at its natural size on white
      await page.setContent(`<html><body style="margin:0;background:#fff;display:inline-block">${result.svg}</body></html>`);
      const target = join(out, `${basename(file)}.png`);
      await page.locator('svg').first().screenshot({ path: target });
      const size = await page.locator('svg').first().boundingBox();
      console.log(`${basename(file)}: ${target} (${Math.round(size.width)} x ${Math.round(size.height)})`);
      if (result.warnings.length) failed++;
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
if (failed) {
  console.error(`${failed} diagram(s) imported with warnings`);
  process.exit(1);
}
