// YPO sector planning: public web map. Written for this project; no libraries, no network.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("ypo-data").textContent);
  var TEXTS = data.texts; // per language code, in the languages the page was written for
  var language = data.languages[0].code;
  var selected = null;
  var byId = {};
  var paths = {};

  function t(key) { return TEXTS[language][key]; }

  // Web Mercator, y up; the SVG flips it.
  function project(lon, lat) {
    var phi = Math.max(-85, Math.min(85, lat)) * Math.PI / 180;
    return [lon * Math.PI / 180, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
  }
  var lo = project(data.bounds[0], data.bounds[1]);
  var hi = project(data.bounds[2], data.bounds[3]);
  var width = 1000;
  var span = Math.max(hi[0] - lo[0], 1e-12);
  var scale = width / span;
  var height = Math.max((hi[1] - lo[1]) * scale, 1);
  var pad = 0.03 * Math.max(width, height);

  function screen(lon, lat) {
    var p = project(lon, lat);
    return [(p[0] - lo[0]) * scale, (hi[1] - p[1]) * scale];
  }

  function pathData(polygons) {
    var parts = [];
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        ring.forEach(function (point, i) {
          var s = screen(point[0], point[1]);
          parts.push((i ? "L" : "M") + s[0].toFixed(2) + " " + s[1].toFixed(2));
        });
        parts.push("Z");
      });
    });
    return parts.join("");
  }

  function ringContains(ring, x, y) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  function sectorAt(lon, lat) {
    for (var k = 0; k < data.sectors.length; k++) {
      var polygons = data.sectors[k].polygons;
      for (var p = 0; p < polygons.length; p++) {
        var rings = polygons[p];
        if (rings.length && ringContains(rings[0], lon, lat)) {
          var inHole = false;
          for (var h = 1; h < rings.length; h++) {
            if (ringContains(rings[h], lon, lat)) { inHole = true; }
          }
          if (!inHole) { return data.sectors[k]; }
        }
      }
    }
    return null;
  }

  var svg = document.getElementById("map");
  svg.setAttribute("viewBox", (-pad).toFixed(2) + " " + (-pad).toFixed(2) + " " +
    (width + 2 * pad).toFixed(2) + " " + (height + 2 * pad).toFixed(2));
  var sectorLayer = document.createElementNS(SVG, "g");
  var districtLayer = document.createElementNS(SVG, "g");
  var labelLayer = document.createElementNS(SVG, "g");
  var markerLayer = document.createElementNS(SVG, "g");
  [sectorLayer, districtLayer, labelLayer, markerLayer].forEach(function (g) { svg.appendChild(g); });
  var fontSize = Math.max(width, height) / 55;

  data.sectors.forEach(function (sector) {
    byId[sector.sector_id] = sector;
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", pathData(sector.polygons));
    path.setAttribute("class", "sector");
    path.setAttribute("fill-rule", "evenodd");
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("data-sector-id", sector.sector_id);
    path.setAttribute("aria-label", sector.sector_name);
    path.addEventListener("click", function () { select(sector.sector_id); });
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(sector.sector_id); }
    });
    sectorLayer.appendChild(path);
    paths[sector.sector_id] = path;
    if (sector.label) {
      var s = screen(sector.label[0], sector.label[1]);
      var text = document.createElementNS(SVG, "text");
      text.setAttribute("x", s[0].toFixed(2));
      text.setAttribute("y", s[1].toFixed(2));
      text.setAttribute("class", "label");
      text.setAttribute("font-size", fontSize.toFixed(1));
      text.textContent = sector.sector_name;
      labelLayer.appendChild(text);
    }
  });
  data.districts.forEach(function (district) {
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", pathData(district.polygons));
    path.setAttribute("class", "district");
    districtLayer.appendChild(path);
  });

  var list = document.getElementById("sector-select");
  function fillList() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var first = document.createElement("option");
    first.value = "";
    first.textContent = t("choose_option");
    list.appendChild(first);
    data.sectors.forEach(function (sector) {
      var option = document.createElement("option");
      option.value = sector.sector_id;
      option.textContent = sector.sector_name + (sector.district ? " (" + sector.district + ")" : "");
      list.appendChild(option);
    });
    list.value = selected || "";
  }
  list.addEventListener("change", function () { if (list.value) { select(list.value); } });

  function telHref(phone) { return "tel:" + phone.replace(/[^0-9+]/g, ""); }

  function showCard() {
    var card = document.getElementById("card");
    if (!selected) { card.hidden = true; return; }
    var sector = byId[selected];
    card.hidden = false;
    document.getElementById("card-sector").textContent = sector.sector_name;
    document.getElementById("card-district").textContent =
      t("sector") + " " + sector.sector_id + (sector.district ? " · " + t("district") + " " + sector.district : "");
    document.getElementById("card-name").textContent = sector.officer_name || t("officer_tba");
    var phone = document.getElementById("card-phone");
    var email = document.getElementById("card-email");
    phone.textContent = sector.officer_phone || "–";
    email.textContent = sector.officer_email || "–";
    if (sector.officer_phone) { phone.setAttribute("href", telHref(sector.officer_phone)); }
    else { phone.removeAttribute("href"); }
    if (sector.officer_email) { email.setAttribute("href", "mailto:" + encodeURIComponent(sector.officer_email).replace(/%40/g, "@")); }
    else { email.removeAttribute("href"); }
  }

  function select(id) {
    if (selected && paths[selected]) { paths[selected].classList.remove("selected"); }
    selected = id;
    if (paths[id]) {
      paths[id].classList.add("selected");
      sectorLayer.appendChild(paths[id]); // drawn last: its outline on top
    }
    list.value = id;
    showCard();
  }

  function marker(lon, lat) {
    while (markerLayer.firstChild) { markerLayer.removeChild(markerLayer.firstChild); }
    var s = screen(lon, lat);
    var dot = document.createElementNS(SVG, "circle");
    dot.setAttribute("cx", s[0].toFixed(2));
    dot.setAttribute("cy", s[1].toFixed(2));
    dot.setAttribute("r", (fontSize * 0.5).toFixed(1));
    dot.setAttribute("class", "marker");
    markerLayer.appendChild(dot);
  }

  function findAt(lat, lon) {
    var message = document.getElementById("find-message");
    marker(lon, lat);
    var sector = sectorAt(lon, lat);
    if (sector) { message.textContent = ""; select(sector.sector_id); }
    else { message.textContent = t("not_found"); }
  }

  function parseCoordinates(text) {
    var numbers = text.trim().split(/[\s;,]+/);
    if (numbers.length === 4) { // decimal commas: "12,3456, 7,8901"
      numbers = [numbers[0] + "." + numbers[1], numbers[2] + "." + numbers[3]];
    }
    if (numbers.length !== 2) { return null; }
    var lat = Number(numbers[0]), lon = Number(numbers[1]);
    if (!isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) { return null; }
    return [lat, lon];
  }

  document.getElementById("find").addEventListener("submit", function (event) {
    event.preventDefault();
    var value = parseCoordinates(document.getElementById("coordinates").value);
    if (!value) { document.getElementById("find-message").textContent = t("bad_coordinates"); return; }
    findAt(value[0], value[1]);
  });
  document.getElementById("locate").addEventListener("click", function () {
    if (!navigator.geolocation) { document.getElementById("find-message").textContent = t("no_location"); return; }
    navigator.geolocation.getCurrentPosition(
      function (position) { findAt(position.coords.latitude, position.coords.longitude); },
      function () { document.getElementById("find-message").textContent = t("no_location"); }
    );
  });

  var languageButtons = document.getElementById("languages");
  function setLanguage(code) {
    language = code;
    document.documentElement.setAttribute("lang", code);
    Array.prototype.forEach.call(languageButtons.querySelectorAll("button"), function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("lang") === code));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-text]"), function (element) {
      element.textContent = t(element.getAttribute("data-text"));
    });
    fillList();
    showCard();
    document.getElementById("find-message").textContent = "";
  }
  if (data.languages.length > 1) { // one button per language; none when the page has one
    data.languages.forEach(function (entry) {
      var button = document.createElement("button");
      button.type = "button";
      button.id = "lang-" + entry.code;
      button.setAttribute("lang", entry.code);
      button.textContent = entry.name;
      button.addEventListener("click", function () { setLanguage(entry.code); });
      languageButtons.appendChild(button);
    });
  } else {
    languageButtons.hidden = true;
  }

  window.ypoSelectSector = select; // for tests and links
  setLanguage(data.languages[0].code);
  var wanted = decodeURIComponent(window.location.hash.replace(/^#/, ""));
  if (wanted && byId[wanted]) { select(wanted); }
})();
