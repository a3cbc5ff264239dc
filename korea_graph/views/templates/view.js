/* korea_graph interactive view. Reads the graph from the JSON block #kg-data and puts
   every piece of text into the page with textContent: no markup from the data is parsed. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodeInfo = data.nodeInfo, edgeInfo = data.edgeInfo;
  var $ = function (id) { return document.getElementById(id); };
  var SVG = "http://www.w3.org/2000/svg";  // a namespace name, not a request

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fact(dl, name, value) {
    if (value === undefined || value === null || value === "" ||
        (Array.isArray(value) && value.length === 0)) { return; }
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (Array.isArray(value)) {
      var ul = el("ul");
      value.forEach(function (v) { ul.appendChild(el("li", v)); });
      dd.appendChild(ul);
    } else {
      dd.textContent = String(value);
    }
    dl.appendChild(dd);
  }
  function clip(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }
  function whenText(i) { return i.phrase ? i.when + " (" + i.phrase + ")" : i.when; }
  function edgeHeadline(i) {
    return i.source + (i.symmetric ? " — " : " → ") + i.type + (i.symmetric ? " — " : " → ") +
      i.target;
  }

  // -- tooltips and the details panel: DOM built from text, never from markup ------------
  function nodeCard(i, full) {
    var box = el("div");
    box.appendChild(el(full ? "h2" : "strong", i.label));
    var dl = el("dl", null, "kg-facts");
    fact(dl, "kind", i.kind);
    fact(dl, "country", i.country);
    fact(dl, "also", full ? i.aliases : i.aliases.slice(0, 4));
    fact(dl, "size", i.size);
    if (full) { fact(dl, "Wikidata", i.wikidata); fact(dl, "note", i.note); }
    box.appendChild(dl);
    return box;
  }
  function edgeCard(i, full) {
    var box = el("div");
    box.appendChild(el(full ? "h2" : "strong", edgeHeadline(i)));
    var dl = el("dl", null, "kg-facts");
    fact(dl, "date", whenText(i));
    if (full) { fact(dl, "dating", i.resolution); }
    fact(dl, "status", i.status);
    fact(dl, "record", i.recordLabel);
    fact(dl, "cited", i.citations);
    box.appendChild(dl);
    if (i.evidence.length) {
      if (full) { box.appendChild(el("h3", "Evidence")); }
      i.evidence.forEach(function (q) {
        box.appendChild(el("blockquote", full ? q : clip(q, 280), "kg-quote"));
      });
    }
    return box;
  }
  function showDetails(node) {
    var panel = $("kg-details");
    panel.replaceChildren(node);
  }

  // -- the data sets, the filtered views and the network -----------------------------------
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeCard(nodeInfo[n.id], false) });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e, { title: edgeCard(edgeInfo[e.id], false) });
  }));
  var total = data.steps.length;
  var current = total;
  var shownNodes = {};
  function computeShown() {
    shownNodes = {};
    if (data.focus) { shownNodes[data.focus] = true; }
    data.edges.forEach(function (e) {
      if (edgeInfo[e.id].step <= current) { shownNodes[e.from] = true; shownNodes[e.to] = true; }
    });
  }
  computeShown();
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return shownNodes[n.id] === true; } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return edgeInfo[e.id].step <= current; } });
  var network = new vis.Network($("kg-network"), { nodes: nodesView, edges: edgesView }, data.options);

  var api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    data: data, ready: false, timings: { script: 0, firstDraw: null, stabilized: null },
    step: function () { return current; },
    setStep: setStep, search: search, select: select,
    drawnNodeIds: function () { return network.body.nodeIndices.slice(); },
    drawnEdgeIds: function () { return network.body.edgeIndices.slice(); }
  };
  window.koreaGraph = api;

  function finish() {
    if (api.ready) { return; }
    network.storePositions();
    network.setOptions({ physics: { enabled: false } });
    api.ready = true;
    api.timings.stabilized = performance.now() - t0;
    $("kg-status").textContent = "";
  }
  network.on("stabilizationProgress", function (p) {
    $("kg-status").textContent = "Laying out the graph… " +
      Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", finish);
  network.once("afterDrawing", function () {
    api.timings.firstDraw = performance.now() - t0;
    if (data.nodes.length === 0) { finish(); }
  });

  // -- time: grow the graph record by record ---------------------------------------------
  var slider = $("kg-step");
  slider.max = String(total);
  slider.value = String(total);
  function stepLabel() {
    if (current === 0) { return "0 / " + total + ": nothing yet"; }
    var s = data.steps[current - 1];
    return current + " / " + total + ": " + s.when + " · " + s.label +
      (s.status === "occurred" ? "" : " (" + s.status + ")");
  }
  function setStep(k) {
    k = Math.max(0, Math.min(total, Math.round(Number(k))));
    if (isNaN(k)) { return current; }
    var before = current;
    current = k;
    slider.value = String(k);
    computeShown();
    nodesView.refresh();
    edgesView.refresh();
    var label = stepLabel();
    $("kg-step-label").textContent = label;
    $("kg-step-label").title = label;
    if (k === before + 1) {  // one step forward: point at what it added
      var added = data.edges.filter(function (e) { return edgeInfo[e.id].step === k; })
        .map(function (e) { return e.id; });
      network.selectEdges(added);
      if (added.length) { showDetails(edgeCard(edgeInfo[added[0]], true)); }
    }
    return current;
  }
  slider.addEventListener("input", function () { setStep(slider.value); });
  $("kg-first").addEventListener("click", function () { setStep(0); });
  $("kg-prev").addEventListener("click", function () { setStep(current - 1); });
  $("kg-next").addEventListener("click", function () { setStep(current + 1); });
  $("kg-last").addEventListener("click", function () { setStep(total); });
  $("kg-step-label").textContent = stepLabel();

  // -- clicks and search -------------------------------------------------------------------
  function select(id) {
    if (!nodeInfo[id]) { return false; }
    var box = nodeCard(nodeInfo[id], true);
    if (shownNodes[id]) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    } else {
      box.appendChild(el("p", "Not drawn at this step of the time slider.", "kg-hint"));
    }
    showDetails(box);
    return shownNodes[id] === true;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { showDetails(nodeCard(nodeInfo[p.nodes[0]], true)); }
    else if (p.edges.length) { showDetails(edgeCard(edgeInfo[p.edges[0]], true)); }
  });
  var index = data.nodes.map(function (n) {
    var i = nodeInfo[n.id];
    return { id: n.id, label: i.label, names: [i.label].concat(i.aliases).map(function (s) {
      return s.toLowerCase(); }) };
  });
  function search(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) { return []; }
    return index.filter(function (x) {
      return x.names.some(function (s) { return s.indexOf(q) >= 0; });
    }).sort(function (a, b) {
      return (a.names[0].indexOf(q) === 0 ? 0 : 1) - (b.names[0].indexOf(q) === 0 ? 0 : 1) ||
        a.label.localeCompare(b.label);
    }).slice(0, 12).map(function (x) { return x.id; });
  }
  var box = $("kg-search"), results = $("kg-results");
  function showResults() {
    var ids = search(box.value);
    results.replaceChildren();
    ids.forEach(function (id, n) {
      var li = el("li", nodeInfo[id].label, n === 0 ? "kg-active" : "");
      li.setAttribute("role", "option");
      li.dataset.id = id;
      li.appendChild(el("span", " " + nodeInfo[id].kind, "kg-muted"));
      li.addEventListener("mousedown", function (ev) {
        ev.preventDefault(); select(id); results.replaceChildren();
      });
      results.appendChild(li);
    });
  }
  box.addEventListener("input", showResults);
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = search(box.value)[0];
      if (first) { select(first); }
      results.replaceChildren();
    } else if (ev.key === "Escape") { results.replaceChildren(); }
  });
  box.addEventListener("blur", function () { results.replaceChildren(); });

  // -- relation names on the edges --------------------------------------------------------
  $("kg-edge-labels").addEventListener("change", function (ev) {
    var on = ev.target.checked;
    edges.update(data.edges.map(function (e) {
      return { id: e.id, label: on ? edgeInfo[e.id].type : "" };
    }));
  });

  // -- legend --------------------------------------------------------------------------------
  function svg(w, h) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", String(w)); s.setAttribute("height", String(h));
    return s;
  }
  function shapeIcon(shape, colour) {
    var s = svg(16, 16), e;
    var poly = {
      triangle: "8,2 14,14 2,14", triangleDown: "2,2 14,2 8,14", diamond: "8,1 15,8 8,15 1,8",
      hexagon: "4,2 12,2 15,8 12,14 4,14 1,8",
      star: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"
    }[shape];
    if (poly) { e = document.createElementNS(SVG, "polygon"); e.setAttribute("points", poly); }
    else if (shape === "square") {
      e = document.createElementNS(SVG, "rect");
      ["x", "y"].forEach(function (a) { e.setAttribute(a, "2"); });
      e.setAttribute("width", "12"); e.setAttribute("height", "12");
    } else {
      e = document.createElementNS(SVG, "circle");
      e.setAttribute("cx", "8"); e.setAttribute("cy", "8"); e.setAttribute("r", "6");
    }
    e.setAttribute("fill", colour); e.setAttribute("stroke", "#333");
    s.appendChild(e);
    return s;
  }
  function lineIcon(colour, dashes) {
    var s = svg(34, 10), l = document.createElementNS(SVG, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5");
    l.setAttribute("x2", "33"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", colour); l.setAttribute("stroke-width", "2");
    if (Array.isArray(dashes)) { l.setAttribute("stroke-dasharray", dashes.join(" ")); }
    s.appendChild(l);
    return s;
  }
  function legendRow(icon, name, extra) {
    var row = el("div", null, "kg-legend-row");
    row.appendChild(icon);
    var text = el("span", name);
    if (extra) { text.appendChild(el("span", " " + extra, "kg-legend-types")); }
    row.appendChild(text);
    return row;
  }
  (function legend() {
    var box = $("kg-legend"), L = data.legend;
    box.appendChild(el("h2", "Legend"));
    if (L.categories.length) { box.appendChild(el("h3", "Actors (size: " + data.sizeBy + ")")); }
    L.categories.forEach(function (c) { box.appendChild(legendRow(shapeIcon(c.shape, c.color), c.name)); });
    if (L.families.length) { box.appendChild(el("h3", "Relations (arrow: direction)")); }
    L.families.forEach(function (f) {
      box.appendChild(legendRow(lineIcon(f.color, false), f.name, f.types.join(", ")));
    });
    if (L.statuses.length) { box.appendChild(el("h3", "Status")); }
    L.statuses.forEach(function (s) { box.appendChild(legendRow(lineIcon(s.color, s.dashes), s.name)); });
  })();

  api.timings.script = performance.now() - t0;
})();
