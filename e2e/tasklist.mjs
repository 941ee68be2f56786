// Working tasks in Camunda Tasklist 7.24 as a person does: filters, the task list, claim, the Camunda Form
// (form-js 1.8.7: custom dropdowns, flatpickr dates), complete.
import { expect } from './browser.mjs';

/** Opens a filter of the left column ("My tasks", "My department", ...) and waits for its list. */
export async function openFilter(page, name) {
  await page.locator('.task-filters').getByText(name, { exact: false }).first().click();
  await page.waitForTimeout(500);
}

/** Opens the task in the list whose name contains the text, and waits for its form. */
export async function openTask(page, nameContains) {
  await page.locator('.tasks-list').getByText(nameContains, { exact: false }).first().click();
  await page.locator('.task-card h2.task').filter({ hasText: nameContains }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

export async function claim(page) {
  await page.locator('.task-card').getByText('Claim', { exact: true }).click();
  await page.locator('.task-card').getByText('Claim', { exact: true }).waitFor({ state: 'detached' });
}

function field(page, label) {
  return page.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

/** The value a display-only field of the form shows. */
export async function shown(page, label) {
  const input = field(page, label).locator('input, textarea').first();
  return input.inputValue();
}

/** Picks an option of a form dropdown by its label text. */
export async function choose(page, label, option) {
  const select = field(page, label);
  await select.locator('.fjs-select-display').click();
  await select.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
  const display = await select.locator('.fjs-select-display').innerText();
  expect(display.includes(option), `"${label}" shows "${display}" after choosing "${option}"`);
}

/** Types into a text, number or textarea field. */
export async function fill(page, label, value) {
  const input = field(page, label).locator('input.fjs-input, textarea').first();
  await input.fill(String(value));
}

/** Types a date (mm/dd/yyyy, Tasklist's format) into a date field. */
export async function fillDate(page, label, mmddyyyy) {
  const input = field(page, label).locator('input.flatpickr-input').first();
  await input.click();
  await input.fill(mmddyyyy);
  await input.press('Enter');
  await page.locator('.fjs-form h1, .fjs-form h2').first().click();
}

/** Completes the task and waits until Tasklist has taken it off the list. */
export async function complete(page, nameContains) {
  await page.locator('.task-card button', { hasText: 'Complete' }).click();
  await page.locator('.tasks-list').getByText(nameContains, { exact: false }).first()
    .waitFor({ state: 'detached', timeout: 30000 });
}
