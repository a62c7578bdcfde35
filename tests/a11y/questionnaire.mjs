// The web questionnaire in headless Chromium, by keyboard alone, in each of its two modes (every
// statement on one page; one at a time with Back and Continue): answer every statement, add
// evidence, switch to plain words, check the answers, download them; then what axe-core (WCAG
// 2.2 AA) cannot see: focus never hidden by the sticky toolbar at 400% zoom, no horizontal
// scrolling at 320 px with and without the text-spacing override, the live region, the print
// layout, a browser that keeps nothing, and reopening the downloaded file.
// Usage: node questionnaire.mjs PAGE.html DOWNLOAD.yaml CHOICES EVIDENCE MODE
// CHOICES is a string of digits, one per statement in order: 0-3 a level, 4 "Not sure", 5
// "Does not apply" (the first such statement is given REASON in the box that then shows);
// MODE is "page" or "steps". Prints one JSON object; exits 1 if the page could not be completed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { answerFocused } from "./keyboard.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--no-first-run"];
// WCAG 1.4.12's test: the text spacing a reader may set, over whatever the page says.
const SPACING = `* { line-height: 1.5 !important; letter-spacing: .12em !important;
  word-spacing: .16em !important; } p { margin-bottom: 2em !important; }`;
const [file, download, choices, evidence, mode] = process.argv.slice(2);
const REASON = 'We are one small home: no "groups" here';
const url = pathToFileURL(resolve(file)).href;

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, type: el.type || "", name: el.name || "", id: el.id || "",
    text: (el.textContent || "").trim().slice(0, 60), checked: Boolean(el.checked) };
});

// Tab through, answering each radio group as it comes, pressing Continue (one at a time) or
// Check my answers (one page), until the download button.
async function completeByKeyboard(page) {
  const ids = JSON.parse(await page.textContent("#coprod-form")).statements;
  const done = new Set();
  const seen = { evidenceGiven: false, plainSwitched: false, continued: 0, checked: false,
    outOfView: 0, reasonGiven: false };
  for (let step = 0; step < 4000; step++) {
    await page.keyboard.press("Tab");
    const el = await focused(page);
    if (el.id === "download") {
      // Before the download, closing the tab loses nothing: a new page finds every answer.
      const other = await page.context().newPage();
      await other.goto(page.url(), { waitUntil: "load" });
      const kept = await other.evaluate(() => document.querySelectorAll("input[type=radio]:checked").length);
      await other.close();
      const summary = await page.evaluate(() => ({
        rows: document.querySelectorAll("#summary .summary-row").length,
        changes: [...document.querySelectorAll("#summary a")].map((a) => a.textContent),
        errors: document.getElementById("error-summary").hidden ? 0 :
          document.querySelectorAll("#error-list li").length }));
      const [saved] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      await saved.saveAs(download);
      return { answered: done.size, ...seen, kept, summary, suggested: saved.suggestedFilename() };
    }
    if (el.id === "plain-words" && !seen.plainSwitched) {
      await page.keyboard.press("Space");
      seen.plainSwitched = true;
    } else if (el.tag === "INPUT" && el.id.startsWith("reason-") && !seen.reasonGiven) {
      await page.keyboard.type(REASON);
      seen.reasonGiven = true;
    } else if (el.tag === "SUMMARY" && el.text.startsWith("Add evidence") && !seen.evidenceGiven) {
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await page.keyboard.type(evidence);
      seen.evidenceGiven = true;
    } else if (!(el.id === "check" && seen.checked)) {  // Check my answers: pressed once
      const pressed = await answerFocused(page, el, { ids, done, choices, mode });
      if (pressed === "check") seen.checked = true;
      if (pressed === "continue") {
        seen.continued++;
        // The next step starts in view, with focus on it (not left where Continue was).
        seen.outOfView += await page.evaluate(() => {
          const top = document.activeElement.getBoundingClientRect().top;
          return top < -1 || top > window.innerHeight - 20 ? 1 : 0;  // -1: sub-pixel rounding
        });
      }
    }
  }
  throw new Error("never reached the download button by Tab");
}

async function sideScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

async function audit(page) {
  await page.evaluate(AXE);  // through the devtools protocol: the page's CSP forbids inline scripts
  const results = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// Tab through every focus stop, forwards and then back (Shift+Tab scrolls each stop to the top
// edge, where a sticky toolbar sits): the ones whose centre is covered by something else are
// hidden focus (WCAG 2.2, 2.4.11).
async function hiddenFocus(page) {
  await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement.blur(); });
  const hidden = [];
  let stops = 0;
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let step = 0; step < 800; step++) {
      await page.keyboard.press(key);
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const box = el.getBoundingClientRect();
        const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
        const y = Math.min(Math.max(box.top + Math.min(box.height, 20) / 2, 0), window.innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
        const seen = top && (el.contains(top) || top.contains(el) ||
          (label && (label.contains(top) || top.contains(label))));
        return { id: el.id || el.textContent.trim().slice(0, 30), seen: Boolean(seen) };
      });
      if (where === null) break;
      stops++;
      if (!where.seen) hidden.push(`${key} ${where.id}`);
      if (key === "Tab" && where.id === "start-again") break;
    }
  }
  return { stops, hidden };
}

// The live region, counted as it changes while a person types evidence and then answers.
async function liveRegion(page, id) {
  await page.evaluate(() => {
    window.spoken = 0;
    new MutationObserver(() => { window.spoken++; }).observe(
      document.getElementById("progress-text"), { childList: true, characterData: true, subtree: true });
  });
  await page.evaluate(() => document.querySelectorAll("details.evidence").forEach((d) => { d.open = true; }));
  await page.focus(`#evidence-${id}`);
  await page.keyboard.type("twenty letters typed");
  const typing = await page.evaluate(() => window.spoken);
  await page.focus(`#${id}-descriptive`);
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  return { typing, answering: await page.evaluate(() => window.spoken) };
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
  report.violations.checked = await audit(page);

  // Once downloaded, nothing of the answers is left in the browser, and the page says so.
  report.downloaded = await page.textContent("#downloaded");
  report.stored = await page.evaluate(() => window.localStorage.length);
  const reopened = await context.newPage();
  await reopened.goto(url, { waitUntil: "load" });
  report.restored = await reopened.evaluate(() => document.querySelectorAll("input[type=radio]:checked").length);
  report.notKeptShown = await reopened.isVisible("#not-kept");
  report.live = await liveRegion(reopened, JSON.parse(await page.textContent("#coprod-form")).statements[0]);
  // ... and opening the downloaded file carries on with every answer.
  await reopened.setInputFiles("#open-file", download);
  await reopened.waitForFunction(() => document.getElementById("opened").textContent !== "");
  report.opened = await reopened.textContent("#opened");
  report.reopened = await reopened.evaluate(() => document.querySelectorAll("input[type=radio]:checked").length);
  await reopened.close();

  // A Change link on "Check your answers", by keyboard: to that statement's choice, and back.
  await page.focus("#summary .summary-row:nth-child(3) a");
  await page.keyboard.press("Enter");
  const changing = await focused(page);
  await page.keyboard.press("ArrowDown");
  await page.click(mode === "steps" ? "#step-next" : "#check");
  report.change = { focused: changing.name, checked: changing.checked,
    back: await page.evaluate(() => document.getElementById("finish").hidden ? "" :
      document.querySelector("#summary .summary-row:nth-child(3) dd").textContent),
    current: await page.evaluate(() => (document.querySelector(".step.current") || {}).id || "") };

  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  report.violations.filled = await audit(page);
  report.sideScroll = {};
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    report.sideScroll[width] = await sideScroll(page);
  }
  await page.setViewportSize({ width: 320, height: 800 });
  await page.click("#plain-words");
  report.sideScroll.plain320 = await sideScroll(page);
  report.violations.plain320 = await audit(page);
  await page.addStyleTag({ content: SPACING });
  report.sideScroll.spacing320 = await sideScroll(page);
  await page.click("#plain-words");

  // 400% zoom of a 1280 x 1024 screen is a 320 x 256 viewport; and a laptop's at 100%.
  report.focus = {};
  for (const [name, width, height] of [["zoom400", 320, 256], ["laptop", 1280, 800]]) {
    await page.setViewportSize({ width, height });
    report.focus[name] = await hiddenFocus(page);
  }

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
  report.violations.print = await audit(page);
  report.print = await page.evaluate(() => ({
    finish: getComputedStyle(document.querySelector(".finish")).display,
    box: getComputedStyle(document.querySelector(".box")).display,
    round: getComputedStyle(document.querySelector(".box")).borderRadius,
    radio: getComputedStyle(document.querySelector("input[type=radio]")).display,
    size: getComputedStyle(document.body).fontSize,
    lines: getComputedStyle(document.querySelector(".evidence-lines")).display,
    statements: [...document.querySelectorAll(".statement")].filter((s) => s.offsetHeight > 0).length,
    text: document.body.innerText,
  }));
  await context.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 1));
