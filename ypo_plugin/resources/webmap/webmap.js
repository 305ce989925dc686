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
  var streetLayer = document.createElementNS(SVG, "g");
  var districtLayer = document.createElementNS(SVG, "g");
  var labelLayer = document.createElementNS(SVG, "g");
  var markerLayer = document.createElementNS(SVG, "g");
  [sectorLayer, streetLayer, districtLayer, labelLayer, markerLayer].forEach(function (g) { svg.appendChild(g); });
  streetLayer.setAttribute("aria-hidden", "true");
  var fontSize = Math.max(width, height) / 55;

  // Streets, when the page has them: light lines over the sectors' fill, under their boundaries;
  // the main streets named along their longest part.
  function streetPoints(flat, origin, step) {
    var points = [], x = origin[0], y = origin[1];
    for (var i = 0; i < flat.length; i += 2) {
      x += flat[i];
      y += flat[i + 1];
      points.push(screen(x * step, y * step));
    }
    return points;
  }

  function streetLabel(name, points) {
    var middle = Math.floor((points.length - 1) / 2);
    var a = points[middle], b = points[middle + 1];
    var angle = Math.atan2(b[1] - a[1], b[0] - a[0]) * 180 / Math.PI;
    if (angle > 90) { angle -= 180; } else if (angle < -90) { angle += 180; } // never upside down
    var text = document.createElementNS(SVG, "text");
    var cx = (a[0] + b[0]) / 2, cy = (a[1] + b[1]) / 2;
    text.setAttribute("x", cx.toFixed(2));
    text.setAttribute("y", cy.toFixed(2));
    text.setAttribute("transform", "rotate(" + angle.toFixed(1) + " " + cx.toFixed(2) + " " + cy.toFixed(2) + ")");
    text.setAttribute("class", "street-label");
    text.setAttribute("font-size", (fontSize * 0.55).toFixed(1));
    text.textContent = name;
    streetLayer.appendChild(text);
  }

  if (data.streets) {
    data.streets.streets.forEach(function (street) {
      var longest = null, length = -1, parts = [];
      street.p.forEach(function (flat) {
        var points = streetPoints(flat, data.streets.origin, data.streets.step);
        var partLength = 0;
        for (var i = 1; i < points.length; i++) {
          partLength += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
        }
        if (partLength > length) { length = partLength; longest = points; }
        parts.push(points.map(function (p, i) { return (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1); }).join(""));
      });
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", parts.join(""));
      path.setAttribute("class", street.m ? "street main" : "street");
      streetLayer.appendChild(path);
      if (street.m && longest && longest.length > 1) { streetLabel(street.n, longest); }
    });
  }

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

  // --- address search: only on a page written with an address index ---
  var fullViewBox = svg.getAttribute("viewBox");
  var showAllButton = document.getElementById("show-all");
  showAllButton.addEventListener("click", function () {
    svg.setAttribute("viewBox", fullViewBox);
    showAllButton.hidden = true;
  });

  function zoomTo(id) {
    var box = paths[id].getBBox();
    var margin = Math.max(box.width, box.height) * 0.15 + fontSize;
    svg.setAttribute("viewBox", [box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin]
      .map(function (value) { return value.toFixed(2); }).join(" "));
    showAllButton.hidden = false;
  }

  function deselect() {
    if (selected && paths[selected]) { paths[selected].classList.remove("selected"); }
    selected = null;
    list.value = "";
    showCard();
  }

  // Case, spacing, accents and the Danish letters are folded, so that "s\u00f8ndre all\u00e9",
  // "Sondre Alle" and "Soendre Alle" are the same search.
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u00e6/g, "ae").replace(/\u00f8/g, "oe").replace(/\u00df/g, "ss") // ae, o-slash, sharp s
      .replace(/aa/g, "a").replace(/oe/g, "o").replace(/ae/g, "a")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  var index = data.addresses;
  var streets = [];
  var postcodeOf = {};
  var MAX_SUGGESTIONS = 8;

  function expandRuns(flat) {
    var values = [];
    for (var i = 0; i < flat.length; i += 2) {
      for (var k = 0; k < flat[i + 1]; k++) { values.push(flat[i]); }
    }
    return values;
  }

  function decodeIndex() {
    index.postcodes.forEach(function (entry, position) { postcodeOf[fold(entry.code)] = position; });
    index.streets.forEach(function (entry) {
      var numbers = entry.h.split(" "), postcodes = expandRuns(entry.p), sectorIndexes = expandRuns(entry.s);
      var x = index.origin[0], y = index.origin[1], houses = [];
      for (var i = 0; i < numbers.length; i++) {
        x += entry.x[i];
        y += entry.y[i];
        houses.push({ text: numbers[i], key: numbers[i].toLowerCase(), postcode: postcodes[i],
          sector: sectorIndexes[i], lon: x * index.step, lat: y * index.step });
      }
      streets.push({ name: entry.n, key: fold(entry.n), houses: houses });
    });
  }

  // "sondre alle 12 b, 2700 bronshoj": street words, house number (with its letter), postcode;
  // words after the postcode are its city.
  function parseQuery(text) {
    var tokens = fold(text).split(" ").filter(Boolean);
    var query = { words: [], house: "", postcode: -1 };
    for (var i = 0; i < tokens.length && query.postcode < 0; i++) {
      var token = tokens[i];
      var code = postcodeOf[token];
      if (code !== undefined && (token.length >= 4 || !query.words.length)) {
        query.postcode = code;
      } else if (!query.house && query.words.length && /^[0-9]+[a-z]?$/.test(token)) {
        query.house = token.replace(/^0+(?=[0-9])/, "");
        if (/^[0-9]+$/.test(query.house) && /^[a-z]$/.test(tokens[i + 1] || "")) { query.house += tokens[++i]; }
      } else if (!query.house) {
        query.words.push(token);
      }
    }
    return query;
  }

  function postcodeLabel(position) {
    var entry = index.postcodes[position];
    return entry.code + (entry.city ? " " + entry.city : "");
  }

  function search(text) {
    var query = parseQuery(text);
    var words = query.words.join(" ");
    if (!words && query.postcode >= 0) {
      return [{ kind: "postcode", postcode: query.postcode, label: postcodeLabel(query.postcode) }];
    }
    if (words.length < 2) { return []; }
    var matches = [];
    streets.forEach(function (street) {
      var rank = street.key.indexOf(words) === 0 ? 0 : (street.key.indexOf(" " + words) >= 0 ? 1 : -1);
      if (rank >= 0) { matches.push({ rank: rank, street: street }); }
    });
    matches.sort(function (a, b) {
      return a.rank - b.rank || (a.street.key < b.street.key ? -1 : (a.street.key > b.street.key ? 1 : 0));
    });
    var results = [];
    for (var m = 0; m < matches.length && results.length < MAX_SUGGESTIONS; m++) {
      var street = matches[m].street;
      var inPostcode = street.houses.filter(function (house) {
        return query.postcode < 0 || house.postcode === query.postcode;
      });
      if (!inPostcode.length) { continue; }
      if (!query.house) {
        results.push({ kind: "street", street: street, houses: inPostcode, label: street.name });
        continue;
      }
      var exact = inPostcode.filter(function (house) { return house.key === query.house; });
      var starting = inPostcode.filter(function (house) {
        return house.key !== query.house && house.key.indexOf(query.house) === 0;
      });
      exact.concat(starting).forEach(function (house) {
        results.push({ kind: "address", house: house, label: street.name + " " + house.text +
          (house.postcode >= 0 ? ", " + postcodeLabel(house.postcode) : "") });
      });
    }
    return results.slice(0, MAX_SUGGESTIONS);
  }

  var addressInput = document.getElementById("address");
  var suggestionList = document.getElementById("address-list");
  var addressMessage = document.getElementById("address-message");
  var sectorButtons = document.getElementById("address-sectors");
  var suggestions = [];
  var active = -1;

  function closeSuggestions() {
    suggestions = [];
    active = -1;
    suggestionList.hidden = true;
    addressInput.setAttribute("aria-expanded", "false");
    addressInput.removeAttribute("aria-activedescendant");
  }

  function showSuggestions(results) {
    while (suggestionList.firstChild) { suggestionList.removeChild(suggestionList.firstChild); }
    suggestions = results;
    active = -1;
    if (!results.length) { closeSuggestions(); return; }
    results.forEach(function (result, position) {
      var option = document.createElement("li");
      option.id = "address-option-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = result.label;
      option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(result); });
      suggestionList.appendChild(option);
    });
    suggestionList.hidden = false;
    addressInput.setAttribute("aria-expanded", "true");
  }

  function highlight(position) {
    active = position;
    Array.prototype.forEach.call(suggestionList.children, function (option, i) {
      option.setAttribute("aria-selected", String(i === position));
    });
    addressInput.setAttribute("aria-activedescendant", "address-option-" + position);
  }

  function clearSectorButtons() {
    while (sectorButtons.firstChild) { sectorButtons.removeChild(sectorButtons.firstChild); }
    sectorButtons.hidden = true;
  }

  function listSectors(place, sectorIndexes) {
    addressMessage.textContent = t("sectors_of").replace("{place}", place);
    sectorIndexes.forEach(function (position) {
      var sector = data.sectors[position];
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = sector.sector_name;
      button.addEventListener("click", function () { select(sector.sector_id); zoomTo(sector.sector_id); });
      item.appendChild(button);
      sectorButtons.appendChild(item);
    });
    sectorButtons.hidden = !sectorIndexes.length;
    if (sectorIndexes.length === 1) { select(data.sectors[sectorIndexes[0]].sector_id); }
  }

  function choose(result) {
    closeSuggestions();
    clearSectorButtons();
    addressInput.value = result.label;
    if (result.kind === "address") {
      marker(result.house.lon, result.house.lat);
      if (result.house.sector < 0) {
        deselect();
        addressMessage.textContent = t("address_outside");
        return;
      }
      var sector = data.sectors[result.house.sector];
      addressMessage.textContent = result.label;
      select(sector.sector_id);
      zoomTo(sector.sector_id);
    } else if (result.kind === "postcode") {
      listSectors(result.label, index.postcodes[result.postcode].sectors);
    } else {
      var seen = {}, indexes = [];
      result.houses.forEach(function (house) {
        if (house.sector >= 0 && !seen[house.sector]) { seen[house.sector] = true; indexes.push(house.sector); }
      });
      listSectors(result.label, indexes.sort(function (a, b) { return a - b; }));
    }
  }

  function submitSearch() {
    if (active >= 0 && suggestions[active]) { choose(suggestions[active]); return; }
    var results = search(addressInput.value);
    if (results.length) { choose(results[0]); return; }
    closeSuggestions();
    var coordinates = parseCoordinates(addressInput.value);
    if (coordinates) {
      addressMessage.textContent = "";
      findAt(coordinates[0], coordinates[1]);
      addressMessage.textContent = document.getElementById("find-message").textContent;
      return;
    }
    addressMessage.textContent = t("no_address");
  }

  if (index) {
    decodeIndex();
    document.getElementById("address-search").hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll("#find label, #find .row"), function (element) {
      element.hidden = true;
    });
    addressInput.addEventListener("input", function () { showSuggestions(search(addressInput.value)); });
    addressInput.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && suggestions.length) {
        event.preventDefault();
        highlight((active + 1) % suggestions.length);
      } else if (event.key === "ArrowUp" && suggestions.length) {
        event.preventDefault();
        highlight((active - 1 + suggestions.length) % suggestions.length);
      } else if (event.key === "Escape") {
        closeSuggestions();
      }
    });
    addressInput.addEventListener("blur", closeSuggestions);
    document.getElementById("address-search").addEventListener("submit", function (event) {
      event.preventDefault();
      submitSearch();
    });
  }

  window.ypoSearchAddresses = function (text) { // for tests and benchmarks
    return search(text).map(function (result) { return result.label; });
  };
  window.ypoSelectSector = select; // for tests and links
  setLanguage(data.languages[0].code);
  var wanted = decodeURIComponent(window.location.hash.replace(/^#/, ""));
  if (wanted && byId[wanted]) { select(wanted); }
})();
