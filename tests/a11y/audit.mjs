// Audit HTML files against WCAG 2.2 AA with axe-core in headless Chromium, and what axe cannot
// see: no horizontal scrolling at 320 px with and without the text-spacing override (1.4.10,
// 1.4.12), and the chart's labels and lines in the system's colours under dark and light forced
// colours. Usage: node audit.mjs REPORT.html... ; exits 1 on any problem, 2 on a usage problem.
// CHROMIUM names the browser binary (default: Debian's /usr/bin/chromium).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// WCAG 2.0 to 2.2, A and AA, plus axe's best practices: landmarks, headings in order, one main.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const SPACING = `* { line-height: 1.5 !important; letter-spacing: .12em !important;
  word-spacing: .16em !important; } p { margin-bottom: 2em !important; }`;
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--no-first-run"];

async function audit(browser, file, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const external = [];
  // The report must be self-contained: any request that is not the file itself is a failure.
  page.on("request", (request) => {
    if (!request.url().startsWith("file://") && !request.url().startsWith("data:")) {
      external.push(request.url());
    }
  });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
  await page.evaluate(AXE);  // through the devtools protocol: the page's CSP forbids inline scripts
  const results = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  await page.close();
  return { violations: results.violations, passes: results.passes.length, external };
}

// What axe cannot see, as a list of problems.
async function unseen(browser, file) {
  const problems = [];
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
  if (await wide() > 320) problems.push(`${await wide()} px wide at 320 px`);
  await page.addStyleTag({ content: SPACING });
  if (await wide() > 320) problems.push(`${await wide()} px wide at 320 px with text spacing`);
  await page.close();
  for (const colorScheme of ["dark", "light"]) {
    const forced = await browser.newPage();
    await forced.emulateMedia({ forcedColors: "active", colorScheme });
    await forced.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
    const lost = await forced.evaluate(() => {
      const ink = getComputedStyle(document.body).color;
      return [...document.querySelectorAll("svg.chart-svg text, figure.chart svg text, figure.chart svg .series *")]
        .filter((el) => (el.tagName === "text" ? getComputedStyle(el).fill : getComputedStyle(el).stroke) !== ink)
        .map((el) => el.textContent.trim() || el.tagName);
    });
    if (lost.length) problems.push(`not in the system's colours (${colorScheme}): ${lost.join(", ")}`);
    await forced.close();
  }
  return problems;
}

function report(file, width, { violations, passes, external }) {
  for (const v of violations) {
    console.log(`${file} @${width}px: ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes) console.log(`  ${node.target.join(" ")}: ${node.failureSummary}`);
  }
  for (const url of external) console.log(`${file} @${width}px: external request to ${url}`);
  const problems = violations.length + external.length;
  console.log(`${file} @${width}px: ${problems} problem(s), ${passes} rule(s) passed`);
  return problems;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node audit.mjs REPORT.html...");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS,
});
let problems = 0;
try {
  for (const file of files) {
    for (const width of [1280, 375, 320]) problems += report(file, width, await audit(browser, file, width));
    for (const problem of await unseen(browser, file)) {
      console.log(`${file}: ${problem}`);
      problems++;
    }
  }
} finally {
  await browser.close();
}
process.exit(problems ? 1 : 0);
