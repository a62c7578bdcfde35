// What a reader sees of a page in headless Chromium: its text as rendered (every help and
// evidence box opened), in the language it opens in. Usage: node seen.mjs PAGE.html
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(resolve(process.argv[2])).href, { waitUntil: "load" });
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  console.log(await page.evaluate(() => document.body.innerText));
} finally {
  await browser.close();
}
