/* korea_graph pages: what the network and the timeline share. Every piece of text goes
   into the page with textContent; no markup from the data is ever parsed. */
var KG = (function () {
  "use strict";
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
  function evidence(box, quotes, full) {
    if (!quotes.length) { return; }
    if (full) { box.appendChild(el("h3", "Evidence")); }
    quotes.forEach(function (q) {
      box.appendChild(el("blockquote", full ? q : clip(q, 280), "kg-quote"));
    });
  }

  // -- legend icons ---------------------------------------------------------------------------
  function svg(w, h) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", String(w)); s.setAttribute("height", String(h));
    return s;
  }
  function svgEl(name, attrs) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function shapeIcon(shape, colour) {
    var s = svg(16, 16), e;
    var poly = {
      triangle: "8,2 14,14 2,14", triangleDown: "2,2 14,2 8,14", diamond: "8,1 15,8 8,15 1,8",
      hexagon: "4,2 12,2 15,8 12,14 4,14 1,8",
      star: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"
    }[shape];
    if (poly) { e = svgEl("polygon", { points: poly }); }
    else if (shape === "square") { e = svgEl("rect", { x: 2, y: 2, width: 12, height: 12 }); }
    else { e = svgEl("circle", { cx: 8, cy: 8, r: 6 }); }
    e.setAttribute("fill", colour); e.setAttribute("stroke", "#333");
    s.appendChild(e);
    return s;
  }
  function lineIcon(colour, dashes) {
    var s = svg(34, 10);
    var l = svgEl("line", { x1: 1, y1: 5, x2: 33, y2: 5, stroke: colour, "stroke-width": 2 });
    if (Array.isArray(dashes)) { l.setAttribute("stroke-dasharray", dashes.join(" ")); }
    s.appendChild(l);
    return s;
  }
  function legendRow(icon, name, extra) {
    var row = el("div", null, "kg-legend-row");
    if (icon) { row.appendChild(icon); }
    var text = el("span", name);
    if (extra) { text.appendChild(el("span", " " + extra, "kg-legend-types")); }
    row.appendChild(text);
    return row;
  }

  /* In-page filters: one group of checkboxes per key ("family", "status", "document");
     an item passes a group when one of its values for the key is checked (an item with
     no value for a key passes it). The legend rows double as the checkboxes. */
  function Filters(onChange) {
    this.off = {};
    this.boxes = {};
    this.onChange = onChange;
  }
  Filters.prototype.row = function (key, value, icon, name, extra) {
    var self = this;
    var label = el("label", null, "kg-legend-row");
    var box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.dataset.key = key; box.dataset.value = value;
    box.setAttribute("aria-label", "show " + name);
    label.appendChild(box);
    if (icon) { label.appendChild(icon); }
    var text = el("span", name);
    if (extra) { text.appendChild(el("span", " " + extra, "kg-legend-types")); }
    label.appendChild(text);
    (this.boxes[key] = this.boxes[key] || {})[value] = box;
    box.addEventListener("change", function () { self.set(key, value, box.checked); });
    return label;
  };
  Filters.prototype.set = function (key, value, on) {
    var off = this.off[key] = this.off[key] || {};
    if (on) { delete off[value]; } else { off[value] = true; }
    var box = this.boxes[key] && this.boxes[key][value];
    if (box) { box.checked = on; box.parentNode.classList.toggle("kg-off", !on); }
    this.onChange();
  };
  Filters.prototype.passes = function (item) {
    var off = this.off;
    return Object.keys(off).every(function (key) {
      var values = item[key];
      if (values === undefined || values === null) { return true; }
      if (!Array.isArray(values)) { values = [values]; }
      if (!values.length) { return true; }
      return values.some(function (v) { return !off[key][v]; });
    });
  };
  Filters.prototype.state = function () {
    var out = {}, off = this.off;
    Object.keys(off).forEach(function (k) { out[k] = Object.keys(off[k]).sort(); });
    return out;
  };

  /* The filter part of a legend: families, statuses and documents, from data.legend. */
  function filterLegend(box, L, filters, statusIcon) {
    if (L.families.length) {
      box.appendChild(el("h3", "Relations"));
      L.families.forEach(function (f) {
        box.appendChild(filters.row("family", f.name, lineIcon(f.color, false), f.name,
                                    f.types.join(", ")));
      });
    }
    if (L.statuses.length) {
      box.appendChild(el("h3", "Status"));
      L.statuses.forEach(function (s) {
        box.appendChild(filters.row("status", s.key, statusIcon(s), s.name));
      });
    }
    if (L.documents.length) {
      box.appendChild(el("h3", "Documents"));
      L.documents.forEach(function (d) {
        box.appendChild(filters.row("document", d.id, null, d.title, d.published));
      });
    }
    if (L.families.length || L.statuses.length || L.documents.length) {
      box.appendChild(el("p", "Untick a row to hide what it marks.", "kg-filter-note"));
    }
  }

  return { el: el, fact: fact, clip: clip, evidence: evidence, svg: svg, svgEl: svgEl,
           shapeIcon: shapeIcon, lineIcon: lineIcon, legendRow: legendRow, Filters: Filters,
           filterLegend: filterLegend };
})();
