/* korea_graph interactive view. Reads the graph from the JSON block #kg-data and puts
   every piece of text into the page with textContent: no markup from the data is parsed. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodeInfo = data.nodeInfo, edgeInfo = data.edgeInfo;
  var $ = function (id) { return document.getElementById(id); };
  var el = KG.el, fact = KG.fact;
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
    fact(dl, data.sizeName, i.size);
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
    if (full) { fact(dl, "documents", i.documentTitles); }
    box.appendChild(dl);
    KG.evidence(box, i.evidence, full);
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
  var shownNodes = {}, shownEdges = {};
  var filters = new KG.Filters(function () { refresh(); });
  function computeShown() {
    shownNodes = {}; shownEdges = {};
    if (data.focus) { shownNodes[data.focus] = true; }
    data.edges.forEach(function (e) {
      var i = edgeInfo[e.id];
      if (i.step <= current && filters.passes(i.filter)) {
        shownEdges[e.id] = true; shownNodes[e.from] = true; shownNodes[e.to] = true;
      }
    });
  }
  computeShown();
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return shownNodes[n.id] === true; } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return shownEdges[e.id] === true; } });
  function refresh() {
    computeShown();
    nodesView.refresh();
    edgesView.refresh();
  }
  var network = new vis.Network($("kg-network"), { nodes: nodesView, edges: edgesView }, data.options);

  var api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    data: data, ready: false, timings: { script: 0, firstDraw: null, stabilized: null },
    step: function () { return current; },
    setStep: setStep, search: search, select: select, filters: filters,
    drawnNodeIds: function () { return network.body.nodeIndices.slice(); },
    drawnEdgeIds: function () { return network.body.edgeIndices.slice(); }
  };
  window.koreaGraph = api;

  /* Labels do not overlap: vis-network scales labels with the zoom, so two labels that
     overlap once overlap at every zoom. After the layout, push apart the actors whose
     labels overlap (along the axis of least overlap) until none do. Skipped for large
     graphs, where labels are drawn only when zoomed in. */
  function declutter() {
    var body = network.body, ids = body.nodeIndices.slice(), boxes = [];
    if (ids.length > data.declutterMax) { return 0; }
    ids.forEach(function (id) {
      var node = body.nodes[id], s = node.labelModule.size;
      if (s && s.width > 0) {
        boxes.push({ node: node, dx: s.left - node.x, dy: s.top - node.y, w: s.width + 4,
                     h: s.height + 2 });
      }
    });
    var pass, moved = 0;
    for (pass = 0; pass < 200; pass++) {
      var any = false;
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i], b = boxes[j];
          var ax = a.node.x + a.dx, ay = a.node.y + a.dy, bx = b.node.x + b.dx, by = b.node.y + b.dy;
          var ox = Math.min(ax + a.w, bx + b.w) - Math.max(ax, bx);
          var oy = Math.min(ay + a.h, by + b.h) - Math.max(ay, by);
          if (ox <= 0 || oy <= 0) { continue; }
          any = true;
          if (oy <= ox) {
            var sy = (ay + a.h / 2 <= by + b.h / 2 ? -1 : 1) * (oy / 2 + 1);
            a.node.y += sy; b.node.y -= sy;
          } else {
            var sx = (ax + a.w / 2 <= bx + b.w / 2 ? -1 : 1) * (ox / 2 + 1);
            a.node.x += sx; b.node.x -= sx;
          }
        }
      }
      if (!any) { break; }
      moved++;
    }
    return moved;
  }

  function finish() {
    if (api.ready) { return; }
    network.setOptions({ physics: { enabled: false } });
    network.redraw();  // draws now: the label boxes are where the nodes are
    api.timings.declutterPasses = declutter();
    network.storePositions();
    network.fit({ animation: false });
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
    if (data.nodes.length === 0 || data.layout !== "physics") { finish(); }
  });

  // -- time: grow the graph record by record ---------------------------------------------
  var slider = $("kg-step");
  slider.max = String(total);
  slider.value = String(total);
  function stepLabel() {
    if (current === 0) { return "0 / " + total + ": nothing yet"; }
    var s = data.steps[current - 1];
    return current + " / " + total + ": " + s.when + " · " + s.caption;
  }
  function setStep(k) {
    k = Math.max(0, Math.min(total, Math.round(Number(k))));
    if (isNaN(k)) { return current; }
    var before = current;
    current = k;
    slider.value = String(k);
    refresh();
    var label = stepLabel();
    $("kg-step-label").textContent = label;
    $("kg-step-label").title = label;
    if (k === before + 1) {  // one step forward: point at what it added
      var added = data.edges.filter(function (e) {
        return edgeInfo[e.id].step === k && shownEdges[e.id]; })
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
  /* Shown at a constant size on screen (data.edgeFontPx), whatever the zoom: at the
     zoom that fits a whole graph vis-network's own scaling would make them a few pixels. */
  var edgeLabels = false;
  function edgeFont() {
    var size = data.edgeFontPx / Math.max(network.getScale(), 0.05);
    network.setOptions({ edges: { font: { size: size } } });
  }
  function showEdgeLabels(on) {
    edgeLabels = on;
    $("kg-edge-labels").checked = on;
    if (on) { edgeFont(); }
    edges.update(data.edges.map(function (e) {
      return { id: e.id, label: on ? edgeInfo[e.id].type : "" };
    }));
  }
  api.showEdgeLabels = showEdgeLabels;
  network.on("zoom", function () { if (edgeLabels) { edgeFont(); } });
  $("kg-edge-labels").addEventListener("change", function (ev) { showEdgeLabels(ev.target.checked); });

  // -- legend and in-page filters ------------------------------------------------------------
  (function legend() {
    var box = $("kg-legend"), L = data.legend;
    box.appendChild(el("h2", "Legend"));
    if (L.categories.length) { box.appendChild(el("h3", "Actors (size: " + data.sizeName + ")")); }
    L.categories.forEach(function (c) {
      box.appendChild(KG.legendRow(KG.shapeIcon(c.shape, c.color), c.name));
    });
    KG.filterLegend(box, L, filters, function (s) { return KG.lineIcon(s.color, s.dashes); });
  })();

  api.timings.script = performance.now() - t0;
})();
