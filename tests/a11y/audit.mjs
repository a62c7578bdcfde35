// Audit HTML files against WCAG 2.1 AA with axe-core in headless Chromium.
// Usage: node audit.mjs REPORT.html... ; exits 1 on any violation, 2 on a usage problem.
// CHROMIUM names the browser binary (default: Debian's /usr/bin/chromium).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// WCAG 2.1 A and AA, plus axe's best practices: landmarks, headings in order, one main.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
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
    for (const width of [1280, 375]) problems += report(file, width, await audit(browser, file, width));
  }
} finally {
  await browser.close();
}
process.exit(problems ? 1 : 0);
