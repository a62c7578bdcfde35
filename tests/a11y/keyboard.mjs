// Answering the web questionnaire by keyboard alone, as the browser tests (questionnaire.mjs,
// language.mjs) share it: one key for the element in focus.

// The key for `el` (what has focus): one at a time switched on in MODE "steps", Continue and
// Check my answers pressed, the role's second choice taken, and each statement in `ids` not in
// `done` answered with its digit of CHOICES (0-3 a level, 4 "Not sure", 5 "Does not apply":
// Space takes the first choice, each ArrowDown the next). Returns what it pressed ("steps",
// "continue", "check", "role", "answer"), or "" when `el` asks for nothing of these.
export async function answerFocused(page, el, { ids, done, choices, mode }) {
  if (el.id === "one-at-a-time" && mode === "steps" && !el.checked) {
    await page.keyboard.press("Space");
    return "steps";
  }
  if (el.id === "step-next" || el.id === "check") {
    await page.keyboard.press("Enter");
    return el.id === "check" ? "check" : "continue";
  }
  if (el.type === "radio" && el.name === "role" && !done.has("role")) {
    await page.keyboard.press("ArrowDown");  // the second role: carer
    done.add("role");
    return "role";
  }
  if (el.type === "radio" && ids.includes(el.name) && !done.has(el.name)) {
    const choice = Number(choices[ids.indexOf(el.name)]);
    if (choice === 0) await page.keyboard.press("Space");
    for (let i = 0; i < choice; i++) await page.keyboard.press("ArrowDown");
    done.add(el.name);
    return "answer";
  }
  return "";
}
