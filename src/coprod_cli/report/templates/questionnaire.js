// The questionnaire keeps every answer in this browser as it is given, and writes an ordinary
// coprod answers file (YAML) to download or copy. Nothing leaves the device otherwise.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("coprod-form").textContent);
  var form = document.getElementById("questionnaire");
  var key = "coprod-" + data.framework + "-answers";
  var state = load();

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "{}");
      return {role: saved.role || null, levels: saved.levels || {}, evidence: saved.evidence || {},
              plain: "plain" in saved ? Boolean(saved.plain) : data.plain};
    } catch (error) {
      return {role: null, levels: {}, evidence: {}, plain: data.plain};
    }
  }

  // Storage may be off (a setting, some private browsing): then the page says so at once,
  // and the answers still download and copy.
  function save() {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      notKept();
    }
  }

  function forget() {
    try { window.localStorage.removeItem(key); } catch (error) { /* nothing was kept */ }
  }

  function notKept() {
    var notice = document.getElementById("not-kept");
    if (notice.hidden) { notice.hidden = false; }
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

  // A YAML double-quoted string: escapes for quotes, backslashes and every character YAML
  // would refuse or fold (controls, DEL, C1, line and paragraph separators, BOM).
  function quoted(text) {
    var out = "\"";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var ch = text.charAt(i);
      if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length &&
          text.charCodeAt(i + 1) >= 0xDC00 && text.charCodeAt(i + 1) <= 0xDFFF) {
        out += ch + text.charAt(i + 1);
        i++;
      } else if (code >= 0xD800 && code <= 0xDFFF) {
        out += "\\uFFFD";
      } else if (ch === "\"" || ch === "\\") {
        out += "\\" + ch;
      } else if (code < 0x20 || (code >= 0x7F && code <= 0x9F) || code === 0x2028 ||
                 code === 0x2029 || code === 0xFEFF || code >= 0xFFFE) {
        out += "\\u" + ("000" + code.toString(16).toUpperCase()).slice(-4);
      } else {
        out += ch;
      }
    }
    return out + "\"";
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function yaml() {
    var lines = ["# coprod answers, from the web questionnaire.",
                 "# Score it with: coprod score " + data.filename,
                 "framework: " + quoted(data.framework)];
    if (state.role) {
      lines.push("respondent:", "  role: " + quoted(state.role));
    }
    lines.push("assessed_on: " + today(), "answers:");
    data.statements.forEach(function (id) {
      var level = state.levels[id];
      var evidence = (state.evidence[id] || "").trim();
      if (!level) {
        lines.push("  " + quoted(id) + ":  # not answered yet");
      } else if (evidence) {
        lines.push("  " + quoted(id) + ":", "    level: " + quoted(level),
                   "    evidence: " + quoted(evidence));
      } else {
        lines.push("  " + quoted(id) + ": " + quoted(level));
      }
    });
    return lines.join("\n") + "\n";
  }

  function show() {
    var answered = data.statements.filter(function (id) { return state.levels[id]; }).length;
    var total = data.statements.length;
    document.getElementById("progress").value = answered;
    document.getElementById("progress-text").textContent =
      answered + " of " + total + " statements answered";
    var missing = total - answered;
    document.getElementById("missing").textContent = missing === 0
      ? "You have answered every statement. Thank you."
      : missing + " of " + total + " statements still need an answer (choose \u201cNot sure\u201d " +
        "if you do not know). You can download your answers now and finish later.";
    document.getElementById("answers-text").value = yaml();
  }

  function restore() {
    Object.keys(state.levels).forEach(function (id) {
      var input = form.querySelector("input[type=radio][name=\"" + CSS.escape(id) + "\"][value=\"" +
                                     CSS.escape(state.levels[id]) + "\"]");
      if (input) { input.checked = true; }
    });
    if (state.role !== null) {
      var role = form.querySelector("input[name=role][value=\"" + CSS.escape(state.role) + "\"]");
      if (role) { role.checked = true; }
    }
    form.querySelectorAll("textarea[data-statement]").forEach(function (box) {
      box.value = state.evidence[box.dataset.statement] || "";
      if (box.value) { box.closest("details").open = true; }
    });
    document.getElementById("plain-words").checked = state.plain;
    document.body.classList.toggle("plain-words", state.plain);
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "radio" && target.name === "role") {
      state.role = target.value || null;
    } else if (target.type === "radio") {
      state.levels[target.name] = target.value;
    } else if (target.id === "plain-words") {
      state.plain = target.checked;
      document.body.classList.toggle("plain-words", state.plain);
    }
    save();
    show();
  });

  form.addEventListener("input", function (event) {
    var box = event.target;
    if (box.dataset && box.dataset.statement) {
      state.evidence[box.dataset.statement] = box.value;
      save();
      show();
    }
  });

  document.getElementById("download").addEventListener("click", function () {
    var blob = new Blob([yaml()], {type: "application/x-yaml;charset=utf-8"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    // The file holds the answers now: nothing of them is left in this browser for the next
    // person who uses it (a change made after this is kept again, until the next download).
    forget();
    document.getElementById("downloaded").textContent = "Downloaded as " + data.filename +
      ". Your answers are now cleared from this browser: the file holds them. They stay on " +
      "this page until you close it.";
  });

  document.getElementById("copy").addEventListener("click", function () {
    var text = document.getElementById("answers-text");
    var status = document.getElementById("copied");
    var done = function () { status.textContent = "Copied. Paste it into an email or a file."; };
    var fallback = function () {
      text.focus();
      text.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      status.textContent = copied ? "Copied. Paste it into an email or a file."
        : "Select the text in the box and copy it.";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(yaml()).then(done, fallback);
    } else {
      fallback();
    }
  });

  document.getElementById("start-again").addEventListener("click", function () {
    if (!window.confirm("Clear every answer on this page and in this browser, and start again?")) { return; }
    state = {role: null, levels: {}, evidence: {}, plain: state.plain};
    form.reset();
    save();
    restore();
    show();
  });

  if (!storable()) { notKept(); }
  restore();
  show();
}());
