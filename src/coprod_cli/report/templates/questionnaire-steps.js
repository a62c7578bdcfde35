  // ---- Two ways through: every statement on one page, or one at a time with Back and
  // Continue (GOV.UK's question pages); both end in "Check your answers" ----

  function stepOf(element) { return steps.indexOf(element.closest(".step")); }

  // Show the step at `index` (one at a time), or the whole page; `focus` moves focus to it.
  function go(index, focus) {
    state.step = Math.min(Math.max(index, 0), steps.length - 1);
    var current = steps[state.step];
    steps.forEach(function (step) { step.classList.toggle("current", step === current); });
    document.querySelectorAll(".part").forEach(function (part) {
      part.classList.toggle("holds-current", part.contains(current));
    });
    var atFinish = current === finish;
    // Past the first step, the introduction gives way, so each question starts near the top.
    document.body.classList.toggle("later-step", state.stepped && state.step > 0);
    if (atFinish) { check(); }
    if (state.stepped) {
      $("step-back").hidden = state.step === 0;
      $("step-nav").hidden = atFinish;
      document.title = heading(current) + " - " + data.title[state.language];
    }
    save();
    if (focus) {  // the new step's start in view (not where Continue was), and focus on it
      var target = atFinish && !$("error-summary").hidden ? $("error-summary") : current;
      target.scrollIntoView({block: "start"});
      target.focus({preventScroll: true});
    }
  }

  // What a step is called in the window's title, as a page of its own would be.
  function heading(step) {
    if (step === finish) { return say("check"); }
    var words = shownWords(step.querySelector(".legend-title")).textContent.trim();
    if (!step.dataset.number) { return words; }
    return say("statementTitle", {number: step.dataset.number, total: data.statements.length,
                                  words: words});
  }

  function layout(initial) {
    document.body.classList.toggle("stepped", state.stepped);
    $("step-nav").hidden = !state.stepped;
    $("step-back").hidden = !state.stepped;
    document.title = data.title[state.language];
    if (state.stepped) {
      go(state.step, !initial);
    } else {
      steps.forEach(function (step) { step.classList.remove("current"); });
      document.body.classList.remove("later-step");
    }
  }

  // After opening a file: on to the first statement with no answer (or to the check).
  function carryOn() {
    var first = missing()[0];
    var target = first ? $("statement-" + first) : finish;
    if (state.stepped) { go(steps.indexOf(target), true); return; }
    if (!first) { check(); }
    target.hidden = false;
    target.focus();
  }

  function clearError(fieldset) {
    if (!fieldset) { return; }
    fieldset.classList.remove("has-error");
    var message = fieldset.querySelector(".error-message");
    if (message) { message.remove(); fieldset.removeAttribute("aria-describedby"); }
  }

  function clearErrors() {
    form.querySelectorAll("fieldset.has-error").forEach(clearError);
    $("error-summary").hidden = true;
  }

  function statementNumber(id) { return $("statement-" + id).dataset.number; }

  // GOV.UK's error summary: a link to each statement with no answer, and the same message
  // on the statement itself.
  var shownErrors = [];

  function errors(ids) {
    clearErrors();
    shownErrors = ids;
    var list = $("error-list");
    list.textContent = "";
    ids.forEach(function (id) {
      var fieldset = $("statement-" + id);
      var words = say("noAnswer", {number: statementNumber(id)});
      var message = document.createElement("p");
      message.className = "error-message";
      message.id = "error-" + id;
      message.textContent = say("error", {words: words});
      fieldset.querySelector("legend").after(message);
      fieldset.classList.add("has-error");
      fieldset.setAttribute("aria-describedby", message.id);
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + fieldset.querySelector("input").id;
      link.textContent = words;
      link.dataset.statement = id;
      item.appendChild(link);
      list.appendChild(item);
    });
    $("error-summary").hidden = ids.length === 0;
  }

  function row(list, term, answer, target, name) {
    var group = document.createElement("div");
    group.className = "summary-row";
    var dt = document.createElement("dt");
    dt.appendChild(term);
    var dd = document.createElement("dd");
    answer.forEach(function (line, index) {
      var part = document.createElement(index ? "p" : "span");
      part.appendChild(line);
      dd.appendChild(part);
    });
    var action = document.createElement("dd");
    action.className = "change";
    var link = document.createElement("a");
    link.href = "#" + target.id;
    link.dataset.step = String(steps.indexOf(target));
    link.textContent = say("change");
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + name;
    link.appendChild(hidden);
    action.appendChild(link);
    group.append(dt, dd, action);
    list.appendChild(group);
  }

  function chosen(name, value) {
    var input = form.querySelector("input[name=\"" + CSS.escape(name) + "\"][value=\"" +
                                   CSS.escape(value) + "\"]");
    return input ? shownWords(document.querySelector("label[for=\"" + CSS.escape(input.id) +
                                                      "\"]")) : text(value);
  }

  function text(words) { return document.createTextNode(words); }

  function said(key, values) { return fill(document.createElement("span"), key, values); }

  // "Check your answers": every answer with a Change link, then the download.
  function check() {
    var list = $("summary");
    list.textContent = "";
    row(list, said("whoTerm"), [state.role ? chosen("role", state.role) : said("notSaid")],
        $("step-role"), say("whoName"));
    data.statements.forEach(function (id) {
      var fieldset = $("statement-" + id);
      var words = shownWords(fieldset.querySelector(".legend-title"));
      var level = state.levels[id];
      var evidence = (state.evidence[id] || "").trim();
      var reason = level === NOT_APPLYING ? (state.reasons[id] || "").trim() : "";
      row(list, said("statementTerm", {number: statementNumber(id), words: words}),
          [level ? chosen(id, level) : said("notAnswered")]
            .concat(reason ? [said("why", {reason: reason})] : [])
            .concat(evidence ? [said("evidence", {evidence: evidence})] : []),
          fieldset, say("answerName", {number: statementNumber(id)}));
    });
    var gaps = missing();
    errors(gaps);
    $("missing").textContent = gaps.length === 0 ? say("allDone")
      : say("gaps", {missing: gaps.length, total: data.statements.length});
    finish.hidden = false;
  }

  $("step-back").addEventListener("click", function () { backToCheck = false; go(state.step - 1, true); });

  $("step-next").addEventListener("click", function () {
    var current = steps[state.step];
    var id = current.classList.contains("statement") ? current.id.replace("statement-", "") : null;
    if (id && !state.levels[id]) {
      errors([id]);
      $("error-summary").focus();
      return;
    }
    clearErrors();
    go(backToCheck ? steps.length - 1 : state.step + 1, true);
    backToCheck = false;
  });

  $("step-check").addEventListener("click", function () { go(steps.length - 1, true); });

  $("check").addEventListener("click", function () {
    check();
    ($("error-summary").hidden ? finish : $("error-summary")).focus();
  });

  // A Change link or an error's link: to that statement (its first choice, GOV.UK's way).
  document.addEventListener("click", function (event) {
    var link = event.target.closest("#summary a, #error-list a");
    if (!link) { return; }
    event.preventDefault();
    var target = link.dataset.statement ? $("statement-" + link.dataset.statement)
      : steps[Number(link.dataset.step)];
    backToCheck = state.stepped && link.closest("#summary") !== null;
    if (state.stepped) { go(steps.indexOf(target), false); }
    (target.querySelector("input:checked") || target.querySelector("input") || target).focus();
  });
