/* The review page of a draft. Everything comes from the page's own server (/api/...), and
   every piece of text goes into the page with textContent: nothing from the draft or the
   article is ever parsed as markup. Offsets are in code points, as Python counts them. */
(function () {
  "use strict";
  var el = KG.el;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var TOKEN = data.token;
  var S = null;            // the state the server gave
  var CH = [];             // the text, one code point per item
  var bodyStart = 0;       // where the text's body starts (after the line of dashes)
  var current = null;      // the id of the record shown open
  var editing = null;      // {id (null for a new record), section, record, fresh}
  var picked = null;       // the words last selected in the text: {start, end, quote}
  var refused = {};        // record id -> the server's last refusal
  var pending = 0;         // requests under way
  var names = {};          // actor id -> label (the review's and the corpus's)
  var SECTIONS = { actors: "Actors", events: "Events", affiliations: "Posts",
                   stances: "Stances" };

  function $(id) { return document.getElementById(id); }
  function copy(x) { return JSON.parse(JSON.stringify(x)); }
  function nameOf(id) { return names[id] ? names[id] + " (" + id + ")" : String(id); }

  // -- talking to the server ----------------------------------------------------------------
  function api(method, path, body) {
    pending += 1;
    var options = { method: method, headers: { "X-Review-Token": TOKEN }, cache: "no-store" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().then(function (json) {
        return { status: response.status, body: json };
      });
    }).catch(function (err) {
      return { status: 0, body: { error: "the review server does not answer (" + err + ")" } };
    }).then(function (res) { pending -= 1; return res; });
  }

  function message(text, ok) {
    var box = $("rv-message");
    box.textContent = text || "";
    box.className = ok ? "rv-ok" : (ok === false ? "rv-bad" : "");
  }

  function refresh(full) {
    var since = S && !full ? "?since=" + S.version : "";
    return api("GET", "/api/state" + since).then(function (res) {
      if (res.status !== 200) { message(res.body.error, false); return false; }
      if (!res.body.entries || (S && res.body.version < S.version && !full)) { return false; }
      var other = S && S.version !== res.body.version;
      take(res.body);
      if (editing) { progress(); if (other) { message("Changed in another page; your edit is kept until you apply it."); } }
      else { render(); }
      return true;
    });
  }

  function take(state) {
    S = state;
    CH = Array.from(S.document.text);
    var dashes = S.document.text.indexOf("\n---");
    var lineEnd = dashes < 0 ? -1 : S.document.text.indexOf("\n", dashes + 1);
    bodyStart = lineEnd < 0 ? 0 : Array.from(S.document.text.slice(0, lineEnd + 1)).length;
    names = {};
    (S.corpus_actors || []).forEach(function (a) { names[a[0]] = a[1]; });
    entries().forEach(function (e) { if (e.section === "actors") { names[e.id] = e.label; } });
    if (current === null || !find(current)) {
      var first = entries().filter(function (e) { return e.decision === "undecided"; })[0];
      current = first ? first.id : (entries()[0] || {}).id || null;
    }
    fillActorList();
  }

  function entries() { return S ? S.entries : []; }
  function find(id) {
    return entries().filter(function (e) { return e.id === id; })[0] || null;
  }

  // -- decisions ----------------------------------------------------------------------------
  /* Decisions go one after the other, each on the state the one before left: a key
     pressed while a decision is under way waits for it. */
  var chain = Promise.resolve(), queued = 0;
  function later(task) {
    queued += 1;
    chain = chain.then(task).then(function () { queued -= 1; }, function () { queued -= 1; });
  }

  function decide(op, done) {
    return api("POST", "/api/decide", op).then(function (res) {
      if (res.status === 200) {
        delete refused[op.id];
        var entry = res.body.entry;
        message(done ? done(entry) : (entry.what + " " + entry.id + ": " + entry.decision), true);
        return refresh(true);
      }
      if (op.id) { refused[op.id] = res.body.error; }
      message(res.body.error, false);
      if (res.status === 409) { editing = null; return refresh(true); }
      render();
    });
  }

  function act(kind) {
    later(function () {
      var e = find(current);
      if (!e) { return; }
      return decide({ op: kind, id: e.id, version: e.version }, function (entry) {
        if (kind === "accept" || kind === "reject") { advance(); }
        return entry.what + " " + entry.id + ": " + entry.decision;
      });
    });
  }

  function visible() {
    var only = $("rv-open-only").checked;
    return entries().filter(function (e) {
      return !only || e.decision === "undecided" || e.id === current;
    });
  }

  function move(step) {
    var list = visible();
    var at = list.map(function (e) { return e.id; }).indexOf(current);
    var next = list[Math.max(0, Math.min(list.length - 1, at + step))];
    if (next) { select(next.id); }
  }

  function advance() {
    var list = entries();
    var at = list.map(function (e) { return e.id; }).indexOf(current);
    for (var i = 1; i <= list.length; i++) {
      var e = list[(at + i) % list.length];
      if (e.decision === "undecided" && e.id !== current) { current = e.id; return; }
    }
  }

  function select(id) {
    if (editing) { return; }
    current = id;
    render();
  }

  function startEdit() {
    var e = find(current);
    if (!e) { return; }
    editing = { id: e.id, section: e.section, record: copy(e.record), fresh: false,
                source: e.source };
    render();
    var first = document.querySelector(".rv-form input, .rv-form select");
    if (first) { first.focus(); }
  }

  function apply(accept) { later(function () { return applyNow(accept); }); }

  function applyNow(accept) {
    if (!editing) { return; }
    if (editing.fresh) {
      var rec = editing.record;
      return decide({ op: "add", section: editing.section, record: rec }, function (entry) {
        editing = null; current = entry.id;
        return "added " + entry.what + " " + entry.id;
      });
      return;
    }
    var e = find(editing.id);
    return decide({ op: "edit", id: e.id, version: e.version, record: editing.record,
             accept: !!accept }, function (entry) {
      editing = null;
      if (accept) { advance(); }
      return entry.what + " " + entry.id + ": edited" + (accept ? " and accepted" : "");
    });
  }

  function applyYaml(text) {
    later(function () {
      var e = find(editing.id);
      return decide({ op: "edit", id: e.id, version: e.version, yaml: text }, function (entry) {
        editing = null;
        return entry.what + " " + entry.id + ": edited";
      });
    });
  }

  function cancel() {
    if (editing) { editing = null; message(""); render(); }
    hidePop();
  }

  function save() { later(saveNow); }

  function saveNow() {
    message("Saving ...");
    return api("POST", "/api/save", {}).then(function (res) {
      if (res.status !== 200) { message(res.body.error, false); return; }
      var s = res.body.saved, c = s.counts;
      message("Saved " + s.path + ": " + c.actors + " actors, " + c.events + " events, " +
              c.affiliations + " posts, " + c.stances + " stances" +
              (s.left_out ? "; " + s.left_out + " undecided left out (still in the review)" : ""),
              true);
      return refresh(true);
    });
  }

  // -- the text -----------------------------------------------------------------------------
  function spansOf(record) {
    var out = [];
    (record && record.evidence || []).forEach(function (ev) {
      if (ev && typeof ev.start === "number" && typeof ev.quote === "string") {
        out.push([ev.start, ev.start + Array.from(ev.quote).length]);
      }
    });
    return out;
  }

  function involved(record) {
    var out = {};
    if (!record) { return out; }
    (record.participants || []).forEach(function (p) { if (p) { out[p.actor] = true; } });
    ["holder", "organization", "target", "place", "accredited_to"].forEach(function (k) {
      if (record[k]) { out[record[k]] = true; }
    });
    return out;
  }

  function renderText() {
    var box = $("rv-text");
    box.textContent = "";
    if (!S) { return; }
    var e = find(current);
    var evidence = editing ? spansOf(editing.record) : (e ? e.spans : []);
    var parts = involved(editing ? editing.record : (e && e.record));
    var me = editing ? null : (e && e.section === "actors" ? e.id : null);
    var cuts = {}, n = CH.length;
    cuts[0] = cuts[n] = cuts[bodyStart] = true;
    S.mentions.forEach(function (m) { cuts[m[0]] = cuts[m[1]] = true; });
    evidence.forEach(function (s) { cuts[s[0]] = cuts[Math.min(n, s[1])] = true; });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var mi = 0;
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      if (b <= a) { continue; }
      var span = el("span", CH.slice(a, b).join(""));
      span.dataset.s = String(a);
      var cls = [];
      if (a < bodyStart) { cls.push("rv-head"); }
      while (mi < S.mentions.length && S.mentions[mi][1] <= a) { mi++; }
      var m = S.mentions[mi];
      if (m && m[0] <= a && b <= m[1]) {
        var who = find(m[2]);
        cls.push("rv-m");
        if (who && who.decision === "accepted") { cls.push("rv-acc"); }
        if (parts[m[2]]) { cls.push("rv-part"); }
        if (me === m[2]) { cls.push("rv-me"); }
        span.dataset.actor = m[2];
        span.title = nameOf(m[2]);
      }
      if (evidence.some(function (s) { return s[0] <= a && b <= s[1]; })) { cls.push("rv-ev"); }
      if (cls.length) { span.className = cls.join(" "); }
      box.appendChild(span);
    }
    var mark = box.querySelector(".rv-ev, .rv-me");
    if (mark && !editing) { mark.scrollIntoView({ block: "center" }); }
  }

  function offsetOf(node, off) {
    var box = $("rv-text");
    if (node.nodeType === 3) {
      return Number(node.parentNode.dataset.s) + Array.from(node.data.slice(0, off)).length;
    }
    if (node === box) {
      var child = box.childNodes[off];
      return child ? Number(child.dataset.s) : CH.length;
    }
    var base = Number(node.dataset.s || 0);
    return off === 0 ? base : base + Array.from(node.textContent).length;
  }

  function onSelect() {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) { hidePop(); return; }
    var range = sel.getRangeAt(0);
    if (!$("rv-text").contains(range.commonAncestorContainer)) { hidePop(); return; }
    var a = offsetOf(range.startContainer, range.startOffset);
    var b = offsetOf(range.endContainer, range.endOffset);
    while (a < b && /\s/.test(CH[a])) { a++; }
    while (b > a && /\s/.test(CH[b - 1])) { b--; }
    if (b <= a) { hidePop(); return; }
    picked = { start: a, end: b, quote: CH.slice(a, b).join("") };
    showPop(range.getBoundingClientRect());
  }

  function popButton(box, id, label, handler) {
    var b = el("button", label);
    b.type = "button"; b.id = id;
    b.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    b.addEventListener("click", function () { handler(); hidePop(); });
    box.appendChild(b);
  }

  function showPop(rect) {
    var pop = $("rv-pop");
    pop.textContent = "";
    if (editing && editing.section !== "actors") {
      popButton(pop, "rv-pop-evidence", "Add as evidence", function () {
        (editing.record.evidence = editing.record.evidence || []).push(
          { start: picked.start, quote: picked.quote });
        render();
      });
      popButton(pop, "rv-pop-hedge", "Add as hedge", function () {
        (editing.record.hedges = editing.record.hedges || []).push({ phrase: picked.quote });
        render();
      });
    } else if (editing) {
      popButton(pop, "rv-pop-alias", "Add as alias", function () {
        (editing.record.aliases = editing.record.aliases || []).push(picked.quote);
        render();
      });
    } else {
      [["events", "New event"], ["affiliations", "New post"], ["stances", "New stance"],
       ["actors", "New actor"]].forEach(function (s) {
        popButton(pop, "rv-pop-" + s[0], s[1], function () { fresh(s[0]); });
      });
    }
    pop.hidden = false;
    pop.style.left = Math.max(4, Math.min(rect.left, window.innerWidth - 430)) + "px";
    pop.style.top = Math.min(rect.bottom + 6, window.innerHeight - 60) + "px";
  }

  function hidePop() { $("rv-pop").hidden = true; }

  function fresh(section) {
    var ev = [{ start: picked.start, quote: picked.quote }];
    var label = picked.quote.replace(/\s+/g, " ");
    var rec = {
      events: { type: "statement", label: label.length > 70 ? label.slice(0, 69) + "…" : label,
                participants: [], when: { before: "publication" }, status: "occurred",
                evidence: ev },
      affiliations: { holder: "", organization: "", kind: "post",
                      when: { held_at: ["publication"] }, status: "occurred", evidence: ev },
      stances: { holder: "", attitude: "supports", target: "",
                 when: { held_at: ["publication"] }, status: "occurred", evidence: ev },
      actors: { label: label, kind: "person" }
    }[section];
    editing = { id: null, section: section, record: rec, fresh: true };
    render();
  }

  function clickText(ev) {
    var sel = window.getSelection();
    if (sel && !sel.isCollapsed) { return; }
    var span = ev.target.closest ? ev.target.closest(".rv-m") : null;
    if (!span) { return; }
    var actor = span.dataset.actor;
    if (editing) { addActor(actor); return; }
    if (find(actor)) { select(actor); } else { message(nameOf(actor) + " is an actor of the corpus"); }
  }

  function addActor(actor) {
    var r = editing.record;
    if (editing.section === "events") {
      r.participants = r.participants || [];
      if (r.participants.some(function (p) { return p.actor === actor; })) {
        message(nameOf(actor) + " is a participant already");
        return;
      }
      r.participants.push({ actor: actor, role: "participant" });
      message("participant " + nameOf(actor) + " added: choose its role", true);
    } else if (editing.section === "affiliations") {
      var k = !r.holder ? "holder" : (!r.organization ? "organization" : "accredited_to");
      r[k] = actor;
      message(k + ": " + nameOf(actor), true);
    } else if (editing.section === "stances") {
      var key = !r.holder ? "holder" : "target";
      r[key] = actor;
      message(key + ": " + nameOf(actor), true);
    } else {
      r.country = actor;
      message("country: " + nameOf(actor), true);
    }
    render();
  }

  // -- the records --------------------------------------------------------------------------
  function progress() {
    var c = S.counts, total = entries().length;
    $("rv-progress").textContent = (total - c.undecided) + " of " + total + " decided (" +
      c.accepted + " accepted, " + c.rejected + " rejected, " + c.merged + " merged)";
    $("rv-output").textContent = "→ " + S.output;
  }

  function render() {
    if (!S) { return; }
    progress();
    renderText();
    var box = $("rv-cards");
    box.textContent = "";
    if (S.fatal) { box.appendChild(el("p", "The file does not load: " + S.fatal, "rv-error")); }
    (S.warnings || []).forEach(function (w) { box.appendChild(el("p", w, "rv-warn")); });
    if (editing && editing.fresh) {
      var card = el("div", null, "rv-card rv-current rv-new");
      card.appendChild(el("div", "New " + editing.section.replace(/s$/, "").replace("affiliation", "post") + " from the selected words", "rv-label"));
      form(card, null);
      box.appendChild(card);
    }
    var section = null;
    visible().forEach(function (e) {
      if (e.section !== section) {
        section = e.section;
        box.appendChild(el("h2", SECTIONS[section], "rv-section"));
      }
      box.appendChild(cardOf(e));
    });
    var open = box.querySelector(".rv-current");
    if (open && open.scrollIntoView) { open.scrollIntoView({ block: "nearest" }); }
  }

  function cardOf(e) {
    var isCurrent = e.id === current && !(editing && editing.fresh);
    var card = el("div", null, "rv-card rv-" + e.decision + (isCurrent ? " rv-current" : ""));
    card.dataset.id = e.id;
    var line = el("div", null, "rv-line");
    line.appendChild(el("span", e.decision, "rv-badge rv-" + e.decision));
    line.appendChild(el("span", e.what + (e.kind ? " · " + e.kind : ""), "rv-meta"));
    line.appendChild(el("span", e.label, "rv-label"));
    var conf = e.review.confidence;
    line.appendChild(el("span", conf === undefined ? (e.added ? "added" : "") :
                        "confidence " + Number(conf).toFixed(2), "rv-meta"));
    card.appendChild(line);
    if (!isCurrent) {
      card.addEventListener("click", function () { select(e.id); });
      if (e.error) { card.appendChild(el("div", "the loader refuses it", "rv-error")); }
      return card;
    }
    details(card, e);
    return card;
  }

  function fmtWhen(w) {
    if (w === undefined || w === null) { return ""; }
    if (typeof w !== "object") { return String(w); }
    var out;
    if (w.date !== undefined) { out = String(w.date); }
    else if (w.between) { out = "between " + w.between.join(" and "); }
    else if (w.before !== undefined) { out = "before " + w.before; }
    else if (w.after !== undefined) { out = "after " + w.after; }
    else if (w.held_at) { out = "held at " + w.held_at.join(", "); }
    else if (w.relative) { out = w.relative + " (from the publication)"; }
    else { out = JSON.stringify(w); }
    if (w.phrase) { out += " — “" + w.phrase + "”"; }
    return out;
  }

  function details(card, e) {
    var r = e.record;
    card.appendChild(el("div", e.what + " " + e.id + (e.corpus ? " · an actor of the corpus" : "") +
                        (e.review.matched ? " · " + e.review.matched : ""), "rv-meta"));
    if (refused[e.id]) { card.appendChild(el("p", "Refused: " + refused[e.id], "rv-error")); }
    if (editing && editing.id === e.id) {  // the form first; what is stored below it
      form(card, e);
      card.appendChild(el("h3", "Now"));
    }
    var dl = el("dl", null, "kg-facts");
    if (e.section === "actors") {
      KG.fact(dl, "kind", r.kind); KG.fact(dl, "aliases", r.aliases);
      KG.fact(dl, "mentions", r.mentions);
      KG.fact(dl, "country", r.country ? nameOf(r.country) : null);
    } else if (e.section === "events") {
      KG.fact(dl, "type", r.type);
      KG.fact(dl, "participants", (r.participants || []).map(function (p) {
        return nameOf(p.actor) + " — " + p.role;
      }));
      KG.fact(dl, "place", r.place ? nameOf(r.place) : null);
    } else if (e.section === "affiliations") {
      KG.fact(dl, "holder", nameOf(r.holder)); KG.fact(dl, "of", nameOf(r.organization));
      KG.fact(dl, "kind", r.kind); KG.fact(dl, "title", r.title);
    } else {
      KG.fact(dl, "holder", nameOf(r.holder)); KG.fact(dl, "attitude", r.attitude);
      KG.fact(dl, "target", nameOf(r.target));
    }
    if (e.section !== "actors") {
      KG.fact(dl, "when", fmtWhen(r.when)); KG.fact(dl, "status", r.status);
      KG.fact(dl, "hedges", (r.hedges || []).map(function (h) {
        return typeof h === "string" ? h : h.phrase + (h.confidence ? " (" + h.confidence + ")" : "");
      }));
    }
    KG.fact(dl, "same as", r.same_as ? (r.same_as + (names[r.same_as] ? " (" + names[r.same_as] + ")" : "")) : null);
    KG.fact(dl, "found by", e.review.method);
    card.appendChild(dl);
    KG.evidence(card, (r.evidence || []).map(function (ev) { return ev.quote; }), true);
    if (e.section === "actors" && e.sentences.length) {  // where the draft found it
      card.appendChild(el("h3", "Found in"));
      e.sentences.forEach(function (q) { card.appendChild(el("blockquote", q, "kg-quote")); });
    }
    if (e.into) { card.appendChild(el("p", "merged into " + nameOf(e.into), "rv-note")); }
    if (e.gone) { card.appendChild(el("p", "not in the file: " + e.gone, "rv-warn")); }
    if (e.along) { card.appendChild(el("p", "goes into the file with " + e.along + " (accept or reject it)", "rv-note")); }
    if (e.error) { card.appendChild(el("p", "The loader refuses it: " + e.error, "rv-error")); }
    e.problems.forEach(function (p) {
      card.appendChild(el("p", "Evidence check: " + p, "rv-warn"));
    });
    if (e.yaml) {
      card.appendChild(el("h3", e.decision === "accepted" ? "As it will be written" :
                          "As it will be written, once accepted"));
      card.appendChild(el("pre", e.yaml, "rv-yaml"));
    } else if (e.decision === "rejected" || e.decision === "merged") {
      card.appendChild(el("p", "not written (" + e.decision + ")", "rv-note"));
    }
    if (editing && editing.id === e.id) { return; }
    suggestions(card, e);
    var actions = el("div", null, "rv-actions");
    button(actions, "rv-accept", "Accept (a)", function () { act("accept"); });
    button(actions, "rv-reject", "Reject (r)", function () { act("reject"); });
    button(actions, "rv-edit", "Edit (e)", startEdit);
    if (e.decision !== "undecided" && !e.added) {
      button(actions, "rv-undecide", "Undecide (u)", function () { act("undecide"); });
    }
    if (e.section === "actors") {
      var into = el("input");
      into.setAttribute("list", "rv-actor-list");
      into.placeholder = "another actor's id";
      into.id = "rv-merge-into";
      into.setAttribute("aria-label", "the actor to merge into");
      actions.appendChild(into);
      button(actions, "rv-merge", "Merge into", function () {
        var target = into.value.trim();
        later(function () {
          var now = find(e.id);
          return decide({ op: "merge", id: now.id, version: now.version, into: target },
                        function (entry) { return entry.id + " merged into " + target; });
        });
      });
    }
    card.appendChild(actions);
  }

  function suggestions(card, e) {
    var r = e.record;
    if (!e.suggestions.length && !r.same_as) { return; }
    card.appendChild(el("h3", "The same as one of the corpus's?"));
    var ul = el("ul", null, "rv-sugg");
    var shown = {};
    e.suggestions.forEach(function (s) {
      shown[s.id] = true;
      var li = el("li");
      var linked = r.same_as === s.id;
      button(li, "rv-link-" + s.id, linked ? "Unlink" : "Link", function () {
        link(e, linked ? null : s.id);
      });
      li.appendChild(el("span", " " + s.label + " (" + s.id + ")" + (linked ? " — linked" : "")));
      li.appendChild(el("div", s.reasons.join("; "), "rv-reasons"));
      ul.appendChild(li);
    });
    if (r.same_as && !shown[r.same_as]) {
      var li = el("li");
      button(li, "rv-unlink", "Unlink", function () { link(e, null); });
      li.appendChild(el("span", " linked to " + nameOf(r.same_as)));
      ul.appendChild(li);
    }
    card.appendChild(ul);
  }

  function link(e, target) {
    later(function () {
      var now = find(e.id);
      return decide({ op: "link", id: now.id, version: now.version, same_as: target },
                    function (entry) {
                      return entry.id + (target ? " linked to " + target : " unlinked");
                    });
    });
  }

  function button(box, id, label, handler) {
    var b = el("button", label);
    b.type = "button";
    if (id) { b.className = id; }
    b.addEventListener("click", function (ev) { ev.stopPropagation(); handler(); });
    box.appendChild(b);
    return b;
  }

  // -- the edit form ------------------------------------------------------------------------
  function row(box, label) {
    var r = el("div", null, "rv-row");
    r.appendChild(el("label", label));
    box.appendChild(r);
    return r;
  }

  function setField(rec, key, value) {
    if (value === "" || value === null || value === undefined ||
        (Array.isArray(value) && !value.length)) { delete rec[key]; } else { rec[key] = value; }
  }

  function textInput(box, rec, key, label, list) {
    var r = row(box, label);
    var input = el("input");
    input.value = rec[key] === undefined ? "" : String(rec[key]);
    input.name = key;
    if (list) { input.setAttribute("list", list); }
    input.addEventListener("input", function () { setField(rec, key, input.value.trim()); });
    r.appendChild(input);
    return input;
  }

  function choice(box, rec, key, label, options, empty) {
    var r = row(box, label);
    var sel = selectOf(options, rec[key], empty);
    sel.name = key;
    sel.addEventListener("change", function () { setField(rec, key, sel.value); });
    r.appendChild(sel);
    return sel;
  }

  function selectOf(options, value, empty) {
    var sel = el("select");
    if (empty !== undefined) { var o = el("option", empty); o.value = ""; sel.appendChild(o); }
    options.forEach(function (v) {
      var opt = el("option", v.replace(/_/g, " "));
      opt.value = v;
      sel.appendChild(opt);
    });
    if (value !== undefined && options.indexOf(value) < 0 && value !== "") {
      var extra = el("option", String(value)); extra.value = String(value); sel.appendChild(extra);
    }
    sel.value = value === undefined ? "" : String(value);
    return sel;
  }

  function listInput(box, rec, key, label) {
    var r = row(box, label);
    var input = el("input");
    input.name = key;
    input.value = (rec[key] || []).join(", ");
    input.placeholder = "comma-separated";
    input.addEventListener("input", function () {
      setField(rec, key, input.value.split(",").map(function (s) { return s.trim(); })
        .filter(Boolean));
    });
    r.appendChild(input);
  }

  function participants(box, rec) {
    var r = row(box, "participants");
    (rec.participants || []).forEach(function (p, i) {
      var chip = el("span", null, "rv-chip");
      chip.appendChild(el("span", nameOf(p.actor)));
      var role = selectOf(S.vocabulary.role, p.role);
      role.name = "role-" + p.actor;
      role.setAttribute("aria-label", "the role of " + p.actor);
      role.addEventListener("change", function () { p.role = role.value; });
      chip.appendChild(role);
      button(chip, "rv-remove", "×", function () { rec.participants.splice(i, 1); render(); });
      r.appendChild(chip);
    });
    r.appendChild(el("span", "click a name in the text to add it", "rv-hint"));
  }

  function when(box, rec) {
    var w = rec.when;
    var form = "date", a = "", b = "", list = "", rel = "", phrase = "", resolution = "";
    if (w !== null && typeof w === "object") {
      phrase = w.phrase || ""; resolution = w.resolution || "";
      if (w.date !== undefined) { a = String(w.date); }
      else if (w.between) { form = "between"; a = w.between[0]; b = w.between[1]; }
      else if (w.before !== undefined) { form = "before"; a = String(w.before); }
      else if (w.after !== undefined) { form = "after"; a = String(w.after); }
      else if (w.held_at) { form = "held_at"; list = w.held_at.join(", "); }
      else if (w.relative) { form = "relative"; rel = w.relative; }
      else { form = "written"; }
    } else if (w !== undefined && w !== null) { a = String(w); }
    var r = row(box, "when");
    var forms = { date: "a day, month or year", between: "within a window",
                  before: "before", after: "after", held_at: "held at (observed on)",
                  relative: "relative to the publication", written: "as written (edit the YAML)" };
    var kind = el("select");
    kind.name = "when-form";
    Object.keys(forms).forEach(function (k) {
      var o = el("option", forms[k]); o.value = k; kind.appendChild(o);
    });
    kind.value = form;
    var first = el("input"), second = el("input"), seen = el("input");
    first.name = "when-a"; second.name = "when-b"; seen.name = "when-list";
    first.value = a; second.value = b; seen.value = list;
    first.placeholder = "YYYY-MM-DD, YYYY-MM, or publication";
    second.placeholder = "YYYY-MM-DD or publication";
    seen.placeholder = "dates, comma-separated (publication too)";
    var relSel = selectOf(S.vocabulary.relative, rel, "choose");
    relSel.name = "when-relative";
    [kind, first, second, seen, relSel].forEach(function (x) { r.appendChild(x); });
    var words = row(box, "");
    var ph = el("input"), res = el("input");
    ph.name = "when-phrase"; res.name = "when-resolution";
    ph.value = phrase; res.value = resolution;
    ph.placeholder = "the text's words (phrase)"; res.placeholder = "how it was resolved";
    words.appendChild(ph); words.appendChild(res);
    function show() {
      var f = kind.value;
      first.hidden = ["date", "between", "before", "after"].indexOf(f) < 0;
      second.hidden = f !== "between";
      seen.hidden = f !== "held_at";
      relSel.hidden = f !== "relative";
    }
    function build() {
      var f = kind.value, out;
      if (f === "written") { return; }
      var x = first.value.trim(), y = second.value.trim();
      if (f === "date") { out = { date: x }; }
      else if (f === "between") { out = { between: [x, y] }; }
      else if (f === "before") { out = { before: x }; }
      else if (f === "after") { out = { after: x }; }
      else if (f === "held_at") {
        out = { held_at: seen.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean) };
      } else { out = { relative: relSel.value }; }
      if (ph.value.trim()) { out.phrase = ph.value.trim(); }
      if (res.value.trim()) { out.resolution = res.value.trim(); }
      if (f === "date" && !out.phrase && !out.resolution) { out = x; }
      rec.when = out;
    }
    [kind, first, second, seen, relSel, ph, res].forEach(function (x) {
      x.addEventListener("input", function () { show(); build(); });
      x.addEventListener("change", function () { show(); build(); });
    });
    show();
  }

  function hedges(box, rec) {
    var r = row(box, "hedges");
    (rec.hedges || []).forEach(function (h, i) {
      if (typeof h === "string") { h = rec.hedges[i] = { phrase: h }; }
      var chip = el("span", null, "rv-chip");
      chip.appendChild(el("span", "“" + h.phrase + "”"));
      var conf = selectOf(S.vocabulary.confidence, h.confidence, "no confidence");
      conf.name = "hedge-confidence-" + i;
      conf.addEventListener("change", function () { setField(h, "confidence", conf.value); });
      chip.appendChild(conf);
      button(chip, "rv-remove", "×", function () { rec.hedges.splice(i, 1); render(); });
      r.appendChild(chip);
    });
    r.appendChild(el("span", "select words of the evidence: Add as hedge", "rv-hint"));
  }

  function evidence(box, rec) {
    var r = row(box, "evidence");
    (rec.evidence || []).forEach(function (ev, i) {
      var chip = el("span", null, "rv-chip");
      chip.appendChild(el("span", "“" + KG.clip(ev.quote, 60) + "”"));
      button(chip, "rv-remove", "×", function () { rec.evidence.splice(i, 1); render(); });
      r.appendChild(chip);
    });
    r.appendChild(el("span", "select words in the text: Add as evidence", "rv-hint"));
  }

  function form(card, e) {
    var box = el("div", null, "rv-form");
    var rec = editing.record, V = S.vocabulary, s = editing.section;
    if (s === "actors") {
      textInput(box, rec, "label", "label");
      choice(box, rec, "kind", "kind", V.kind);
      listInput(box, rec, "aliases", "aliases");
      textInput(box, rec, "country", "country", "rv-actor-list");
    } else {
      if (s === "events") {
        choice(box, rec, "type", "type", V.type);
        textInput(box, rec, "label", "label");
        participants(box, rec);
        textInput(box, rec, "place", "place", "rv-actor-list");
      } else if (s === "affiliations") {
        textInput(box, rec, "holder", "holder", "rv-actor-list");
        textInput(box, rec, "organization", "organization", "rv-actor-list");
        choice(box, rec, "kind", "kind", V.affiliation);
        textInput(box, rec, "title", "title");
      } else {
        textInput(box, rec, "holder", "holder", "rv-actor-list");
        choice(box, rec, "attitude", "attitude", V.attitude);
        textInput(box, rec, "target", "target", "rv-actor-list");
      }
      when(box, rec);
      choice(box, rec, "status", "status", V.status);
      hedges(box, rec);
      evidence(box, rec);
    }
    var preview = el("div", null, "rv-preview");
    box.appendChild(preview);
    box.addEventListener("input", function () { tryLater(preview); });
    box.addEventListener("change", function () { tryLater(preview); });
    tryLater(preview);
    var actions = el("div", null, "rv-actions");
    if (editing.fresh) {
      button(actions, "rv-add", "Add", function () { apply(false); });
    } else {
      button(actions, "rv-apply", "Apply", function () { apply(false); });
      button(actions, "rv-apply-accept", "Apply and accept", function () { apply(true); });
    }
    button(actions, "rv-cancel", "Cancel (Esc)", cancel);
    box.appendChild(actions);
    if (!editing.fresh && e) {
      var more = el("details");
      more.appendChild(el("summary", "Edit the YAML (every field)"));
      var area = el("textarea");
      area.value = editing.source || "";
      area.name = "yaml";
      more.appendChild(area);
      button(more, "rv-apply-yaml", "Apply the YAML", function () { applyYaml(area.value); });
      box.appendChild(more);
    }
    card.appendChild(box);
  }

  /* While a record is edited, the server tries it (nothing kept) a moment after each
     change: the page shows it as it would be written, or the loader's refusal. */
  var trying = null;
  function tryLater(box) {
    if (trying) { clearTimeout(trying); }
    trying = setTimeout(function () { trying = null; tryNow(box); }, 300);
  }

  function tryNow(box) {
    if (!editing || !box.isConnected) { return; }
    var e = editing.fresh ? null : find(editing.id);
    var op = editing.fresh ? { op: "add", section: editing.section, record: editing.record } :
      { op: "edit", id: e.id, version: e.version, record: editing.record };
    var sent = JSON.stringify(editing.record);
    api("POST", "/api/try", op).then(function (res) {
      if (!editing || JSON.stringify(editing.record) !== sent || !box.isConnected) { return; }
      box.textContent = "";
      if (res.status !== 200) {
        box.appendChild(el("p", "The loader would refuse it: " + res.body.error, "rv-error"));
        return;
      }
      var entry = res.body.entry;
      entry.problems.forEach(function (p) {
        box.appendChild(el("p", "Evidence check: " + p, "rv-warn"));
      });
      box.appendChild(el("h3", "As it would be written"));
      box.appendChild(el("pre", entry.yaml || "", "rv-yaml rv-trial"));
    });
  }

  function fillActorList() {
    var list = $("rv-actor-list");
    if (!list) { list = el("datalist"); list.id = "rv-actor-list"; document.body.appendChild(list); }
    list.textContent = "";
    Object.keys(names).sort().forEach(function (id) {
      var o = el("option", names[id]); o.value = id; list.appendChild(o);
    });
  }

  // -- keys ---------------------------------------------------------------------------------
  document.addEventListener("keydown", function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (ev.key === "Escape") { cancel(); return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || ev.ctrlKey || ev.metaKey ||
        ev.altKey || editing) { return; }
    var keys = { j: function () { move(1); }, k: function () { move(-1); },
                 ArrowDown: function () { move(1); }, ArrowUp: function () { move(-1); },
                 a: function () { act("accept"); }, r: function () { act("reject"); },
                 e: startEdit, u: function () { act("undecide"); } };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
  $("rv-text").addEventListener("mouseup", function () { setTimeout(onSelect, 0); });
  $("rv-text").addEventListener("click", clickText);
  $("rv-save").addEventListener("click", save);
  $("rv-open-only").addEventListener("change", render);
  window.addEventListener("focus", function () { refresh(false); });
  setInterval(function () { if (!pending && !queued) { refresh(false); } }, 1000);

  window.koreaGraph = {
    ready: false,
    state: function () { return S; },
    current: function () { return current; },
    editing: function () { return editing; },
    idle: function () { return pending === 0 && queued === 0; },
    whenIdle: function () {
      return new Promise(function (done) {
        (function check() {
          if (pending === 0 && queued === 0) { setTimeout(function () { done(true); }, 0); }
          else { setTimeout(check, 5); }
        })();
      });
    }
  };
  refresh(true).then(function () { window.koreaGraph.ready = true; });
})();
