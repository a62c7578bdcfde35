// Runs a script written by `coprod form --format apps-script` against a stand-in for Google's
// FormApp, and prints the form it built as JSON: each item's kind, title, help and choices.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const items = [];
const form = { title: null, description: null };
function item(kind) {
  const made = { kind, title: null, help: null, choices: null, required: null };
  items.push(made);
  const chain = {
    setTitle(text) { made.title = text; return chain; },
    setHelpText(text) { made.help = text; return chain; },
    setChoiceValues(values) { made.choices = values; return chain; },
    setRequired(value) { made.required = value; return chain; },
  };
  return chain;
}
const FormApp = {
  create(title) {
    form.title = title;
    return {
      setDescription(text) { form.description = text; return this; },
      setCollectEmail() { return this; },
      setProgressBar() { return this; },
      addMultipleChoiceItem() { return item("choice"); },
      addParagraphTextItem() { return item("paragraph"); },
      addPageBreakItem() { return item("section"); },
      getEditUrl() { return "edit"; },
      getPublishedUrl() { return "published"; },
    };
  },
};
const logged = [];
const context = { FormApp, Logger: { log: (text) => logged.push(text) } };
vm.runInNewContext(readFileSync(process.argv[2], "utf8") + "\ncreateCoprodForm();", context);
process.stdout.write(JSON.stringify({ form, items, logged, globals: Object.keys(context) }));
