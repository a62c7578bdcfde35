  // ---- Answers files: written as coprod reads them, and read back without running anything ----

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

  // Reading: only the plain shapes coprod writes (keys and values, double- or single-quoted
  // or plain, a flow mapping {level: ..., evidence: ...}, comments). Anything else is refused
  // with its line; nothing in the file is ever run or put into the page as markup.
  var ESCAPES = {"0": "\0", "a": "\x07", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
                 "r": "\r", "e": "\x1B", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
                 "N": "\x85", "_": "\xA0", "L": "\u2028", "P": "\u2029"};
  var HEX = {"x": 2, "u": 4, "U": 8};

  var NOT_APPLYING = "does-not-apply";

  function fail(line, what) { throw new Error(say("line", {line: line, what: what})); }

  // A double-quoted string starting at text[at]: its value and where it ends.
  function doubleQuoted(text, at, line) {
    var out = "";
    for (var i = at + 1; i < text.length; i++) {
      var ch = text.charAt(i);
      if (ch === "\"") { return {value: out, end: i + 1}; }
      if (ch !== "\\") { out += ch; continue; }
      var next = text.charAt(++i);
      if (next in ESCAPES) { out += ESCAPES[next]; continue; }
      if (!(next in HEX)) { fail(line, say("badEscape", {escape: "\\" + next})); }
      var digits = text.substr(i + 1, HEX[next]);
      if (!/^[0-9A-Fa-f]+$/.test(digits) || digits.length !== HEX[next]) {
        fail(line, say("brokenEscape", {escape: "\\" + next}));
      }
      out += String.fromCodePoint(parseInt(digits, 16));
      i += HEX[next];
    }
    fail(line, say("unended"));
  }

  function singleQuoted(text, at, line) {
    var out = "";
    for (var i = at + 1; i < text.length; i++) {
      if (text.charAt(i) === "'" && text.charAt(i + 1) === "'") { out += "'"; i++; continue; }
      if (text.charAt(i) === "'") { return {value: out, end: i + 1}; }
      out += text.charAt(i);
    }
    fail(line, say("unended"));
  }

  // One value from text[at]: quoted, or plain up to one of `stops` or a comment.
  function value(text, at, line, stops) {
    while (text.charAt(at) === " ") { at++; }
    var first = text.charAt(at);
    if (first === "\"") { return doubleQuoted(text, at, line); }
    if (first === "'") { return singleQuoted(text, at, line); }
    if ("[&*!|>%@`".indexOf(first) >= 0 && first !== "") {
      fail(line, say("notWritten", {char: first}));
    }
    var end = at;
    while (end < text.length && stops.indexOf(text.charAt(end)) < 0 &&
           !(text.charAt(end) === "#" && text.charAt(end - 1) === " ")) { end++; }
    return {value: text.slice(at, end).trim(), end: end};
  }

  function rest(text, at, line) {
    var tail = text.slice(at).trim();
    if (tail && tail.charAt(0) !== "#") { fail(line, say("after")); }
  }

  // 'key: value' (the key quoted or plain); value is null when nothing follows the colon.
  function entry(text, line) {
    var key;
    var after;
    if (text.charAt(0) === "\"" || text.charAt(0) === "'") {
      var found = value(text, 0, line, "");
      if (text.charAt(found.end) !== ":") { fail(line, say("notKeyValue")); }
      key = found.value;
      after = text.slice(found.end + 1);
    } else {
      var colon = text.search(/:( |$)/);
      if (colon <= 0) { fail(line, say("notKeyValue")); }
      key = text.slice(0, colon).trim();
      after = text.slice(colon + 1);
    }
    var trimmed = after.trim();
    if (!trimmed || trimmed.charAt(0) === "#") { return {key: key, value: null}; }
    if (trimmed.charAt(0) === "{") { return {key: key, value: flow(trimmed, line)}; }
    var given = value(after, 0, line, "");
    rest(after, given.end, line);
    return {key: key, value: given.value};
  }

  // {level: x, evidence: "..."} on one line.
  function flow(text, line) {
    var out = {};
    var at = 1;
    for (;;) {
      while (text.charAt(at) === " ") { at++; }
      if (text.charAt(at) === "}") { rest(text, at + 1, line); return out; }
      var colon = text.indexOf(":", at);
      if (colon < 0) { fail(line, say("flowUnended")); }
      var key = text.slice(at, colon).trim();
      var found = value(text, colon + 1, line, ",}");
      out[key] = found.value;
      at = found.end;
      while (text.charAt(at) === " ") { at++; }
      if (text.charAt(at) === ",") { at++; } else if (text.charAt(at) !== "}") {
        fail(line, say("flowUnended"));
      }
    }
  }

  // An answers file's text as {framework, role, levels, evidence}, or an Error naming the line.
  function readAnswers(text) {
    var read = {framework: null, language: null, role: null, levels: {}, evidence: {},
                reasons: {}};
    var section = null;
    var current = null;
    text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach(function (raw, index) {
      var line = index + 1;
      var body = raw.replace(/\s+$/, "");
      var indent = body.length - body.replace(/^ +/, "").length;
      body = body.trim();
      if (!body || body.charAt(0) === "#" || body === "---") { return; }
      if (raw.charAt(indent) === "\t") { fail(line, say("tab")); }
      var pair = entry(body, line);
      if (indent === 0) {
        section = pair.key;
        current = null;
        if (pair.key === "framework") { read.framework = pair.value; }
        if (pair.key === "language") { read.language = pair.value; }
        if (pair.key === "framework" && pair.value !== data.framework) {
          throw new Error(say("otherFramework", {given: pair.value, framework: data.framework}));
        }
      } else if (section === "respondent" && pair.key === "role") {
        read.role = pair.value || null;
      } else if (section === "answers" && indent <= 2) {
        current = pair.key;
        answer(read, pair.key, pair.value, line);
      } else if (section === "answers" && current !== null) {
        var part = {};
        part[pair.key] = pair.value;
        answer(read, current, part, line, true);
      }
    });
    return read;
  }

  function answer(read, id, given, line, adding) {
    if (data.statements.indexOf(id) < 0) { fail(line, say("notStatement", {id: id, framework: data.framework})); }
    var parts = given !== null && typeof given === "object" ? given : {level: given};
    if ("level" in parts) {
      var level = levelId(parts.level);
      if (parts.level !== null && parts.level !== "" && level === null) {
        fail(line, say("notLevel", {level: parts.level}));
      }
      if (level !== null) { read.levels[id] = level; } else if (!adding) { delete read.levels[id]; }
    }
    if (typeof parts.evidence === "string" && parts.evidence.trim()) {
      read.evidence[id] = parts.evidence;
    }
    if (typeof parts.reason === "string" && parts.reason.trim()) {
      read.reasons[id] = parts.reason;
    }
  }

  function levelId(word) {
    if (word === null || word === undefined) { return null; }
    var text = String(word).trim().toLowerCase();
    var found = null;
    data.levels.forEach(function (level, number) {
      var named = level.names.some(function (name) { return text === name.toLowerCase(); });
      if (text === level.id || named || text === String(number) ||
          text === level.id.replace("-", " ")) { found = level.id; }
    });
    if (text === "does-not-apply" || text === "does not apply" || text === "not applicable") {
      return NOT_APPLYING;
    }
    return found || (text === "unsure" || text === "not sure" ? "unsure" : null);
  }
