// Sales: a promise to pay the server refuses, in Tasklist. On the key account's call (assigned to sally) she
// records a promise of an absurd amount, once as the form takes it (a billion: more than the customer owes) and once
// as a client that skips the form's own checks sends it (1e308, which the form's number field itself refuses, put
// into the request on its way); then a promise without its date, once as the form has it (the form itself asks for
// the date) and once as such a client sends it (the date taken out of the request on its way). Each time Tasklist shows the server's message in words, next
// to the form, and the task stays open with nothing recorded.
import { camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { choose, fill, fillDate, openFilter, openTask } from './tasklist.mjs';

const customer = process.env.CUSTOMER;
const taskName = `Initial contact: ${customer}`;
const INTERNALS = /ENGINE-\d{5}|Exception|java\.|org\.camunda|SQL|TaskListener/;

/** Clicks Complete and waits for Tasklist's notification with these words; the task is still in the list. */
async function completeRefused(page, words, screenshot) {
  await page.locator('.task-card button', { hasText: 'Complete' }).click();
  const message = page.getByText(words, { exact: false }).first();
  try {
    await message.waitFor({ timeout: 15000 });
  } catch (e) {
    await shot(page, `${screenshot}-FAILED`);
    throw e;
  }
  const screen = await page.locator('body').innerText();
  expect(!INTERNALS.test(screen), `no engine code or Java text on the screen: ${screen.match(INTERNALS)}`);
  await page.waitForTimeout(300);
  await shot(page, screenshot);
  await page.locator('.tasks-list').getByText(taskName, { exact: false }).first().waitFor();
  return screen;
}

/**
 * The call form on a fresh page (the notification of the step before would lie over the Complete button), filled
 * with a promise of this amount and, unless null, this date.
 */
async function promiseOnFreshPage(page, amount, date) {
  await page.reload();
  await openTask(page, taskName);
  await choose(page, 'How you contacted them', 'Phone call');
  await choose(page, 'Outcome', 'Promise to pay');
  await fill(page, 'Promised amount', amount);
  if (date !== null) {
    await fillDate(page, 'Promised payment date', date);
  }
}

/** Acts as a client that skips the form's own checks: the submitted variables are changed on their way. */
async function alterSubmission(page, change) {
  await page.unroute('**/task/*/submit-form');
  await page.route('**/task/*/submit-form', async (route) => {
    const body = route.request().postDataJSON();
    change(body.variables);
    await route.continue({ postData: JSON.stringify(body) });
  });
}

await scenario(`Tasklist shows sally the server's refusal of a promise from ${customer}; the task stays open`, async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'sally');
  await openFilter(page, 'My tasks');
  await openTask(page, taskName);

  // an absurd amount: the form takes any positive number, the server compares it with what is owed
  await choose(page, 'How you contacted them', 'Phone call');
  await choose(page, 'Outcome', 'Promise to pay');
  await fill(page, 'Promised amount', process.env.ABSURD_AMOUNT);
  await fillDate(page, 'Promised payment date', process.env.PROMISED_DATE);
  const absurd = await completeRefused(page, 'the customer owes', 'refused-1-absurd-amount');
  expect(absurd.includes('Promised amount:'), 'the message names the field');

  // 1e308 (the form's own number field does not take it): the amount replaced in the request on its way
  await alterSubmission(page, (variables) => { variables.promisedAmount.value = 1e308; });
  await promiseOnFreshPage(page, '100', process.env.PROMISED_DATE);
  const huge = await completeRefused(page, 'Promised amount:', 'refused-1b-amount-1e308');
  expect(huge.includes('customer owes') || huge.includes('too large'), `1e308 refused for its size: ${huge.slice(-600)}`);
  await page.unroute('**/task/*/submit-form');

  // no date: the form asks for it itself ...
  await promiseOnFreshPage(page, '100', null);
  await page.locator('.task-card button', { hasText: 'Complete' }).click();
  await page.locator('.fjs-form-field-error').first().waitFor({ timeout: 15000 });
  await shot(page, 'refused-2-no-date-form');

  // ... and a client that skips the form's checks (the date taken out on the way) gets the server's answer
  await alterSubmission(page, (variables) => { delete variables.promisedDate; });
  await promiseOnFreshPage(page, '100', process.env.PROMISED_DATE);
  const noDate = await completeRefused(page, 'Promised payment date: please fill this in', 'refused-3-no-date-server');
  expect(noDate.includes('承诺付款日期'), 'in English and Chinese');
  await page.unroute('**/task/*/submit-form');
});
