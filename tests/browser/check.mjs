// Opens the rendered HTML report in headless Chromium (the system's /usr/bin/chromium via
// puppeteer-core) and checks what a reader and a screen reader get:
//   - every numbered table and figure of the contents is present, with its caption, and
//     every chart is drawn with a non-zero size;
//   - no console errors, no page errors, no request outside the page itself;
//   - a screenshot of the first page (kept as a test artefact);
//   - axe-core: zero WCAG 2.1 A/AA violations (with the chart data tables opened).
//
//   node check.mjs <report.html> <screenshot.png> <expected tables> <expected figures>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const [htmlPath, screenshotPath, expectedTables, expectedFigures] = process.argv.slice(2);
if (!htmlPath || !screenshotPath || expectedTables === undefined || expectedFigures === undefined) {
  console.error('usage: node check.mjs <report.html> <screenshot.png> <tables> <figures>');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const failures = [];
const fail = (message) => failures.push(message);

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrapport-chromium-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${userDataDir}`,
  ],
});

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 1448 });  // A4 proportions
  const pageUrl = pathToFileURL(path.resolve(htmlPath)).href;
  page.on('console', (msg) => {
    if (msg.type() === 'error') fail(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => fail(`page error: ${err.message}`));
  page.on('requestfailed', (req) => fail(`request failed: ${req.url()}`));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url === pageUrl || url.startsWith('data:')) {
      req.continue();
    } else {
      fail(`request outside the page: ${url}`);
      req.abort();
    }
  });
  const response = await page.goto(pageUrl, { waitUntil: 'load' });
  if (!response || !response.ok()) fail(`could not load ${pageUrl}`);

  // The contents lists every numbered table and figure; each must be in the page.
  const found = await page.evaluate(() => {
    // The list headings in bokmål, nynorsk and English.
    const listed = (...headings) => {
      const h = [...document.querySelectorAll('nav.contents h3')].find((e) => headings.includes(e.textContent));
      const list = h ? h.nextElementSibling : null;
      return list ? [...list.querySelectorAll('a')].map((a) => ({
        id: decodeURIComponent(a.getAttribute('href').slice(1)),
        label: a.querySelector('.number').textContent,
      })) : [];
    };
    const tables = listed('Tabeller', 'Tabellar', 'Tables').map(({ id, label }) => {
      const t = document.getElementById(id);
      return {
        id, label,
        ok: !!t && t.tagName === 'TABLE' && !!t.caption && t.caption.textContent.startsWith(label) &&
            t.tBodies.length > 0 && t.tBodies[0].rows.length > 0 && t.getBoundingClientRect().height > 0,
      };
    });
    const figures = listed('Figurer', 'Figurar', 'Figures').map(({ id, label }) => {
      const f = document.getElementById(id);
      const svg = f ? f.querySelector('svg') : null;
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      const caption = f ? f.querySelector('figcaption') : null;
      return {
        id, label,
        ok: !!f && f.tagName === 'FIGURE' && !!svg && box.width > 100 && box.height > 100 &&
            !!caption && caption.textContent.startsWith(label) &&
            !!svg.querySelector('title') && !!svg.querySelector('desc'),
      };
    });
    return {
      tables, figures,
      allTables: document.querySelectorAll('table').length,
      brokenLinks: [...document.querySelectorAll('a[href^="#"]')]
        .map((a) => decodeURIComponent(a.getAttribute('href').slice(1)))
        .filter((id) => !document.getElementById(id)),
    };
  });
  if (found.tables.length !== Number(expectedTables)) {
    fail(`expected ${expectedTables} numbered tables in the contents, found ${found.tables.length}`);
  }
  if (found.figures.length !== Number(expectedFigures)) {
    fail(`expected ${expectedFigures} figures in the contents, found ${found.figures.length}`);
  }
  for (const t of [...found.tables, ...found.figures]) {
    if (!t.ok) fail(`${t.label} (#${t.id}) is missing, empty or without its caption`);
  }
  for (const id of found.brokenLinks) fail(`link to #${id}, which is not in the page`);

  fs.mkdirSync(path.dirname(path.resolve(screenshotPath)), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: false });

  // Accessibility: open the data tables of the charts so that they are checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const axe = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return {
      violations: result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      })),
      passes: result.passes.length,
    };
  });
  for (const v of axe.violations) {
    fail(`axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
  }
  console.log(`tables in the contents: ${found.tables.length}, all <table>: ${found.allTables}, ` +
              `figures: ${found.figures.length}, axe rules passed: ${axe.passes}, ` +
              `violations: ${axe.violations.length}, screenshot: ${screenshotPath}`);
} finally {
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log('PASS');
