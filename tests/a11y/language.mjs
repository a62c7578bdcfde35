// The web questionnaire's language switch in headless Chromium, by keyboard alone: answer about
// half the statements in English, go back to the switch (Shift+Tab) and press it, answer the
// rest in Welsh, check and download; then switch back. axe-core (WCAG 2.2 AA) in each language,
// and which language every visible text is marked with (WCAG 3.1.1, 3.1.2).
// Usage: node language.mjs PAGE.html DOWNLOAD.yaml CHOICES MODE
// CHOICES: one digit per statement, 0-3 a level, 4 "Not sure"; MODE "page" or "steps".
// Prints one JSON object; exits 1 if the page could not be completed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { answerFocused } from "./keyboard.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const [file, download, choices, mode] = process.argv.slice(2);
const url = pathToFileURL(resolve(file)).href;

async function audit(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id || "", type: el.type || "", name: el.name || "", checked: Boolean(el.checked),
    lang: el.lang || "", text: (el.textContent || "").trim() };
});

// Every visible text of the page, grouped by the language it is marked with.
const languages = (page) => page.evaluate(() => {
  const found = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\s+/g, " ").trim();
    const el = node.parentElement;
    if (!text || el.closest("script, style, textarea") || !el.checkVisibility()) continue;
    const lang = el.closest("[lang]").lang;
    (found[lang] = found[lang] || []).includes(text) || found[lang].push(text);
  }
  return found;
});

// Shift+Tab back to the switch, and press it by Enter.
async function switchByKeyboard(page, id) {
  for (let step = 0; step < 3000; step++) {
    if ((await focused(page)).id === id) {
      const before = await focused(page);
      await page.keyboard.press("Enter");
      return before;
    }
    await page.keyboard.press("Shift+Tab");
  }
  throw new Error(`never reached #${id} by Shift+Tab`);
}

const checkedCount = (page) => page.evaluate(() => document.querySelectorAll("input[type=radio]:checked").length);

// Tab on, answering each unanswered group, until `stop` says so.
async function answer(page, ids, done, stop) {
  for (let step = 0; step < 4000; step++) {
    if (await stop()) return;
    await page.keyboard.press("Tab");
    await answerFocused(page, await focused(page), { ids, done, choices, mode });
  }
  throw new Error("never finished by Tab");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const report = { violations: {}, errors: [] };
try {
  // Which language each visible text is marked with, every help opened, in each language.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 800 } });
  const look = await context.newPage();
  await look.goto(url, { waitUntil: "load" });
  await look.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  report.opensIn = await look.evaluate(() => document.documentElement.lang);
  report.marked = { [report.opensIn]: await languages(look) };
  await look.click(report.opensIn === "cy" ? "#to-en" : "#to-cy");
  report.marked[await look.evaluate(() => document.documentElement.lang)] = await languages(look);
  await look.evaluate(() => window.localStorage.clear());
  await look.close();

  const page = await context.newPage();
  page.on("pageerror", (error) => report.errors.push(error.message));
  await page.goto(url, { waitUntil: "load" });
  report.violations.english = await audit(page);
  const ids = JSON.parse(await page.textContent("#coprod-form")).statements;
  const half = Math.ceil(ids.length / 2);
  const done = new Set();
  await answer(page, ids, done, async () => done.size > half);
  const before = await checkedCount(page);
  const current = await page.evaluate(() => (document.querySelector(".step.current") || {}).id || "");

  // The switch, by keyboard, mid-way.
  report.pressed = await switchByKeyboard(page, "to-cy");
  report.switched = {
    lang: await page.evaluate(() => document.documentElement.lang),
    focus: await focused(page),
    said: await page.textContent("#language-said"),
    saidLang: await page.getAttribute("#language-said", "lang"),
    kept: (await checkedCount(page)) === before && before === done.size,
    title: await page.title(),
    step: await page.evaluate(() => (document.querySelector(".step.current") || {}).id || "") === current,
    progress: await page.textContent("#progress-text"),
  };
  report.violations.welsh = await audit(page);
  // Closed and opened again before the download: the answers and the language are kept.
  const again = await context.newPage();
  await again.goto(url, { waitUntil: "load" });
  report.reopened = { lang: await again.evaluate(() => document.documentElement.lang),
    kept: await checkedCount(again) };
  await again.close();

  // The rest in Welsh, then Check your answers and the download.
  await answer(page, ids, done, async () => (await focused(page)).id === "download");
  report.answered = done.size;
  report.summary = await page.evaluate(() => ({
    changes: [...document.querySelectorAll("#summary a")].map((a) => a.textContent),
    rows: document.querySelectorAll("#summary .summary-row").length }));
  report.violations.checked = await audit(page);
  const [saved] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  await saved.saveAs(download);
  report.downloaded = await page.textContent("#downloaded");
  report.copyText = await page.inputValue("#answers-text");

  // And back to English: the words the script wrote change too.
  report.back = await switchByKeyboard(page, "to-en");
  report.afterBack = {
    lang: await page.evaluate(() => document.documentElement.lang),
    changes: await page.evaluate(() => [...document.querySelectorAll("#summary a")].map((a) => a.textContent)),
    kept: await checkedCount(page),
    file: await page.inputValue("#answers-text"),
  };
  report.violations.englishAgain = await audit(page);
  await context.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 1));
