/* korea_graph timeline. Reads the records from #kg-data; one nested group (a line) per
   record under a row heading per kind or actor; every text goes in with textContent. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var el = KG.el, fact = KG.fact;
  var $ = function (id) { return document.getElementById(id); };
  var DAY = 86400000;
  var lineOf = {};
  data.lines.forEach(function (l) { lineOf[l.id] = l; });

  function ms(iso) { return new Date(iso + "T00:00:00").getTime(); }
  function whenText(w) { return w.phrase ? w.iso + " (" + w.phrase + ")" : w.iso; }
  function range(pair) {
    if (!pair) { return ""; }
    return (pair[0] || "…") + " to " + (pair[1] || "…");
  }

  // -- what a bar looks like: certain part solid, possible part hatched, open ends faded -----
  function barStyle(l) {
    var s = data.statusStyle[l.status], start = ms(l.start), total = ms(l.end) - start;
    var layers = [];
    if (l.openStart) { layers.push("linear-gradient(to right, #fff 0, rgba(255,255,255,0) 18%)"); }
    if (l.openEnd) { layers.push("linear-gradient(to left, #fff 0, rgba(255,255,255,0) 18%)"); }
    if (l.certain) {
      var a = (100 * (ms(l.certain[0]) - start) / total).toFixed(3);
      var b = (100 * (ms(l.certain[1]) - start) / total).toFixed(3);
      layers.push("linear-gradient(to right, transparent " + a + "%, " + s.fill + " " + a +
                  "%, " + s.fill + " " + b + "%, transparent " + b + "%)");
    }
    layers.push("repeating-linear-gradient(135deg, " + s.fill + " 0 3px, #ffffff 3px 7px)");
    return "background: " + layers.join(", ") + "; border-color: " + s.border +
      "; border-style: " + s.style + ";";
  }
  function barText(l) {
    var box = el("span");
    if (l.openStart) { box.appendChild(el("span", "◀ ", "kg-arrow")); }
    // the dates inside a bar only where there is room for them (long spans), or by a dot
    if (l.point || ms(l.end) - ms(l.start) >= 20 * DAY) {
      box.appendChild(document.createTextNode(l.when.iso));
    }
    if (l.openEnd) { box.appendChild(el("span", " ▶", "kg-arrow")); }
    return box;
  }

  // -- tooltips and details: DOM built from text ------------------------------------------------
  function card(l, full) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el(full ? "h2" : "strong", l.caption));
    var dl = el("dl", null, "kg-facts");
    fact(dl, "kind", l.kind);
    fact(dl, "date", whenText(l.when));
    if (full) {
      fact(dl, "dating", l.when.resolution);
      fact(dl, "possibly", range(l.when.possible));
      fact(dl, "certainly", l.when.certain ? range(l.when.certain) : "no day is certain");
    }
    fact(dl, "status", l.statusName);
    fact(dl, "actors", full ? l.actors : l.actors.slice(0, 4));
    if (full) {
      fact(dl, "relations", l.relations);
      fact(dl, "sources say", l.sources);  // as known on each report's publication
      fact(dl, "cited", l.citations);
      fact(dl, "documents", l.documentTitles);
    }
    box.appendChild(dl);
    KG.evidence(box, l.evidence, full);
    return box;
  }
  function showDetails(node) { $("kg-details").replaceChildren(node); }

  // -- groups (row headings, one line per record) and items ----------------------------------
  var order = 0, groupList = [], itemList = [];
  data.rows.forEach(function (row) {
    var head = el("span", row.label);
    head.appendChild(el("span", " " + row.lines.length, "kg-legend-types"));
    groupList.push({ id: "row:" + row.id, content: head, nestedGroups: row.lines.slice(),
                     showNested: true, order: order++ });
    row.lines.forEach(function (id) {
      var l = lineOf[id], label = el("span", l.caption);
      label.title = l.caption;
      groupList.push({ id: id, content: label, order: order++, treeLevel: 2 });
      var item = { id: id, group: id, start: l.start, title: card(l, false),
                   className: "kg-bar kg-" + l.status, content: barText(l) };
      if (l.point) {
        item.type = "point";
      } else {
        item.type = "range";
        item.end = l.end;
        item.style = barStyle(l);
        if (l.openStart) { item.className += " kg-open-start"; }
        if (l.openEnd) { item.className += " kg-open-end"; }
      }
      itemList.push(item);
    });
  });
  data.published.forEach(function (p) {
    itemList.push({ id: "published:" + p.id, type: "background", start: p.start, end: p.end,
                    className: "kg-published",
                    content: el("span", "as known on " + p.when + " · " + p.title) });
  });
  var groups = new vis.DataSet(groupList), items = new vis.DataSet(itemList);
  var options = {
    stack: false, orientation: { axis: "top" }, groupOrder: "order",
    min: data.limits[0], max: data.limits[1],
    zoomMin: 3 * DAY, showCurrentTime: false, selectable: true, multiselect: false,
    margin: { item: { horizontal: 0, vertical: 3 }, axis: 4 },
    tooltip: { followMouse: true, overflowMethod: "cap", delay: 150 },
    groupHeightMode: "fixed", dataAttributes: ["id"],
    // no start/end here: with them vis-timeline 8.5 waits for a range change before it
    // removes its (transparent) loading screen, which then swallows every click
    onInitialDrawComplete: function () {
      api.showWindow();
      colourDots();
      api.ready = true;
      api.timings.drawn = performance.now() - t0;
    }
  };
  var timeline = new vis.Timeline($("kg-timeline"), items, groups, options);

  // dots of known days take their status colours once drawn (set as style properties)
  function colourDots() {
    document.querySelectorAll(".vis-item.vis-dot").forEach(function (dot) {
      Object.keys(data.statusStyle).forEach(function (k) {
        if (dot.classList.contains("kg-" + k)) {
          dot.style.borderColor = data.statusStyle[k].border;
          dot.style.backgroundColor = data.statusStyle[k].fill;
        }
      });
    });
  }
  var api = {
    timeline: timeline, items: items, groups: groups, data: data, ready: false,
    timings: { script: 0, drawn: null }, filters: null,
    visibleLines: function () {
      return data.lines.filter(function (l) { return shown[l.id]; }).map(function (l) {
        return l.id; });
    },
    toScreen: function (iso) {
      var box = $("kg-timeline").querySelector(".vis-center").getBoundingClientRect();
      return box.left + timeline.body.util.toScreen(new Date(iso + "T00:00:00"));
    },
    drawnBars: function () {
      return Array.prototype.map.call(document.querySelectorAll(".vis-item.kg-bar:not(.vis-dot)"),
        function (e) {
          var r = e.getBoundingClientRect();
          return { id: e.dataset.id, cls: e.className, width: r.width, height: r.height,
                   left: r.left, top: r.top, text: e.textContent };
        });
    },
    select: function (id) { timeline.setSelection([id]); showLine(id); return !!lineOf[id]; },
    fit: function () { timeline.fit({ animation: false }); },
    showWindow: function () {
      timeline.setWindow(data.window[0], data.window[1], { animation: false });
    }
  };
  window.koreaGraph = api;
  timeline.on("changed", colourDots);

  // -- clicks -------------------------------------------------------------------------------
  function showLine(id) {
    var l = lineOf[id];
    if (l) { showDetails(card(l, true)); }
  }
  timeline.on("select", function (p) { if (p.items.length) { showLine(p.items[0]); } });
  timeline.on("click", function (p) {
    if (!p.item && p.group && lineOf[p.group]) { timeline.setSelection([p.group]); showLine(p.group); }
  });
  $("kg-fit").addEventListener("click", api.fit);
  $("kg-window").addEventListener("click", api.showWindow);

  // -- in-page filters: hide lines, and rows left empty -------------------------------------------
  var shown = {};
  var filters = new KG.Filters(function () { applyFilters(); });
  api.filters = filters;
  function applyFilters() {
    var updates = [], count = 0;
    data.rows.forEach(function (row) {
      var any = false;
      row.lines.forEach(function (id) {
        var on = filters.passes(lineOf[id].filter);
        if (on !== shown[id]) { updates.push({ id: id, visible: on }); }
        shown[id] = on;
        if (on) { any = true; count++; }
      });
      updates.push({ id: "row:" + row.id, visible: any });
    });
    groups.update(updates);
    $("kg-count").textContent = count + " of " + data.lines.length + " lines shown";
  }
  data.lines.forEach(function (l) { shown[l.id] = true; });
  $("kg-count").textContent = data.lines.length + " lines";

  // -- legend ------------------------------------------------------------------------------------
  function sample(css, cls) {
    var s = el("span", null, "kg-sample" + (cls ? " " + cls : ""));
    s.style.cssText = css;
    return s;
  }
  var occurred = data.statusStyle.occurred;
  (function legend() {
    var box = $("kg-legend");
    box.appendChild(el("h2", "Legend"));
    box.appendChild(el("h3", "Time"));
    box.appendChild(KG.legendRow(sample(barStyle({ status: "occurred", start: "2000-01-01",
      end: "2000-01-11", certain: ["2000-01-01", "2000-01-11"] })), "certainly covered"));
    box.appendChild(KG.legendRow(sample(barStyle({ status: "occurred", start: "2000-01-01",
      end: "2000-01-11", certain: null })), "possibly covered (somewhere in it)"));
    box.appendChild(KG.legendRow(sample("background: " + occurred.border, "kg-dot"),
                                 "one known day"));
    box.appendChild(KG.legendRow(sample(barStyle({ status: "occurred", start: "2000-01-01",
      end: "2000-01-11", certain: null, openStart: true })), "◀ ▶ open: no known start or end"));
    box.appendChild(KG.legendRow(sample("background: rgba(255, 196, 0, 0.22); border: none;" +
      " border-left: 2px solid #d19a00"), "publication: as known on"));
    KG.filterLegend(box, data.legend, filters, function (s) {
      var st = data.statusStyle[s.key];
      return sample("background: " + st.fill + "; border-color: " + st.border +
                    "; border-style: " + st.style);
    });
  })();

  api.timings.script = performance.now() - t0;
})();
