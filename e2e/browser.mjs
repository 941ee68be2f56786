// Shared by the browser tests: starts Debian's headless Chromium through playwright-core and logs in to the
// Camunda webapps. Each test script is run by a JUnit test (io.arcollect.testsupport.BrowserScript) with
// BASE_URL (the running app) and E2E_OUT (where screenshots go) in its environment.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const baseUrl = process.env.BASE_URL ?? 'http://localhost:8080';
export const outDir = process.env.E2E_OUT ?? 'target/e2e';

export async function launch() {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return browser;
}

/** A fresh browser context (own cookies) with a page of a readable size. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  // a limit for waiting, not a speed target: a loaded CI machine takes its time to render Tasklist
  page.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 45000));
  return page;
}

/** Logs in to a Camunda webapp (tasklist, cockpit, admin) as a user and waits for the app to show. */
export async function camundaLogin(page, app, user, password = user) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  const username = page.locator('input[placeholder="Username"]');
  const secret = page.locator('input[type=password]');
  // on a loaded machine Angular may still be binding the form when the first keys arrive (seen: "fionafiona" in
  // the name, the password empty): fill again until both fields hold what was typed
  for (let attempt = 0; attempt < 5; attempt++) {
    await username.fill(user);
    await secret.fill(password);
    if ((await username.inputValue()) === user && (await secret.inputValue()) === password) {
      break;
    }
    await page.waitForTimeout(500);
  }
  await page.locator('button[type=submit]').click();
  await page.locator('input[placeholder="Username"]').waitFor({ state: 'detached' });
}

/** Saves a full-page screenshot as target/e2e/<name>.png and returns its path. */
export async function shot(page, name) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot ${path}`);
  return path;
}

/** Fails the script with a message that says what was expected. */
export function expect(condition, message) {
  if (!condition) {
    throw new Error(`Expectation failed: ${message}`);
  }
}

/** Runs a scenario: launches the browser, closes it whatever happens, exits non-zero on failure. */
export async function scenario(name, body) {
  const browser = await launch();
  try {
    await body(browser);
    console.log(`scenario passed: ${name}`);
  } catch (e) {
    console.error(`scenario failed: ${name}\n${e.stack ?? e}`);
    for (const context of browser.contexts()) {
      for (const page of context.pages()) {
        console.error(`the page showed ${page.url()}`);
        await page.screenshot({ path: join(outDir, `failed-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => {});
      }
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
