// "Open my answers file" in headless Chromium: each FILE opened in turn on a fresh page, and
// what the page made of it. Usage: node openfile.mjs PAGE.html FILE...
// Prints a JSON list, one object per file: the message shown, the answers and evidence taken
// in, and whether anything in the file became markup or ran.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [page, ...files] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const results = [];
try {
  for (const file of files) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(pathToFileURL(resolve(page)).href, { waitUntil: "load" });
    await tab.setInputFiles("#open-file", file);
    await tab.waitForFunction(() => document.getElementById("opened").textContent !== "");
    await tab.click("#check");
    results.push(await tab.evaluate((errors) => ({
      opened: document.getElementById("opened").textContent,
      lang: document.documentElement.lang,
      title: document.title,
      said: document.getElementById("language-said").textContent,
      levels: Object.fromEntries([...document.querySelectorAll("input[type=radio]:checked")]
        .map((input) => [input.name, input.value])),
      evidence: Object.fromEntries([...document.querySelectorAll("textarea[data-statement]")]
        .filter((box) => box.value).map((box) => [box.dataset.statement, box.value])),
      summary: document.getElementById("summary").textContent,
      markup: document.querySelectorAll("main img, main b, main script, #summary *:not(div, dt, dd, span, p, a)").length,
      ran: Boolean(window.pwned),
      errors,
    }), errors));
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results, null, 1));
