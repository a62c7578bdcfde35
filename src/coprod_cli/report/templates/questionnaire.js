// The questionnaire keeps every answer in this browser as it is given (until it is downloaded),
// and writes an ordinary coprod answers file (YAML) to download or copy. Nothing is sent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("coprod-form").textContent);
  var LANGUAGES = {en: "en-GB", cy: "cy"};  // each language's lang on <html>
  var form = document.getElementById("questionnaire");
  var key = "coprod-" + data.framework + "-answers";
  var steps = Array.prototype.slice.call(document.querySelectorAll(".step"));
  var finish = document.getElementById("finish");
  var state = load();
  var shownCount = -1;
  var keeping = true;  // false once downloaded, until the person changes something
  var backToCheck = false;

  function $(id) { return document.getElementById(id); }

  function blank(plain, stepped, language) {
    return {role: null, levels: {}, evidence: {}, reasons: {}, plain: plain, stepped: stepped,
            step: 0, language: language};
  }

  // The page's own words in the language shown, from the page (never written here), with
  // each {name} filled in.
  function say(key, values) {
    return data.words[state.language][key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  // The words inside an element as shown now (a copy, not the element itself): its spans in
  // the other language, and the wording (full or plain) not chosen, left out; each span keeps
  // its lang.
  function shownWords(element) {
    var copy = element.cloneNode(true);
    var other = Object.keys(LANGUAGES).filter(function (code) { return code !== state.language; });
    copy.querySelectorAll(other.map(function (code) { return "." + code; }).concat(
      [state.plain ? ".full" : ".plain"]).join(", ")).forEach(function (node) { node.remove(); });
    var words = document.createDocumentFragment();
    while (copy.firstChild) { words.appendChild(copy.firstChild); }
    return words;
  }

  // A message whose {name}s are filled in with nodes (words from the page, with their lang)
  // or text, into `element`.
  function fill(element, key, values) {
    element.textContent = "";
    data.words[state.language][key].split(/(\{\w+\})/).forEach(function (piece) {
      var name = /^\{(\w+)\}$/.exec(piece);
      var value = name && values && name[1] in values ? values[name[1]] : piece;
      if (value instanceof Node) {
        while (value.firstChild) { element.appendChild(value.firstChild); }
      } else if (value !== "") {
        element.appendChild(document.createTextNode(String(value)));
      }
    });
    return element;
  }

  // A status message, marked with the language it was said in (switching later leaves it so).
  function tell(element, text) {
    element.textContent = text;
    element.lang = LANGUAGES[state.language];
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "{}");
      var out = blank("plain" in saved ? Boolean(saved.plain) : data.plain, Boolean(saved.stepped),
                      saved.language in LANGUAGES ? saved.language : data.language);
      out.role = saved.role || null;
      out.levels = saved.levels || {};
      out.evidence = saved.evidence || {};
      out.reasons = saved.reasons || {};
      out.step = Math.min(Math.max(Number(saved.step) || 0, 0), steps.length - 1);
      return out;
    } catch (error) {
      return blank(data.plain, false, data.language);
    }
  }

  // Storage may be off (a setting, some private browsing): then the page says so at once,
  // and the answers still download and copy.
  function save() {
    if (!keeping) { return; }
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      $("not-kept").hidden = false;
    }
  }

  function forget() {
    keeping = false;
    try { window.localStorage.removeItem(key); } catch (error) { /* nothing was kept */ }
  }

  function storable() {
    try {
      window.localStorage.setItem(key + "-check", "1");
      window.localStorage.removeItem(key + "-check");
      return true;
    } catch (error) {
      return false;
    }
  }

{% include "questionnaire-yaml.js" %}

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // Named by the service, the role and the day, so that a lead's folder of returned files
  // says whose each one is without opening it.
  function filename() {
    return data.stem + (state.role ? "-" + state.role : "") + "-" + today() + ".yaml";
  }

  function yaml() {
    var lines = ["# " + say("fileTitle"), "# " + say("scoreIt", {name: filename()}),
                 "framework: " + quoted(data.framework)];
    if (data.service) { lines.push("service: " + quoted(data.service)); }
    lines.push("language: " + quoted(state.language));  // the language the page was in
    if (state.role) { lines.push("respondent:", "  role: " + quoted(state.role)); }
    lines.push("assessed_on: " + today(), "answers:");
    data.statements.forEach(function (id) {
      var level = state.levels[id];
      var evidence = (state.evidence[id] || "").trim();
      var reason = level === NOT_APPLYING ? (state.reasons[id] || "").trim() : "";
      if (!level) {
        lines.push("  " + quoted(id) + ":  # " + say("notYet"));
      } else if (evidence || reason) {
        lines.push("  " + quoted(id) + ":", "    level: " + quoted(level));
        if (reason) { lines.push("    reason: " + quoted(reason)); }
        if (evidence) { lines.push("    evidence: " + quoted(evidence)); }
      } else {
        lines.push("  " + quoted(id) + ": " + quoted(level));
      }
    });
    return lines.join("\n") + "\n";
  }

  // The box for why a statement does not apply is shown only while that is the answer; what
  // was typed in it is kept, and written to the file only with that answer.
  function reasonShown(id) {
    var box = $("reason-" + id);
    if (box) { box.parentNode.hidden = state.levels[id] !== NOT_APPLYING; }
  }

  function missing() {
    return data.statements.filter(function (id) { return !state.levels[id]; });
  }

  // The live region speaks only when the count changes, never on each keystroke.
  function show() {
    var answered = data.statements.length - missing().length;
    var total = data.statements.length;
    if (answered !== shownCount) {
      shownCount = answered;
      $("progress").value = answered;
      $("progress-text").textContent = say("progress", {answered: answered, total: total});
    }
    $("answers-text").value = yaml();
    $("file-name").textContent = filename();
  }

  function restore() {
    form.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.checked = input.name === "role" ? input.value === (state.role || "") && state.role !== null
        : state.levels[input.name] === input.value;
    });
    form.querySelectorAll("textarea[data-statement]").forEach(function (box) {
      box.value = state.evidence[box.dataset.statement] || "";
      if (box.value) { box.closest("details").open = true; }
    });
    form.querySelectorAll("input[data-reason]").forEach(function (box) {
      box.value = state.reasons[box.dataset.reason] || "";
      reasonShown(box.dataset.reason);
    });
    $("plain-words").checked = state.plain;
    document.body.classList.toggle("plain-words", state.plain);
    $("one-at-a-time").checked = state.stepped;
    document.documentElement.lang = LANGUAGES[state.language];
  }

  // The other language: every word of the page changes (the words the script wrote too),
  // every answer stays, and focus moves to the switch back (the one just pressed is hidden).
  function switchTo(language) {
    state.language = language;
    document.documentElement.lang = LANGUAGES[language];
    shownCount = -1;
    save();
    show();
    layout(true);
    if (!finish.hidden) { check(); } else if (!$("error-summary").hidden) { errors(shownErrors); }
    var back = $(language === "cy" ? "to-en" : "to-cy");
    back.focus();
    tell($("language-said"), say("switched"));
  }

  $("to-cy").addEventListener("click", function () { switchTo("cy"); });
  $("to-en").addEventListener("click", function () { switchTo("en"); });

{% include "questionnaire-steps.js" %}

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "radio" && target.name === "role") {
      state.role = target.value || null;
    } else if (target.type === "radio") {
      state.levels[target.name] = target.value;
      reasonShown(target.name);
      clearError(target.closest("fieldset"));
    } else if (target.id === "plain-words") {
      state.plain = target.checked;
      document.body.classList.toggle("plain-words", state.plain);
    } else if (target.id === "one-at-a-time") {
      state.stepped = target.checked;
      layout(false);
    } else {
      return;
    }
    keeping = true;
    save();
    show();
  });

  form.addEventListener("input", function (event) {
    var box = event.target;
    if (box.dataset && box.dataset.reason) {
      state.reasons[box.dataset.reason] = box.value;
      keeping = true;
      save();
      show();
    } else if (box.dataset && box.dataset.statement) {
      state.evidence[box.dataset.statement] = box.value;
      keeping = true;
      save();
      show();
    }
  });

  $("open-file").addEventListener("change", function () {
    var file = this.files[0];
    var status = $("opened");
    if (!file) { return; }
    if (file.size > 2000000) {
      tell(status, say("tooBig", {name: file.name}));
      return;
    }
    file.text().then(function (text) {
      var read = readAnswers(text);
      if (read.framework !== data.framework) {
        throw new Error(say("otherFramework", {given: read.framework || say("noFramework"),
                                               framework: data.framework}));
      }
      if (read.role !== null && data.roles.indexOf(read.role) < 0) {
        throw new Error(say("notRole", {role: read.role}));
      }
      state.role = read.role;
      state.levels = read.levels;
      state.evidence = read.evidence;
      state.reasons = read.reasons;
      // The file says which language it was answered in: the page carries on in it.
      var switched = Object.prototype.hasOwnProperty.call(LANGUAGES, read.language) &&
        read.language !== state.language;
      if (switched) {
        state.language = read.language;
        shownCount = -1;
        document.title = data.title[state.language];
      }
      keeping = true;
      save();
      restore();
      show();
      if (switched) { tell($("language-said"), say("switched")); }
      tell(status, say("opened", {name: file.name, total: data.statements.length,
                                  answered: data.statements.length - missing().length}));
      carryOn();
    }).catch(function (error) {
      tell(status, say("notOpened", {name: file.name, error: error.message}));
    });
    this.value = "";
  });

  $("download").addEventListener("click", function () {
    var blob = new Blob([yaml()], {type: "application/x-yaml;charset=utf-8"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    // The file holds the answers now: nothing of them is left in this browser for the next
    // person who uses it (a change made after this is kept again, until the next download).
    forget();
    tell($("downloaded"), say("downloaded", {name: link.download}));
  });

  $("copy").addEventListener("click", function () {
    var text = $("answers-text");
    var status = $("copied");
    var done = function () { tell(status, say("copied")); };
    var fallback = function () {
      text.focus();
      text.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      tell(status, say(copied ? "copied" : "selectCopy"));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(yaml()).then(done, fallback);
    } else {
      fallback();
    }
  });

  $("start-again").addEventListener("click", function () {
    if (!window.confirm(say("startAgain"))) {
      return;
    }
    state = blank(state.plain, state.stepped, state.language);
    forget();
    restore();
    clearErrors();
    show();
    go(0, true);
  });

  if (!storable()) { $("not-kept").hidden = false; }
  restore();
  show();
  layout(true);
}());
