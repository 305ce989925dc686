<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <source>Sector planning</source>
        <translation>Sektorplanlægning</translation>
    </message>
    <message>
        <source>Compute sector manning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computes, for every sector, its population, crime by type, a need score, the manning factor 1–5 (factor 1 = one officer per 1,000 inhabitants, high need … factor 5 = one per 5,000, low need) and the officers it requires and is allocated:
officers_required = max(MIN_OFFICERS, ceil(population / (factor × 1000))).

Any CRS: the work is done in the sectors' CRS when it is metric, else in the UTM zone of the sectors; the other layers are reprojected to it. The output keeps the sectors' CRS and geometries.

Parameters:
Sectors — the sector polygons (generated or drawn by hand). Sectors that share an id are dissolved into one multi-part sector (attributes of the first kept), with a warning. Where sectors overlap, the overlap counts in the sector that comes first (input order), so nothing is counted twice; overlaps are reported. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Sector id field — the unique sector id (default sector_id).
Factor override field (optional) — a field on the sectors whose value 1–5 replaces the computed factor; empty values keep the computed one.
Population (optional) — polygons (e.g. census tracts, blocks) whose population is shared out by area, so a unit across a sector line is split in proportion to the area on each side (nothing is lost or counted twice), or points counted where they are. Without it every sector has population 0 and gets the minimum.
Population field — the number of inhabitants of each unit (numeric).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particularly exposed housing areas (optional) — polygons; exposed_share is the share of the sector's population living in them (of its area where nobody lives).
Factor method — thresholds: factor 1 when need ≥ 200, 2 when ≥ 120, 3 when ≥ 70, 4 when ≥ 35, else 5; quintiles: the fifth of sectors with the highest need gets factor 1, the next fifth 2, and so on (ties share a factor). Sectors without population get factor 5.
Factor thresholds (advanced) — the four need scores where factor 1, 2, 3 and 4 start.
Crime type weights (advanced) — weight of each type in the need score.
Exposed area weight (advanced) — how much exposed housing raises the need.
need_score = Σ weight × crimes of the type per 1,000 inhabitants per year × (1 + exposed area weight × exposed_share); the year is the period, else the span of the incident dates.
Minimum officers per sector — default 2.
Staff to allocate (optional) — a total number of officers shared out over all sectors.
Districts with staff (optional) — district polygons with a staff number each: every district's staff is shared out over its sectors. A sector belongs to the district that covers the largest part of its area (a sector partly outside it is reported). Give either this or the staff to allocate.
District name field / District staff field — the district's name (default district) and its number of officers (default staff).
Allocation: each sector gets at least the minimum and otherwise a share of the staff proportional to its officers_required, rounded by the largest-remainder method, so the allocation sums exactly to the staff. Without staff, officers_allocated = officers_required.
Sector manning — the sectors with every input field plus sector_id, district (when districts are given), population, area_km2, crimes_total, crimes_&lt;type&gt;, crimes_per_1000, exposed_share, need_score, factor, officers_required and officers_allocated; loaded styled by factor.
Summary (HTML) (optional) — a table of the sectors and totals for the results viewer.

Results: CRIMES_OUTSIDE (incidents in the period in no sector, including those without a location), CRIMES_IN_PERIOD, POPULATION_OUTSIDE, OFFICERS_REQUIRED_TOTAL, OFFICERS_ALLOCATED_TOTAL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor override field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector manning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the sectors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the population…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the crime incidents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the manning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the sectors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create sample district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes a realistic sample police station area to one GeoPackage (EPSG:25832), to try the other tools without data of your own. It is modelled loosely on the Copenhagen Police's Bellahøj station.

Layers written:
• districts — the local police districts North East, North West and Frederiksberg, with sector_count (9, 5, 5) and staff (18, 12, 12)
• units — street blocks with unit_id, district, land_use and population (380,000 inhabitants by default; parks and industry have none); they tile each district without gaps or overlaps
• crimes — a year of incidents (1 October 2025 to 30 September 2026, with the seasons: violence peaks in summer, burglary in winter) with crime_type (violence, burglary, theft, drugs, vandalism, harassment), occurred (date-time), place and gang_related (true for about 3 %, most of them in and near the exposed areas)
• exposed_areas — particularly exposed housing areas, where crime concentrates
• barriers — a railway, a motorway and a waterway that cross the area
• special_places — stations, nightlife streets, a stadium, shopping centres
• streets — named streets (Danish names) along the blocks, with kind main or local
• addresses — address points on the blocks' street fronts, about one per 20 inhabitants, with street, house_number (odd left, even right, 12A beside 12), postcode, city and unit_id
• index_areas — 35 areas of whole blocks for the city safety index (area_id SI-01 …); initiative is true for the two areas where an initiative started on 1 April 2026: from that day about a third of their crime was prevented, part of it displaced into the 500 m around them (try Evaluate an initiative with TARGET_FIELD=initiative)
• survey — about 8,000 respondents (points at home) with answer 1–5 to &quot;How safe do you feel in your neighbourhood after dark?&quot; (1 = very unsafe; about 2 % empty), feeling less safe where there is more crime and in exposed areas, and a survey weight

Parameters:
Seed — the same seed always gives the same file, byte for byte; another seed gives another town.
Number of base units (advanced) — about how many street blocks to draw.
Total population (advanced) — inhabitants over all blocks, exactly.
Sample district — the GeoPackage to write. Each layer is also given as an output for use in models, and is loaded styled when the algorithm is run from QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of base units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the sample station area…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing layer {} ({} features)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create sector workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a sector workspace for the schematic sector log: one GeoPackage (workspace.gpkg) and a QGIS project (workspace.qgz) beside it. Open the project and the workspace is ready to edit.

The GeoPackage holds the tables
• sectors — the sectors with all their fields, sector_id as text, and the public fields sector_name (the id when missing), district, officer_name, officer_phone and officer_email (added empty when missing);
• sector_log — date, author, target group, party of interest, challenge, action taken, status (open, in progress, closed), follow-up date and sector_id;
• partners — name, kind (SSP, housing association, club, tradesperson, school, other), contact, address point and sector_id;
• events — date, title, notes, point and sector_id;
• target_groups — the handbook's target groups: {groups}.
Their attribute forms (drop-down lists, date pickers, required fields, defaults) are saved as each table's default style, so they also work when a table is added to another project.

The project relates every sector to its log entries, partners and events (the sector form has a tab for each) and each log entry to its target group, and holds the print layout 'Overdragelsesrapport / Handover report' (one page per sector: map, key figures and manning, officer, neighbouring sectors, partners, open challenges and the latest log entries; see Export handover report) and the public sector map layouts. The sector log, partners and events are internal: no public export (Export sector maps, Export public web map) ever reads them.

Parameters:
Sectors — the sector polygons (e.g. from Split sectors or Compute sector manning).
Sector id field — the field with each sector's unique id (default sector_id).
Output folder — where workspace.gpkg and workspace.qgz are written.
Replace an existing workspace — overwrite a workspace already in the folder (its log, partners and events are lost); without it an existing workspace is never touched.

Results: GEOPACKAGE, PROJECT and SECTOR_COUNT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace an existing workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace GeoPackage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the log, partner, event and target group tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the forms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divides every sector into grid cells and counts the crime incidents in each cell by type, time band and weekday/weekend, for reviewing crime by type, scene and time; with tables per weekday and hour and per scene, optional charts per sector and an optional comparison period for the quarterly threat assessment. For internal use: the output holds crime data.

Cells are clipped to the sectors: a grid cell crossing a sector line becomes one cell per sector, so every cell lies in exactly one sector and the cells tile each sector exactly (no gaps, no overlaps). Cells without crime are kept (a zero is information). The grid is anchored at the CRS origin, so the same cell size gives the same grid in every run.

Every incident in the period is counted in exactly one cell, or in CRIMES_OUTSIDE: an incident on a sector line counts in the sector that comes first in the layer (as in Compute sector manning); within the sector, an incident on a cell edge counts in the cell east of a vertical edge and north of a horizontal or slanted one; on the sector's own boundary it counts in the first of the sector's cells that touches it.

Any CRS: the work is done in the sectors' CRS when it is metric, else in the UTM zone of the sectors; incidents are reprojected to it. The cells are written in the sectors' CRS.

Parameters:
Sectors — the sector polygons. Features sharing an id are dissolved into one sector (with a warning); where sectors overlap, the overlap belongs to the sector that comes first. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crimes by weekday and hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crimes by place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the grid and counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {} cells…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate an initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did an initiative (bicycle patrols, a burglary-prevention campaign…) started in some sectors change crime there more than elsewhere, and did crime move next door? Counts incidents before and after the start in the target sectors (T), in a buffer ring around them (B) and in a comparison area (C): every other sector not touching the ring, or only those of the target's districts.

Windows: before = [START − BEFORE_DAYS days, START), after = [START, START + AFTER_DAYS days), START at 00:00; both must lie within the days the incidents cover.
Rate ratio RR = (T_after / T_before) / (C_after / C_before): below 1 the target fell more than the comparison; 95 % interval exp(ln RR ± 1.96·√(1/T_a + 1/T_b + 1/C_a + 1/C_b)) and the p-value of ln RR against the normal distribution.
Weighted displacement quotient (Bowers &amp; Johnson 2003) WDQ = (B_a/C_a − B_b/C_b) / (T_a/C_a − T_b/C_b), read only when the target improved: above 0 crime fell in the ring too (diffusion of benefits), below 0 it moved there (displacement), below −1 more moved than the target gained. A count of zero leaves a figure empty and says why.

Parameters:
Sectors, Sector id field — the sectors (any CRS; counted in metres).
Target sector ids — comma-separated ids of the sectors of the initiative, or:
Target field — a yes/no field marking them (true/false, yes/no, ja/nej, 1/0).
Crime types (optional) — only these of the six types count; none chosen: every incident.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target sector ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffer ring width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business cards</source>
        <translation>Visitkort</translation>
    </message>
    <message>
        <source>Writes the sector officers' business cards as a print-ready PDF: 85 × 55 mm cards, ten to an A4 sheet (two columns of five, butted together) with crop marks in the margins at every cut line. Each card: 'Your local police officer', the officer's name, the sector, phone, e-mail, what to call in an emergency, and a QR code — the officer's contact as a vCard, or, with a web map address, the web map opened at the sector (address#sector-id). One card per sector with an officer_name, in sector id order; sectors without one are named in the log.

Only the public fields are read (sector_id, sector_name, district and the officer fields); the PDF holds nothing else.

Parameters:
Sectors — the sectors with sector_id and the officer fields (officer_name, officer_phone, officer_email). Any CRS.
Web map address (optional) — the address where the station publishes its web map (Export public web map), e.g. https://politi.example/sektorer.html.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Sektorer</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export handover report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the handover report of a sector workspace (made by Create sector workspace) as one PDF: a page per sector for the officer taking over the sector, from the workspace's layout '{HANDOVER_LAYOUT_NAME}'. Each page shows the sector on a map with its partners and events, its key figures and manning (population, crimes, factor and officers, when the sectors have those fields), the officer's contact details, the neighbouring sectors (also across district lines: the sectors' neighbours field, or the sectors sharing a boundary when there is none), the partners, the open challenges (log entries open or in progress) and the latest log entries, as saved in the workspace when the report is written. The report is internal. The scale bar and north arrow are below the map, clear of its labels.

Parameters:
Workspace project — the workspace.qgz written by Create sector workspace.
Sector id — the sector to report on; leave it empty for every sector (one page each, in the order of their ids).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>Overdragelsesrapport</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {} pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export public web map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes one self-contained HTML page where citizens find their sector and its responsible officer: the sector boundaries and names are drawn on a plain background; clicking a sector, choosing it from a list, or entering the coordinates (latitude, longitude) of an address shows the officer's name, phone (a tel: link) and e-mail (a mailto: link), and the emergency number. Texts in Danish and English (a button switches) or in one language; usable on a phone.

With an address layer the page searches addresses instead: one search box suggests streets and addresses after two letters, ignoring case, spacing and Danish letters (søndre allé = Sondre Alle = Soendre Alle), with house numbers such as 12B; a postcode lists the sectors it touches, a street without a number its sectors; Enter takes the first suggestion. The answer is the sector's officer card and the map zoomed to the sector with the address marked; an address in no sector says so and gives the emergency and general numbers. Coordinates typed into the box still work. The addresses are stored in the page in a compact form (street, house number, postcode, sector and a position to about a metre) and searched in the browser: nothing leaves the page.

The page needs no network: its script, style and data are inlined, and its Content-Security-Policy forbids any request, so it can be opened from a file, an intranet or any web server. No map tiles.

Only the public fields are written: sector_id, sector_name, district, officer_name, officer_phone, officer_email and the boundary (in longitude/latitude, 6 decimals). Every other field of the layer is ignored, whatever its name; missing officer fields show as 'Officer to be announced'. The same sectors give the same file.

Parameters:
Sectors — the sector polygons with sector_id (required, unique), sector_name, district and the officer fields (optional). Any CRS.
Title — the page title (default: 'Find your local police officer' in the page's languages).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors on the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses on the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses in no sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the web page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the addresses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector leaflets</source>
        <translation>Sektorfoldere</translation>
    </message>
    <message>
        <source>Writes a leaflet per sector for citizens, one A5 page each in one PDF: the sector on a map with its streets and neighbours, 'Your local police officer' with the officer's name, phone and e-mail, what the local police officer offers (an editable text), when to call the emergency number and when the general number, and the QR code of the business cards (the officer's vCard, or the web map opened at the sector). Only the public fields are read; the PDF holds nothing else.

Parameters:
Sectors — the sectors with sector_id, sector_name and the officer fields. Any CRS.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {} leaflets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sector maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes publication-ready sector maps from the print-layout templates in the plugin's styles folder: an overview page and, with Atlas, one page per sector after it. Texts are in Danish and English or in one of them (Language); north arrow, scale bar, date and sources on every page.

The overview lists every sector in a table, continued on further pages when the plan is long. On its map every sector is labelled: with its name and figures where they fit, else with its id or name, else with its number in the table (column 'Nr. / No.').

Internal maps (marked 'INTERNT · INTERNAL'): the overview shows the sectors coloured by manning factor with name, population and officers, the districts, the crime grid when given, a legend and a sector table; each sector page shows the sector with its grid cells and incidents, crimes by hour and weekday and by type (from Crime incidents), key figures (population, area, crimes, need, factor, officers) and the neighbouring sectors.

Public maps contain only sector_id, sector_name, district, officer_name, officer_phone, officer_email and the boundaries: an allow-list. No other field of the layer, no crime incidents and no grid ever reach a public page, and the files carry no metadata but the title. The overview lists every sector's officer with phone and e-mail; each sector page shows the sector and a contact card with the emergency number. A missing officer is shown as 'Officer to be announced'.

Parameters:
Sectors — the sector polygons with sector_id (required, unique), sector_name, district, the officer fields and, for internal maps, the fields of Compute sector manning. Any CRS; maps are drawn in the sectors' CRS when it is metric, else in its UTM zone.
The crime incidents are for internal maps only: drawn and counted on the sector pages; the period is printed on the pages (without one, the dates of the data).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting crime by sector, hour and type…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The city safety index: per area (the index areas, or the sectors), recorded crime and how safe citizens say they feel, to find where initiatives are needed and follow how they work.

Per area:
crimes_per_1000 = incidents × 1000 / population × 365.25 / period days (a yearly rate; incidents of the six crime types in the period; population by areal weighting as in Compute sector manning)
crime_index = 100 × crimes_per_1000 / the same rate over all areas together
unsafe_share = Σ weight of answers 1 or 2 / Σ weight of answers, on the 1–5 scale of 'How safe do you feel in your neighbourhood after dark?' (1 = very unsafe); missing answers, answers outside 1–5 and weights not above 0 are left out and counted in missing_answers
insecurity_index = 100 × unsafe_share / the same share over all respondents
safety_index = (crime weight × crime_index + survey weight × insecurity_index) / (crime weight + survey weight): 100 is the average of the areas, higher is less safe
rank: 1 = least safe (equal indices share a rank); needs_initiative: safety_index ≥ the threshold and respondents ≥ the minimum.
survey_status: ok; too few responses or no survey answers (fewer respondents than the minimum: the area gets no safety index, rank or initiative mark, never one on crime alone; its crime index is still given); no inhabitants (no rate).
With a previous survey: safety_index_prev (the same index over the previous period) and change = safety_index − safety_index_prev, in index points. Each period is measured against its own average, so the change shows how an area moved relative to the others.

Parameters:
Areas, Area id field — the index areas (any CRS; default field area_id). Features sharing an id count as one area; where areas overlap, the overlap counts in the first.
Population, Population field — polygons whose inhabitants are shared out by area, or points counted where they are (default field population).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum respondents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas needing an initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the areas and the population…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the survey…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the safety index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the areas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period {}: {} areas, {} need an initiative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split districts into sectors</source>
        <translation>Opdel distrikter i sektorer</translation>
    </message>
    <message>
        <source>Builds a sector plan from base units (street blocks, statistical areas or grid cells): each sector is one connected piece, as compact as possible, with a fair share of the district's workload. Sectors nest in districts (e.g. 9 + 5 + 5), follow railways, motorways and water where possible, and can stay close to today's plan.

Workload of a unit, in population equivalents: (wP·population + wC·crimes·P/C + wE·exposed population·P/E) / (wP + wC + wE), where P, C and E are the totals of population, crimes and population living in exposed housing areas; a term without data is left out. With no crimes and no exposed areas the workload is the population.

Parameters:
Base units — polygons that tile the area; every unit ends up in exactly one sector (with districts: every unit inside them).
Population field — inhabitants per unit (empty values count as 0 and are reported).
Districts (optional) — sectors are made inside each district; a unit belongs to the district holding its inner point (a point always inside the unit); a unit straddling districts goes to the one holding most of its area (listed in the log when another district holds 1% of it or more). Units whose inner point lies in no district are left out of the plan and reported: their number and population in the results, their feature ids in the log, themselves in the optional Units outside the districts layer.
District name field — names sectors ('North East 1') and ids ('NE-01').
Sectors per district field — how many sectors each district gets.
Target shares field (optional) — per district, one share per sector separated by commas ('1, 1, 1.5') for unequal sectors; empty means equal.
Number of sectors — used when no districts are given.
Crime incidents (optional) — points counted per unit for the workload.
Exposed housing areas (optional) — polygons; population inside them adds workload.
Population weight, Crime weight, Exposed areas weight — wP, wC, wE above.
Barriers (optional) — lines (railways, motorways, water): units on opposite sides are not neighbours unless a link is needed to keep a district connected (reported).
Existing sectors (optional) — today's plan: units keep their sector where balance allows; the share of population that keeps its sector is reported.
Tolerance (%) — allowed deviation of a sector's workload from its target. Units are indivisible, so a tolerance can be out of reach; the log then says how close it got.
Seed — the same input and seed give the same plan.
Assign units outside the districts to the nearest district (advanced, default off) — give each unit outside every district to the district it overlaps most, else the nearest one, instead of leaving it out (each is listed in the log).

Outputs: Sectors (dissolved polygons with sector_id, sector_name, district, population, crimes_total, workload, workload_dev_pct, area_km2, polsby_popper, reock, neighbours — adjacent sectors, also across district lines) and Units with sector (every input unit with all its fields plus sector_id; units left out are not in it) and, optionally, Units outside the districts (the units left out, with all their fields). Results give the largest deviation, the number of non-contiguous sectors (sectors drawn in more than one part, counted as Validate sectors counts them; each is named in the log with its cause, such as a unit that is itself in two parts or an island linked across water), the kept population share, the number and population of units left outside the districts (OUTSIDE_UNIT_COUNT, OUTSIDE_POPULATION) and the run time. Computation is in metres (geographic data is projected to its UTM zone); outputs keep the units' CRS, and every sector written is a valid polygon both there and in the UTM zone later steps compute in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerance (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign units outside the districts to the nearest district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units with sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units outside the districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the layers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splitting into sectors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly threat assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarterly threat assessment for the station management: per sector, per particularly exposed housing area and for the station, the incidents of a quarter against a comparison period, by crime type, whether the change is more than chance, gang-related incidents and the busiest places.

Per area: population (population polygons shared out by area, or points); incidents by type now (&lt;type&gt;_now) and before (&lt;type&gt;_before) and in all (incidents_now, incidents_before; other and unknown types count there only); change_pct = 100 × (now / days now − before / days before) / (before / days before), the change of the daily rate (empty when there were none before); p_value: the exact conditional test — given the n = now + before incidents of both periods, 'now' is binomial(n, p) with p = days now / (days now + days before) when the daily rate did not change; the two-sided p-value sums the probabilities of all counts no likelier than the one seen (as scipy.stats.binomtest); significant = p_value &lt; {SIGNIFICANCE_LEVEL:g}; gang_now, gang_before: gang-related incidents; busiest_cells: the {BUSIEST_CELLS} {DEFAULT_CELL_SIZE:g} m cells with most incidents in the quarter ('x, y: n', x and y the cell's lower-left corner in the working CRS's metres). An incident counts in the first sector (and the first exposed area) that holds it; the station row holds every incident in a sector.

Parameters:
Sectors, Sector id field — the sectors (any CRS; counted in metres).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threat assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter {}, compared with {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks a sector plan (generated or redrawn by hand) and writes one feature per problem, with error_type, sector_ids (comma-separated, sorted), area_m2, a short message and the problem's geometry. A clean plan gives an empty layer.

Error types:
• gap — area inside the district that no sector covers (without a district: a hole enclosed by sectors); one feature per piece, sector_ids are the sectors next to it
• overlap — area covered by two sectors; one feature per pair of sectors (sharing an edge is no overlap)
• outside — the part of a sector outside every district polygon (needs a district)
• noncontiguous — a sector made of several parts: its largest part is its main body and every other part is one feature
• sliver — a sector smaller than the minimum area, or a part of a sector smaller than it (needs a minimum area)
• undermanned — when SECTORS has an officers_allocated field (as written by Compute sector manning): officers_allocated below officers_required (when that field exists) or below the minimum officers per sector, whichever is larger; an empty officers_allocated counts as 0
Thin gaps and overlaps are still gaps and overlaps. Pieces of gap, overlap, outside part or extra part of at most {MIN_REPORTED_AREA_M2:g} m², or {MIN_REPORTED_AREA_SHARE:g} of the sector's area (the larger sector's for an overlap, the plan's for a gap) when that is larger, are floating-point noise and are not reported — the same tolerance as in every YPO algorithm, which all name an overlap by the same pair of sectors, in natural id order. Features sharing a sector id are checked as one sector; invalid geometries are repaired and reported in the log.

Any CRS: areas are computed in the sectors' CRS when it is metric, else in the UTM zone of the sectors; the errors are written in the sectors' CRS.

Parameters:
Sectors — the sector polygons.
Sector id field — the sector's id (default sector_id).
District (optional) — the district polygons the sectors should fill exactly: finds gaps against them and parts outside them. Without it, only holes enclosed by sectors are gaps.
Minimum sector area (optional) — in m²; sectors or sector parts smaller than it are slivers. Empty: no sliver check.
Minimum officers per sector (advanced) — default {MIN_OFFICERS}, used by the under-manning check.
Fail on errors — when checked and any error is found, the algorithm fails with the counts per type (after writing the errors), so a model stops there.
Validation errors — the errors layer, loaded styled by error type.

Results: GAPS, OVERLAPS, OUTSIDE, NONCONTIGUOUS, SLIVERS, UNDERMANNED (counts of features of each type), NONCONTIGUOUS_SECTORS (sectors drawn in more than one part, counted as the split counts them) and ERRORS_TOTAL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrikt</translation>
    </message>
    <message>
        <source>Minimum sector area (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail on errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors in more than one part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the sectors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {} errors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} errors: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors: the sector plan is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors have no {} field: under-manning is not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the district…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read {} incidents ({} reader).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRIMES: {} multi-part incidents are counted at one of their points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime type field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime type mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of day field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place (scene) field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} crime incidents have no location and are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Distrikter</translation>
    </message>
    <message>
        <source>Target shares field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District {}: &apos;{}&apos; holds {}, not a whole number of sectors of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{}: the field &apos;{}&apos; of &apos;{}&apos; is not numeric; choose a field holding numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison period start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison period end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Particularly exposed housing areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crime type weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed area weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Befolkning</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No POPULATION layer: every sector has population 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web map address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector id field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing in {} (the sectors&apos; CRS {} is not metric).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum officers per sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff to allocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Districts with staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District staff field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>Gader</translation>
    </message>
    <message>
        <source>Street name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the streets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area id field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey area field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gang field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed area name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors {} were repaired to be valid in {} and in {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units&apos; own &apos;sector_id&apos; field is replaced by the new plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sector maps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Kilder</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>of</source>
        <translation>af</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>sectors</source>
        <translation>sektorer</translation>
    </message>
    <message>
        <source>officers</source>
        <translation>betjente</translation>
    </message>
    <message>
        <source>INTERNAL</source>
        <translation>INTERNT</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>continued</source>
        <translation>fortsat</translation>
    </message>
    <message>
        <source>without a time of day</source>
        <translation>uden klokkeslæt</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Your Police Officer – sectors and officers</source>
        <translation>Nærpoliti – sektorer og betjente</translation>
    </message>
    <message>
        <source>Sector overview</source>
        <translation>Sektoroversigt</translation>
    </message>
    <message>
        <source>police sector division</source>
        <translation>Politiets sektorinddeling</translation>
    </message>
    <message>
        <source>Find your local police officer</source>
        <translation>Find din nærpolitibetjent</translation>
    </message>
    <message>
        <source>In an emergency call {emergency}.</source>
        <translation>Ved akut behov ring {emergency}.</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Betjent</translation>
    </message>
    <message>
        <source>Your local police officer</source>
        <translation>Din nærpolitibetjent</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Phone</source>
        <comment>abbreviation</comment>
        <translation>Tlf.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Officer to be announced</source>
        <translation>Betjent følger</translation>
    </message>
    <message>
        <source>To be announced</source>
        <translation>Betjent følger</translation>
    </message>
    <message>
        <source>Neighbouring sectors</source>
        <translation>Nabosektorer</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <source>Pop.</source>
        <translation>Indb.</translation>
    </message>
    <message>
        <source>pop.</source>
        <translation>indb.</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Areal</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>Areal</translation>
    </message>
    <message>
        <source>Crimes</source>
        <translation>Forbrydelser</translation>
    </message>
    <message>
        <source>per 1,000</source>
        <translation>pr. 1.000 indb.</translation>
    </message>
    <message>
        <source>Crimes per 1,000</source>
        <translation>Forbrydelser pr. 1.000</translation>
    </message>
    <message>
        <source>Exposed share</source>
        <translation>Andel i udsatte områder</translation>
    </message>
    <message>
        <source>Need score</source>
        <translation>Behov</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Betjente</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>Betj.</translation>
    </message>
    <message>
        <source>officers</source>
        <comment>abbreviation</comment>
        <translation>betj.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>krav</translation>
    </message>
    <message>
        <source>Officers required</source>
        <translation>Betjente krævet</translation>
    </message>
    <message>
        <source>Officers allocated</source>
        <translation>Betjente tildelt</translation>
    </message>
    <message>
        <source>Factor {factor} – high need (1 per {per})</source>
        <translation>Faktor {factor} – højt behov (1 pr. {per})</translation>
    </message>
    <message>
        <source>Factor {factor} (1 per {per})</source>
        <translation>Faktor {factor} (1 pr. {per})</translation>
    </message>
    <message>
        <source>Factor {factor} – low need (1 per {per})</source>
        <translation>Faktor {factor} – lavt behov (1 pr. {per})</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Hændelser</translation>
    </message>
    <message>
        <source>Crimes per grid cell</source>
        <translation>Forbrydelser pr. celle</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>hændelser</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>net</translation>
    </message>
    <message>
        <source>more than {count}</source>
        <translation>mere end {count}</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Vold</translation>
    </message>
    <message>
        <source>Burglary</source>
        <translation>Indbrud</translation>
    </message>
    <message>
        <source>Theft</source>
        <translation>Tyveri</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>Narkotika</translation>
    </message>
    <message>
        <source>Vandalism</source>
        <translation>Hærværk</translation>
    </message>
    <message>
        <source>Harassment</source>
        <translation>Chikane</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anden</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>man</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>tir</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>lør</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>søn</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Crimes by hour and weekday</source>
        <translation>Forbrydelser efter time og ugedag</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>Efter type</translation>
    </message>
    <message>
        <source>Click your sector, choose it from the list or enter coordinates.</source>
        <translation>Klik på din sektor, vælg den på listen eller skriv koordinater.</translation>
    </message>
    <message>
        <source>Choose a sector</source>
        <translation>Vælg sektor</translation>
    </message>
    <message>
        <source>– Choose a sector –</source>
        <translation>– Vælg sektor –</translation>
    </message>
    <message>
        <source>Coordinates of the address (latitude, longitude)</source>
        <translation>Adressens koordinater (bredde, længde)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Use my location</source>
        <translation>Brug min position</translation>
    </message>
    <message>
        <source>The point is in no sector.</source>
        <translation>Punktet ligger ikke i nogen sektor.</translation>
    </message>
    <message>
        <source>Enter latitude and longitude, e.g. {example}.</source>
        <translation>Skriv bredde og længde, fx {example}.</translation>
    </message>
    <message>
        <source>Your location could not be found.</source>
        <translation>Din position kunne ikke findes.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Type the street and house number or the postcode, e.g. {address}.</source>
        <translation>Skriv vej og husnummer eller postnummer, fx {address}.</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>No address matches the search.</source>
        <translation>Ingen adresse passer til søgningen.</translation>
    </message>
    <message>
        <source>The address is in none of the station&apos;s sectors. In an emergency call {emergency}; otherwise call the police on {general}.</source>
        <translation>Adressen ligger ikke i nogen af stationens sektorer. Ved akut behov ring {emergency}; ellers ring til politiet på {general}.</translation>
    </message>
    <message>
        <source>Sectors in {place}:</source>
        <translation>Sektorer i {place}:</translation>
    </message>
    <message>
        <source>Show the whole area</source>
        <translation>Vis hele området</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Politiet</translation>
    </message>
    <message>
        <source>Your local police officer knows the area and works in it every week. Get in touch with questions, worries about something in the area or an idea for making it a safe place to live. The officer works with the sector&apos;s schools, clubs, housing associations and shops.</source>
        <translation>Din nærpolitibetjent kender området og arbejder i det hver uge. Kontakt betjenten, hvis du har spørgsmål, er bekymret for noget i området eller har en idé til at gøre det trygt at bo her. Betjenten samarbejder med skoler, foreninger, boligselskaber og forretninger i sektoren.</translation>
    </message>
    <message>
        <source>Call {emergency} when life, health or property is in danger right now. Otherwise call {general}.</source>
        <translation>Ring {emergency}, når der er fare for liv, helbred eller ejendom lige nu. Ellers ring {general}.</translation>
    </message>
    <message>
        <source>Sector handover</source>
        <translation>Sektoroverdragelse</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>udskrevet</translation>
    </message>
    <message>
        <source>Key figures and manning</source>
        <translation>Nøgletal og bemanding</translation>
    </message>
    <message>
        <source>no key figures: run Compute sector manning on the sectors</source>
        <translation>ingen nøgletal: kør Compute sector manning på sektorerne</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Open challenges</source>
        <translation>Åbne udfordringer</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>Udfordring</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latest log entries</source>
        <translation>Seneste logindførsler</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>The sector</source>
        <translation>Sektoren</translation>
    </message>
    <message>
        <source>Other sectors</source>
        <translation>Andre sektorer</translation>
    </message>
    <message>
        <source>The sector log, partners and events are internal and never published.</source>
        <translation>Sektorloggen, partnere og arrangementer er interne og offentliggøres aldrig</translation>
    </message>
    <message>
        <source>Unge i risikogruppen / Young people at risk</source>
        <translation>Unge i risikogruppen</translation>
    </message>
    <message>
        <source>Beboere i udsatte boligområder / Residents of exposed housing areas</source>
        <translation>Beboere i udsatte boligområder</translation>
    </message>
    <message>
        <source>Erhvervsdrivende / Business owners</source>
        <translation>Erhvervsdrivende</translation>
    </message>
    <message>
        <source>Skoler og institutioner / Schools and institutions</source>
        <translation>Skoler og institutioner</translation>
    </message>
    <message>
        <source>Ældre / The elderly</source>
        <translation>Ældre</translation>
    </message>
    <message>
        <source>Nattelivets gæster / Nightlife guests</source>
        <translation>Nattelivets gæster</translation>
    </message>
    <message>
        <source>Borgere i øvrigt / Residents in general</source>
        <translation>Borgere i øvrigt</translation>
    </message>
    <message>
        <source>Åben / Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>I gang / In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <source>Afsluttet / Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Boligselskab / Housing association</source>
        <translation>Boligselskab</translation>
    </message>
    <message>
        <source>Klub eller forening / Club</source>
        <translation>Klub eller forening</translation>
    </message>
    <message>
        <source>Erhvervsdrivende / Tradesperson</source>
        <translation>Erhvervsdrivende</translation>
    </message>
    <message>
        <source>Skole / School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Andet / Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Sektor / Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Sektorlog / Sector log</source>
        <translation>Sektorlog</translation>
    </message>
    <message>
        <source>Dato / Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Skrevet af / Author</source>
        <translation>Skrevet af</translation>
    </message>
    <message>
        <source>Målgruppe / Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>Interessent / Party of interest</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Udfordring / Challenge</source>
        <translation>Udfordring</translation>
    </message>
    <message>
        <source>Handling / Action taken</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Opfølgning / Follow-up date</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Samarbejdspartnere / Partners</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>Navn / Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Type / Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kontakt / Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Arrangementer / Events</source>
        <translation>Arrangementer</translation>
    </message>
    <message>
        <source>Titel / Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Noter / Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Målgrupper / Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <source>Kode / Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Sector statistics</source>
        <translation>Sektorstatistik</translation>
    </message>
    <message>
        <source>Show live statistics of the sectors while you edit them</source>
        <translation>Vis sektorernes statistik løbende, mens du redigerer dem</translation>
    </message>
    <message>
        <source>Move base units to sector</source>
        <translation>Flyt grundenheder til sektor</translation>
    </message>
    <message>
        <source>Click a base unit, or drag a rectangle over units, to move them to the target sector chosen in the Sector statistics dock (one undo step per move)</source>
        <translation>Klik på en grundenhed, eller træk et rektangel hen over grundenheder, for at flytte dem til den målsektor, der er valgt i panelet Sektorstatistik (ét fortrydelsestrin pr. flytning)</translation>
    </message>
    <message>
        <source>Choose the base units layer first.</source>
        <translation>Vælg først laget med grundenheder.</translation>
    </message>
    <message>
        <source>No base unit there.</source>
        <translation>Der er ingen grundenhed her.</translation>
    </message>
    <message>
        <source>These units are in the target sector already.</source>
        <translation>Disse grundenheder ligger allerede i målsektoren.</translation>
    </message>
    <message>
        <source>Workload dev. %</source>
        <translation>Afv. arbejdsbyrde %</translation>
    </message>
    <message>
        <source>Officers req.</source>
        <translation>Betjente, behov</translation>
    </message>
    <message>
        <source>Officers alloc.</source>
        <translation>Betjente, tildelt</translation>
    </message>
    <message>
        <source>Polsby-Popper</source>
        <translation>Polsby-Popper</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>gap</source>
        <comment>sector problem</comment>
        <translation>hul</translation>
    </message>
    <message>
        <source>overlap</source>
        <comment>sector problem</comment>
        <translation>overlap</translation>
    </message>
    <message>
        <source>outside</source>
        <comment>sector problem</comment>
        <translation>udenfor</translation>
    </message>
    <message>
        <source>noncontiguous</source>
        <comment>sector problem</comment>
        <translation>ikke-sammenhængende</translation>
    </message>
    <message>
        <source>sliver</source>
        <comment>sector problem</comment>
        <translation>splint</translation>
    </message>
    <message>
        <source>undermanned</source>
        <comment>sector problem</comment>
        <translation>underbemandet</translation>
    </message>
    <message>
        <source>invalid</source>
        <comment>sector problem</comment>
        <translation>ugyldig</translation>
    </message>
    <message>
        <source>empty</source>
        <comment>sector problem</comment>
        <translation>tom</translation>
    </message>
    <message>
        <source>no id</source>
        <comment>sector problem</comment>
        <translation>intet id</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <comment>sector problem</comment>
        <translation>dobbelt id</translation>
    </message>
    <message>
        <source>workload</source>
        <comment>sector problem</comment>
        <translation>arbejdsbyrde</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Incident date field: crime rates are per year over its span.</source>
        <translation>Felt med hændelsesdato: kriminaliteten regnes pr. år over den periode, datoerne dækker.</translation>
    </message>
    <message>
        <source>default types; add e.g. BATTERY=violence; ASSAULT=violence</source>
        <translation>standardtyper; tilføj f.eks. BATTERY=violence; ASSAULT=violence</translation>
    </message>
    <message>
        <source>Crime type map</source>
        <translation>Tilknytning af kriminalitetstyper</translation>
    </message>
    <message>
        <source>Exposed areas</source>
        <translation>Udsatte boligområder</translation>
    </message>
    <message>
        <source>Allowed workload deviation from the mean</source>
        <translation>Tilladt afvigelse i arbejdsbyrde fra gennemsnittet</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolerance</translation>
    </message>
    <message>
        <source>Move base units</source>
        <translation>Flyt grundenheder</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Grundenheder</translation>
    </message>
    <message>
        <source>The sector that clicked or dragged-over units move to</source>
        <translation>Den sektor, som grundenheder, du klikker på eller trækker hen over, flyttes til</translation>
    </message>
    <message>
        <source>Paint units</source>
        <translation>Mal grundenheder</translation>
    </message>
    <message>
        <source>Target sector</source>
        <translation>Målsektor</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Choose the sectors layer and its id field.</source>
        <translation>Vælg sektorlaget og dets id-felt.</translation>
    </message>
    <message>
        <source>{count} sectors, updated in {elapsed:.0f} ms.</source>
        <translation>{count} sektorer, opdateret på {elapsed:.0f} ms.</translation>
    </message>
    <message>
        <source>Population outside every sector: {population:,.0f}.</source>
        <translation>Befolkning uden for alle sektorer: {population:,.0f}.</translation>
    </message>
    <message>
        <source>Incidents outside every sector: {count:,}.</source>
        <translation>Hændelser uden for alle sektorer: {count:,}.</translation>
    </message>
    <message>
        <source>Choose the target sector first.</source>
        <translation>Vælg først målsektoren.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; is not in the layer &apos;{layer}&apos;.</source>
        <translation>Sektoren '{sector}' findes ikke i laget '{layer}'.</translation>
    </message>
    <message>
        <source>The layer &apos;{layer}&apos; cannot be edited.</source>
        <translation>Laget '{layer}' kan ikke redigeres.</translation>
    </message>
    <message>
        <source>Move 1 unit to sector {sector}</source>
        <translation>Flyt 1 grundenhed til sektor {sector}</translation>
    </message>
    <message>
        <source>Move {count} units to sector {sector}</source>
        <translation>Flyt {count} grundenheder til sektor {sector}</translation>
    </message>
    <message>
        <source>The units layer &apos;{layer}&apos; has no sector field &apos;{field}&apos;.</source>
        <translation>Grundenhedslaget '{layer}' har intet sektorfelt '{field}'.</translation>
    </message>
    <message>
        <source>Choose the sectors layer first.</source>
        <translation>Vælg først sektorlaget.</translation>
    </message>
    <message>
        <source>The sectors layer &apos;{layer}&apos; has no id field &apos;{field}&apos;.</source>
        <translation>Sektorlaget '{layer}' har intet id-felt '{field}'.</translation>
    </message>
    <message>
        <source>The units layer and the sectors layer must be two different layers.</source>
        <translation>Grundenhedslaget og sektorlaget skal være to forskellige lag.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; is not a number, but the units&apos; sector field is.</source>
        <translation>Sektoren '{sector}' er ikke et tal, men grundenhedernes sektorfelt er et talfelt.</translation>
    </message>
    <message>
        <source>Sektorer / Sectors</source>
        <translation>Sektorer</translation>
    </message>
    <message>
        <source>. Check that OUTPUT_FOLDER is writable and has free space.</source>
        <translation>. Kontrollér, at der kan skrives i OUTPUT_FOLDER, og at der er ledig plads.</translation>
    </message>
    <message>
        <source>table &apos;{table}&apos; in {path}</source>
        <translation>tabellen '{table}' i {path}</translation>
    </message>
    <message>
        <source>Sektor-id / Sector id</source>
        <translation>Sektor-id</translation>
    </message>
    <message>
        <source>Sektornavn / Sector name</source>
        <translation>Sektornavn</translation>
    </message>
    <message>
        <source>Distrikt / District</source>
        <translation>Distrikt</translation>
    </message>
    <message>
        <source>Betjent / Officer</source>
        <translation>Betjent</translation>
    </message>
    <message>
        <source>Telefon / Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>The table &apos;{table}&apos; of {path} could not be opened; run the algorithm again.</source>
        <translation>Tabellen '{table}' i {path} kunne ikke åbnes; kør algoritmen igen.</translation>
    </message>
    <message>
        <source>The sector style could not be loaded ({message}); reinstall the plugin.</source>
        <translation>Sektorstilen kunne ikke indlæses ({message}); geninstallér pluginet.</translation>
    </message>
    <message>
        <source>Forms and symbols of the YPO sector workspace</source>
        <translation>Formularer og symboler i YPO-sektorarbejdsområdet</translation>
    </message>
    <message>
        <source>Could not save the style of &apos;{layer}&apos;: {error}</source>
        <translation>Stilen for '{layer}' kunne ikke gemmes: {error}</translation>
    </message>
    <message>
        <source>The relation &apos;{relation}&apos; is not valid; run the algorithm again.</source>
        <translation>Relationen '{relation}' er ugyldig; kør algoritmen igen.</translation>
    </message>
    <message>
        <source>Could not write the project {path}: {error}</source>
        <translation>Projektet {path} kunne ikke skrives: {error}</translation>
    </message>
</context>
</TS>
