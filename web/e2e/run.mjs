// Browser tests against a running stack: an operator builds a trip, a traveller books, is notified and cancels.
// Usage: npm run test:e2e   (E2E_BASE_URL, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, CHROMIUM_PATH)
// Screenshots go to web/test-results/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:8080';
const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@ticketing.local';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? readAdminPassword();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(here, '..', 'test-results');
const SETTLE_MS = 30_000; // booking saga and notification delivery through NATS

function readAdminPassword() {
  const file = join(here, '..', '..', '.run', 'admin-password');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

if (!ADMIN_PASSWORD) {
  console.error('No admin password: set E2E_ADMIN_PASSWORD or start the stack with ./ticketing up');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
// two days ahead, so the trip is bookable and cancellable; the browser runs in UTC like the search date
const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const network = {
  cities: ['A', 'B', 'C'].map((letter) => ({ city: `E2E ${letter} ${tag}`, station: `${letter} Central ${tag}`, code: `${letter}${tag}` })),
  train: { number: `E2E${tag}`, name: `Browser Express ${tag}` },
  times: [{ departure: `${day}T08:00` }, { arrival: `${day}T09:00`, departure: `${day}T09:05` }, { arrival: `${day}T10:30` }],
};

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  // Playwright gives every launch a fresh temporary --user-data-dir
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const results = [];
async function scenario(name, viewport, body) {
  const context = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'UTC', locale: 'en-GB', viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 500 && problems.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  let shot = 0;
  const snap = (step) => page.screenshot({ path: join(OUT, `${slug(name)}-${String(++shot).padStart(2, '0')}-${slug(step)}.png`), fullPage: true });
  const started = Date.now();
  try {
    await body(page, snap);
    if (problems.length) throw new Error(problems.join('\n'));
    results.push({ name, ok: true, ms: Date.now() - started });
  } catch (e) {
    await snap('failure').catch(() => {});
    results.push({ name, ok: false, ms: Date.now() - started, error: e });
  } finally {
    await context.close();
  }
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function login(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** Types into a city autocomplete and picks the suggestion with exactly that name. */
async function pickCity(page, label, name) {
  await page.getByLabel(label, { exact: true }).fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name}\\b`) }).click();
}

await scenario('operator creates a trip', { width: 1280, height: 900 }, async (page, snap) => {
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Operator' }).click();

  for (const { city } of network.cities) {
    await page.getByLabel('City name').fill(city);
    await page.getByLabel('Country').fill('Browserland');
    await page.getByRole('button', { name: 'Add city' }).click();
    await page.getByRole('status').filter({ hasText: `City ${city} added.` }).waitFor();
  }
  await snap('cities');

  await page.getByRole('button', { name: 'Stations' }).click();
  for (const { city, station, code } of network.cities) {
    await pickCity(page, 'City', city);
    await page.getByLabel('Station name').fill(station);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Add station' }).click();
    await page.getByRole('status').filter({ hasText: `Station ${station} added.` }).waitFor();
  }
  await snap('stations');

  await page.getByRole('button', { name: 'Trains' }).click();
  await page.getByLabel('Train number').fill(network.train.number);
  await page.getByLabel('Train name').fill(network.train.name);
  await page.getByLabel('Wagon 1 seats').fill('4');
  await page.getByLabel('Wagon 2 seats').fill('6');
  await page.getByRole('button', { name: 'Create train' }).click();
  await page.getByRole('status').filter({ hasText: `Train ${network.train.number} created` }).waitFor();
  await snap('train');

  await page.getByRole('button', { name: 'Trips' }).click();
  await page.getByRole('button', { name: 'Add stop' }).click();
  for (const [i, { city, station }] of network.cities.entries()) {
    const n = i + 1;
    await pickCity(page, `Stop ${n} city`, city);
    await page.getByLabel(`Stop ${n} station`).selectOption({ label: station });
    const { arrival, departure } = network.times[i];
    if (arrival) await page.getByLabel(`Stop ${n} arrival`).fill(arrival);
    if (departure) await page.getByLabel(`Stop ${n} departure`).fill(departure);
  }
  await page.getByLabel('First class fare').fill('20.00');
  await page.getByLabel('Second class fare').fill('10.00');
  await snap('trip-form');
  await page.getByRole('button', { name: 'Schedule trip' }).click();
  await page.getByRole('link', { name: /open trip/ }).click();
  await page.getByRole('heading', { name: new RegExp(`Train ${network.train.number}`) }).waitFor();
  await page.getByRole('button', { name: /^Seat 1-1, free/ }).waitFor();
  await snap('trip-page');
});

await scenario('traveller books, is notified and cancels', { width: 390, height: 844 }, async (page, snap) => {
  const email = `e2e-${tag.toLowerCase()}-${Date.now()}@example.com`;
  await page.goto('/register');
  await page.getByLabel('Full name').fill('Erin Browser');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('alert').waitFor(); // a weak password is refused with a reason
  await snap('weak-password');
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();

  const [from, , to] = network.cities;
  await pickCity(page, 'From', from.city);
  await pickCity(page, 'To', to.city);
  await page.getByLabel('Date').fill(day);
  await page.getByRole('button', { name: 'Search' }).click();
  const offer = page.getByRole('listitem').filter({ hasText: `train ${network.train.number}` });
  await offer.getByText('First class').waitFor();
  await snap('search-results');
  await offer.getByRole('link', { name: /Choose seats/ }).click();

  const seat = page.getByRole('button', { name: /^Seat 1-\d+, free/ }).first();
  const seatName = await seat.getAttribute('aria-label');
  const seatNumber = seatName.match(/Seat (\S+),/)[1];
  await seat.click();
  await snap('seat-picked');
  const unreadBefore = await unreadCount(page);
  await page.getByRole('button', { name: `Book seat ${seatNumber}` }).click();

  await page.waitForURL(/\/tickets\/[0-9a-f-]+$/);
  const ticketId = page.url().split('/').pop();
  await page.locator('.live-status').getByText('Confirmed').waitFor({ timeout: SETTLE_MS });
  await page.getByText(`${seatNumber} (wagon 1, first class)`).waitFor();
  await snap('confirmed');

  // the notification arrives over the live stream: the badge grows without a reload
  await page.waitForFunction(
    (before) => Number(document.querySelector('[data-testid="unread-badge"]')?.textContent ?? 0) > before,
    unreadBefore,
    { timeout: SETTLE_MS },
  );
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await page.locator('.notifications').locator(`a[href="/tickets/${ticketId}"]`).first().waitFor({ timeout: SETTLE_MS });
  await snap('notification');

  await page.locator('.notifications').locator(`a[href="/tickets/${ticketId}"]`).first().click();
  await page.getByRole('button', { name: 'Cancel ticket' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel ticket' }).click();
  await page.locator('.live-status').getByText('Cancelled').waitFor({ timeout: SETTLE_MS });
  await snap('cancelled');

  await page.getByRole('link', { name: 'My tickets', exact: true }).click();
  await page.getByRole('listitem').filter({ hasText: `${from.station} → ${to.station}` }).getByText('Cancelled').waitFor();
  await snap('my-tickets');
});

async function unreadCount(page) {
  const badge = page.locator('[data-testid="unread-badge"]');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

await browser.close();
for (const r of results) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${(r.ms / 1000).toFixed(1)} s)`);
  if (!r.ok) console.log(String(r.error?.stack ?? r.error).replace(/^/gm, '      '));
}
console.log(`screenshots: ${OUT}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
