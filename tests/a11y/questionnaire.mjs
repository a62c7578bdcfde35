// The web questionnaire in headless Chromium, by keyboard alone: answer every statement, add
// evidence, switch to plain words, download the answers; then check nothing was lost on
// reopening, no horizontal scrolling at 320 px, the print layout, and an axe-core WCAG 2.1 AA
// audit. Usage: node questionnaire.mjs PAGE.html DOWNLOAD.yaml CHOICES EVIDENCE
// CHOICES is a string of digits, one per statement in order: 0-3 a level, 4 "Not sure".
// Prints one JSON object; exits 1 if the page could not be completed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--no-first-run"];
const [file, download, choices, evidence] = process.argv.slice(2);
const url = pathToFileURL(resolve(file)).href;

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, type: el.type || "", name: el.name || "", id: el.id || "",
    text: (el.textContent || "").trim().slice(0, 60), checked: Boolean(el.checked) };
});

// Tab through the page once, answering each radio group as it comes, until the download button.
async function completeByKeyboard(page) {
  const ids = JSON.parse(await page.textContent("#coprod-form")).statements;
  const done = new Set();
  let evidenceGiven = false;
  let plainSwitched = false;
  for (let step = 0; step < 3000; step++) {
    await page.keyboard.press("Tab");
    const el = await focused(page);
    if (el.id === "download") {
      // Before the download, closing the tab loses nothing: a new page finds every answer.
      const other = await page.context().newPage();
      await other.goto(page.url(), { waitUntil: "load" });
      const kept = await other.evaluate(() => document.querySelectorAll("input[type=radio]:checked").length);
      await other.close();
      const [saved] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      await saved.saveAs(download);
      return { answered: done.size, evidenceGiven, plainSwitched, kept,
        suggested: saved.suggestedFilename() };
    }
    if (el.id === "plain-words" && !plainSwitched) {
      await page.keyboard.press("Space");
      plainSwitched = true;
    } else if (el.type === "radio" && el.name === "role" && !done.has("role")) {
      await page.keyboard.press("ArrowDown");  // the second role: carer
      done.add("role");
    } else if (el.type === "radio" && ids.includes(el.name) && !done.has(el.name)) {
      const choice = Number(choices[ids.indexOf(el.name)]);
      if (choice === 0) await page.keyboard.press("Space");
      for (let i = 0; i < choice; i++) await page.keyboard.press("ArrowDown");
      done.add(el.name);
    } else if (el.tag === "SUMMARY" && el.text.startsWith("Add evidence") && !evidenceGiven) {
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await page.keyboard.type(evidence);
      evidenceGiven = true;
    }
  }
  throw new Error("never reached the download button by Tab");
}

async function noSideScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function audit(page) {
  await page.evaluate(AXE);  // through the devtools protocol: the page's CSP forbids inline scripts
  const results = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS,
});
const report = { external: [], violations: {} };
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
  context.on("request", (request) => {
    if (!request.url().startsWith("file://") && !request.url().startsWith("data:") &&
        !request.url().startsWith("blob:")) report.external.push(request.url());
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  report.violations.empty = await audit(page);
  report.completed = await completeByKeyboard(page);
  report.plainShown = await page.evaluate(() => document.body.classList.contains("plain-words"));
  report.copyText = await page.inputValue("#answers-text");

  // Once downloaded, nothing of the answers is left in the browser, and the page says so.
  report.downloaded = await page.textContent("#downloaded");
  report.stored = await page.evaluate(() => window.localStorage.length);
  const reopened = await context.newPage();
  await reopened.goto(url, { waitUntil: "load" });
  report.restored = await reopened.evaluate(() => document.querySelectorAll("input[type=radio]:checked").length);
  report.notKeptShown = await reopened.isVisible("#not-kept");
  await reopened.close();

  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  report.violations.filled = await audit(page);
  report.sideScroll = {};
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    report.sideScroll[width] = !(await noSideScroll(page));
  }
  await page.setViewportSize({ width: 320, height: 800 });
  await page.click("#plain-words");
  report.sideScroll.plain320 = !(await noSideScroll(page));
  report.violations.plain320 = await audit(page);

  // A browser that keeps nothing: the page says so before anything is lost.
  const closed = await browser.newContext();
  await closed.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException("denied", "SecurityError"); };
  });
  const unkept = await closed.newPage();
  await unkept.goto(url, { waitUntil: "load" });
  report.notKept = await unkept.isVisible("#not-kept") ? await unkept.textContent("#not-kept") : "";
  await closed.close();

  await page.emulateMedia({ media: "print" });
  report.print = await page.evaluate(() => ({
    finish: getComputedStyle(document.querySelector(".finish")).display,
    box: getComputedStyle(document.querySelector(".box")).display,
    radio: getComputedStyle(document.querySelector("input[type=radio]")).display,
  }));
  await context.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 1));
