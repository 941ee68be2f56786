// An auditor finds the case history on the Camunda welcome page, logs in to it, finds a closed case by its
// customer, sees the path it took highlighted on the diagram (with how often each step ran) and its trail,
// narrows the trail to the people, and downloads the PDF file of the case.
import { baseUrl, camundaLogin, expect, newPage, outDir, scenario, shot } from './browser.mjs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const caseNumber = process.env.CASE_NUMBER;
const customer = process.env.CUSTOMER;

await scenario('audrey (auditor) reads the history of a closed case', async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'welcome', 'audrey');
  const link = page.getByRole('link', { name: 'ArCollect case history' });
  await link.waitFor();
  expect((await link.getAttribute('href')) === '/case-history/', 'the welcome page links to the case history');

  await page.goto(`${baseUrl}/case-history/`);
  await page.locator('input[name=username]').fill('audrey');
  await page.locator('input[name=password]').fill('audrey');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/case-history\/(\?continue)?$/);

  await page.locator('#q').fill(customer);
  await page.locator('#find').click();
  const row = page.locator(`#cases tr[data-case="${caseNumber}"]`);
  await row.waitFor();
  expect((await row.innerText()).includes('CLOSED'), 'the closed case is found by its customer');
  await row.click();
  await page.waitForFunction((n) => document.body.dataset.loaded === n, caseNumber);

  const path = await page.evaluate(() => ({
    ran: document.querySelectorAll('.djs-element.path-ran').length,
    taken: document.querySelectorAll('.djs-connection.path-taken').length,
    counts: [...document.querySelectorAll('.path-count')].map((badge) => Number(badge.textContent)),
  }));
  console.log(JSON.stringify(path));
  expect(path.ran >= 10, `the steps the case passed are highlighted (${path.ran})`);
  expect(path.taken >= 8, `the flows it took are highlighted (${path.taken})`);
  expect(path.counts.some((count) => count >= 2), 'a step that ran more than once shows its count');

  const trail = page.locator('#trail tbody tr');
  const all = await trail.count();
  expect(all >= 15, `the trail is shown (${all} entries)`);
  const text = await page.locator('#trail').innerText();
  for (const expected of ['human step', 'decision', 'sally', 'larry', 'Promise to pay', 'Credit hold placed', 'FORMAL_NOTICE']) {
    expect(text.includes(expected), `the trail shows "${expected}"`);
  }
  await shot(page, 'case-history-audrey');

  for (const category of ['MONEY', 'CONTACTS', 'DECISIONS', 'CASE', 'ENGINE']) {
    await page.locator(`input[name=category][value=${category}]`).uncheck();
  }
  const people = await trail.count();
  const kinds = await page.locator('#trail td.kind').allInnerTexts();
  expect(people > 0 && people < all && kinds.every((kind) => ['human step', 'comment', 'refused'].includes(kind)),
    `the people filter shows only what people did (${people} of ${all}: ${[...new Set(kinds)]})`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
  const file = join(outDir, 'case-history-audrey.pdf');
  await download.saveAs(file);
  const pdf = readFileSync(file);
  expect(download.suggestedFilename() === `${caseNumber}-trail.pdf`, `the PDF is named for the case (${download.suggestedFilename()})`);
  expect(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 20000, `a PDF was downloaded (${pdf.length} bytes)`);
  console.log(`downloaded ${file}`);
});
