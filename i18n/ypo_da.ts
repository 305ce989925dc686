<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
Glossary: one Danish term for each term of the model, in the user interface and on printed maps alike.
  sector = sektor; district = distrikt; station = station (politistation); base unit = grundenhed;
  Your Police Officer, local police officer = nærpolitibetjent; officer = betjent; manning = bemanding;
  workload = arbejdsbyrde; population = befolkning; inhabitants = indbyggere (indb.);
  exposed housing area = udsat boligområde; crimes = forbrydelser; incidents = hændelser;
  crime type = kriminalitetstype; grid cell = gittercelle; barrier = barriere; deviation = afvigelse;
  contiguous = sammenhængende; sector log = sektorlog; partner = samarbejdspartner; event = arrangement;
  handover report = overdragelsesrapport; safety index = tryghedsindeks; survey = tryghedsundersøgelse;
  threat assessment = trusselsvurdering; initiative = indsats; displacement = forskydning;
  gang-related = banderelateret; quarter = kvartal; leaflet = folder; business card = visitkort;
  web map = webkort; emergency number = alarmnummer; layer = lag; field = felt; feature = objekt.
Placeholders in braces ({sector}, {count:,}) stay as they are; line breaks are kept.
-->
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <source>Sector planning</source>
        <translation>Sektorplanlægning</translation>
    </message>
    <message>
        <source>Compute sector manning</source>
        <translation>Beregn sektorbemanding</translation>
    </message>
    <message>
        <source>Factor override field</source>
        <translation>Felt til at tilsidesætte faktoren</translation>
    </message>
    <message>
        <source>Sector manning</source>
        <translation>Sektorbemanding</translation>
    </message>
    <message>
        <source>Summary (HTML)</source>
        <translation>Oversigt (HTML)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-filer (*.html)</translation>
    </message>
    <message>
        <source>Reading the sectors…</source>
        <translation>Læser sektorerne…</translation>
    </message>
    <message>
        <source>Reading the population…</source>
        <translation>Læser befolkningen…</translation>
    </message>
    <message>
        <source>Reading the crime incidents…</source>
        <translation>Læser kriminalitetshændelserne…</translation>
    </message>
    <message>
        <source>Computing the manning…</source>
        <translation>Beregner bemandingen…</translation>
    </message>
    <message>
        <source>Writing the sectors…</source>
        <translation>Skriver sektorerne…</translation>
    </message>
    <message>
        <source>Create sample district</source>
        <translation>Opret eksempeldistrikt</translation>
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
        <translation>Skriver et realistisk eksempel på en politistations område til én GeoPackage (EPSG:25832), så de andre værktøjer kan afprøves uden egne data. Det er løst modelleret efter Københavns Politis station Bellahøj.

Lag, der skrives:
• districts — lokalpolitidistrikterne North East, North West og Frederiksberg med sector_count (9, 5, 5) og staff (18, 12, 12)
• units — karréer med unit_id, district, land_use og population (380.000 indbyggere som standard; parker og industri har ingen); de dækker hvert distrikt uden huller eller overlap
• crimes — et års hændelser (1. oktober 2025 til 30. september 2026 med årstiderne: vold topper om sommeren, indbrud om vinteren) med crime_type (violence, burglary, theft, drugs, vandalism, harassment), occurred (dato og klokkeslæt), place og gang_related (true for ca. 3 %, de fleste i og nær de udsatte områder)
• exposed_areas — særligt udsatte boligområder, hvor kriminaliteten koncentreres
• barriers — en jernbane, en motorvej og et vandløb, der krydser området
• special_places — stationer, nattelivsgader, et stadion, indkøbscentre
• streets — navngivne gader (danske navne) langs karréerne med kind main eller local
• addresses — adressepunkter på karréernes gadefacader, ca. ét pr. 20 indbyggere, med street, house_number (ulige til venstre, lige til højre, 12A ved siden af 12), postcode, city og unit_id
• index_areas — 35 områder af hele karréer til byens tryghedsindeks (area_id SI-01 …); initiative er true for de to områder, hvor en indsats startede den 1. april 2026: fra den dag blev ca. en tredjedel af deres kriminalitet forebygget, og en del af den blev forskudt til de 500 m omkring dem (prøv Evaluer en indsats med TARGET_FIELD=initiative)
• survey — ca. 8.000 respondenter (punkter ved hjemmet) med svar 1–5 på &quot;Hvor tryg føler du dig i dit nabolag, når det er mørkt?&quot; (1 = meget utryg; ca. 2 % tomme), der føler sig mindre trygge, hvor der er mere kriminalitet og i udsatte områder, og en vægt i undersøgelsen

Parametre:
Startværdi (seed) — samme startværdi giver altid den samme fil, byte for byte; en anden startværdi giver en anden by.
Antal grundenheder (avanceret) — omtrent hvor mange karréer der skal tegnes.
Samlet befolkning (avanceret) — indbyggere i alle karréer tilsammen, præcist.
Eksempeldistrikt — den GeoPackage, der skal skrives. Hvert lag gives også som output til brug i modeller og indlæses med stil, når algoritmen køres fra QGIS.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startværdi (seed)</translation>
    </message>
    <message>
        <source>Number of base units</source>
        <translation>Antal grundenheder</translation>
    </message>
    <message>
        <source>Total population</source>
        <translation>Samlet befolkning</translation>
    </message>
    <message>
        <source>Sample district</source>
        <translation>Eksempeldistrikt</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg *.GPKG)</source>
        <translation>GeoPackage (*.gpkg *.GPKG)</translation>
    </message>
    <message>
        <source>Drawing the sample station area…</source>
        <translation>Tegner eksemplets stationsområde…</translation>
    </message>
    <message>
        <source>Create sector workspace</source>
        <translation>Opret sektorarbejdsområde</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Outputmappe</translation>
    </message>
    <message>
        <source>Replace an existing workspace</source>
        <translation>Erstat et eksisterende arbejdsområde</translation>
    </message>
    <message>
        <source>Workspace GeoPackage</source>
        <translation>Arbejdsområdets GeoPackage</translation>
    </message>
    <message>
        <source>Workspace project</source>
        <translation>Arbejdsområdeprojekt</translation>
    </message>
    <message>
        <source>Number of sectors</source>
        <translation>Antal sektorer</translation>
    </message>
    <message>
        <source>Writing the log, partner, event and target group tables…</source>
        <translation>Skriver tabellerne med log, samarbejdspartnere, arrangementer og målgrupper…</translation>
    </message>
    <message>
        <source>Setting up the forms…</source>
        <translation>Opsætter formularerne…</translation>
    </message>
    <message>
        <source>Writing the project…</source>
        <translation>Skriver projektet…</translation>
    </message>
    <message>
        <source>Crime grid</source>
        <translation>Kriminalitetsgitter</translation>
    </message>
    <message>
        <source>Crimes by weekday and hour</source>
        <translation>Kriminalitet pr. ugedag og time</translation>
    </message>
    <message>
        <source>Crimes by place</source>
        <translation>Kriminalitet pr. gerningssted</translation>
    </message>
    <message>
        <source>Chart folder</source>
        <translation>Mappe til diagrammer</translation>
    </message>
    <message>
        <source>Building the grid and counting…</source>
        <translation>Bygger gitteret og tæller…</translation>
    </message>
    <message>
        <source>Writing the tables…</source>
        <translation>Skriver tabellerne…</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Tegner diagrammerne…</translation>
    </message>
    <message>
        <source>Evaluate an initiative</source>
        <translation>Evaluer en indsats</translation>
    </message>
    <message>
        <source>Target sector ids</source>
        <translation>Id'er for målsektorer</translation>
    </message>
    <message>
        <source>Target field</source>
        <translation>Målfelt</translation>
    </message>
    <message>
        <source>Crime types</source>
        <translation>Kriminalitetstyper</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Buffer ring width</source>
        <translation>Bufferringens bredde</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Sammenligning</translation>
    </message>
    <message>
        <source>District field</source>
        <translation>Distriktsfelt</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Fortolkning</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Skriver rapporten…</translation>
    </message>
    <message>
        <source>Business cards</source>
        <translation>Visitkort</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Sektorer</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Antal visitkort</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>Export handover report</source>
        <translation>Eksportér overdragelsesrapport</translation>
    </message>
    <message>
        <source>Sector id</source>
        <translation>Sektor-id</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>Overdragelsesrapport</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Antal sider</translation>
    </message>
    <message>
        <source>Reading the workspace…</source>
        <translation>Læser arbejdsområdet…</translation>
    </message>
    <message>
        <source>Export public web map</source>
        <translation>Eksportér offentligt webkort</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresser</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webside</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML-filer (*.html *.htm)</translation>
    </message>
    <message>
        <source>Sectors on the page</source>
        <translation>Sektorer på siden</translation>
    </message>
    <message>
        <source>Addresses on the page</source>
        <translation>Adresser på siden</translation>
    </message>
    <message>
        <source>Addresses in no sector</source>
        <translation>Adresser uden for sektorerne</translation>
    </message>
    <message>
        <source>Writing the web page…</source>
        <translation>Skriver websiden…</translation>
    </message>
    <message>
        <source>Reading the addresses…</source>
        <translation>Læser adresserne…</translation>
    </message>
    <message>
        <source>Sector leaflets</source>
        <translation>Sektorfoldere</translation>
    </message>
    <message>
        <source>Offer text</source>
        <translation>Tilbudstekst</translation>
    </message>
    <message>
        <source>Export sector maps</source>
        <translation>Eksportér sektorkort</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>Atlas</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papir</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Skrevne filer</translation>
    </message>
    <message>
        <source>Number of files</source>
        <translation>Antal filer</translation>
    </message>
    <message>
        <source>Counting crime by sector, hour and type…</source>
        <translation>Tæller kriminalitet pr. sektor, time og type…</translation>
    </message>
    <message>
        <source>Safety index</source>
        <translation>Tryghedsindeks</translation>
    </message>
    <message>
        <source>Minimum respondents</source>
        <translation>Mindste antal respondenter</translation>
    </message>
    <message>
        <source>Period counted</source>
        <translation>Optalt periode</translation>
    </message>
    <message>
        <source>Areas needing an initiative</source>
        <translation>Områder, der har brug for en indsats</translation>
    </message>
    <message>
        <source>Reading the areas and the population…</source>
        <translation>Læser områderne og befolkningen…</translation>
    </message>
    <message>
        <source>Reading the survey…</source>
        <translation>Læser tryghedsundersøgelsen…</translation>
    </message>
    <message>
        <source>Computing the safety index…</source>
        <translation>Beregner tryghedsindekset…</translation>
    </message>
    <message>
        <source>Writing the areas…</source>
        <translation>Skriver områderne…</translation>
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
        <translation>Bygger en sektorplan af grundenheder (karréer, statistiske områder eller gitterceller): hver sektor er ét sammenhængende stykke, så kompakt som muligt, med en rimelig andel af distriktets arbejdsbyrde. Sektorerne ligger inden for distrikterne (f.eks. 9 + 5 + 5), følger jernbaner, motorveje og vand, hvor det er muligt, og kan holde sig tæt på den nuværende plan.

En grundenheds arbejdsbyrde i befolkningsækvivalenter: (wP·befolkning + wC·kriminalitet·P/C + wE·befolkning i udsatte områder·P/E) / (wP + wC + wE), hvor P, C og E er de samlede tal for befolkning, kriminalitet og befolkning bosat i udsatte boligområder; et led uden data udelades. Uden kriminalitet og uden udsatte områder er arbejdsbyrden lig med befolkningen.

Parametre:
Grundenheder — polygoner, der dækker området uden huller og overlap; hver grundenhed ender i præcis én sektor (med distrikter: hver grundenhed inden for dem).
Befolkningsfelt — indbyggere pr. grundenhed (tomme værdier tæller som 0 og rapporteres).
Distrikter (valgfri) — sektorerne dannes inden for hvert distrikt; en grundenhed hører til det distrikt, der indeholder dens indre punkt (et punkt, der altid ligger inden for grundenheden); en grundenhed, der krydser distriktsgrænser, går til det distrikt, der rummer størstedelen af dens areal (den nævnes i loggen, når et andet distrikt rummer 1 % af den eller mere). Grundenheder, hvis indre punkt ikke ligger i noget distrikt, udelades af planen og rapporteres: deres antal og befolkning i resultaterne, deres objekt-id'er i loggen og selve grundenhederne i det valgfri lag Grundenheder uden for distrikterne.
Distriktsnavnefelt — navngiver sektorer ('North East 1') og id'er ('NE-01').
Felt for sektorer pr. distrikt — hvor mange sektorer hvert distrikt får.
Felt for målandele (valgfri) — pr. distrikt én andel pr. sektor adskilt af kommaer ('1, 1, 1.5') til ulige store sektorer; tomt betyder lige store.
Antal sektorer — bruges, når der ikke er angivet distrikter.
Kriminalitetshændelser (valgfri) — punkter, der tælles pr. grundenhed til arbejdsbyrden.
Udsatte boligområder (valgfri) — polygoner; befolkningen inden for dem øger arbejdsbyrden.
Vægt for befolkning, Vægt for kriminalitet, Vægt for udsatte områder — wP, wC og wE ovenfor.
Barrierer (valgfri) — linjer (jernbaner, motorveje, vand): grundenheder på hver sin side er ikke naboer, medmindre en forbindelse er nødvendig for at holde et distrikt sammenhængende (rapporteres).
Eksisterende sektorer (valgfri) — den nuværende plan: grundenheder beholder deres sektor, hvor balancen tillader det; andelen af befolkningen, der beholder sin sektor, rapporteres.
Tolerance (%) — tilladt afvigelse i en sektors arbejdsbyrde fra dens mål. Grundenheder kan ikke deles, så en tolerance kan være uden for rækkevidde; loggen siger så, hvor tæt opdelingen kom.
Startværdi (seed) — samme input og samme startværdi giver samme plan.
Tildel grundenheder uden for distrikterne til nærmeste distrikt (avanceret, standard fra) — giv hver grundenhed uden for alle distrikter til det distrikt, den overlapper mest, ellers til det nærmeste, i stedet for at udelade den (hver enkelt nævnes i loggen).

Output: Sektorer (sammensmeltede polygoner med sector_id, sector_name, district, population, crimes_total, workload, workload_dev_pct, area_km2, polsby_popper, reock, neighbours — tilstødende sektorer, også på tværs af distriktsgrænser) og Grundenheder med sektor (hver grundenhed fra input med alle dens felter plus sector_id; udeladte grundenheder er ikke med) og, valgfrit, Grundenheder uden for distrikterne (de udeladte grundenheder med alle deres felter). Resultaterne angiver den største afvigelse, antallet af ikke-sammenhængende sektorer (sektorer tegnet i mere end én del, talt på samme måde som Valider sektorer tæller dem; hver enkelt nævnes i loggen med sin årsag, f.eks. en grundenhed, der selv består af to dele, eller en ø forbundet over vand), andelen af befolkningen, der beholder sin sektor, antallet af og befolkningen i grundenheder uden for distrikterne (OUTSIDE_UNIT_COUNT, OUTSIDE_POPULATION) og køretiden. Der regnes i meter (geografiske data projiceres til deres UTM-zone); output beholder grundenhedernes koordinatsystem (CRS), og hver skrevet sektor er en gyldig polygon både dér og i den UTM-zone, som senere trin regner i.</translation>
    </message>
    <message>
        <source>Tolerance (%)</source>
        <translation>Tolerance (%)</translation>
    </message>
    <message>
        <source>Assign units outside the districts to the nearest district</source>
        <translation>Tildel grundenheder uden for distrikterne til nærmeste distrikt</translation>
    </message>
    <message>
        <source>Units with sector</source>
        <translation>Grundenheder med sektor</translation>
    </message>
    <message>
        <source>Units outside the districts</source>
        <translation>Grundenheder uden for distrikterne</translation>
    </message>
    <message>
        <source>Reading the layers…</source>
        <translation>Læser lagene…</translation>
    </message>
    <message>
        <source>Splitting into sectors…</source>
        <translation>Opdeler i sektorer…</translation>
    </message>
    <message>
        <source>Writing the units…</source>
        <translation>Skriver grundenhederne…</translation>
    </message>
    <message>
        <source>Quarterly threat assessment</source>
        <translation>Kvartalsvis trusselsvurdering</translation>
    </message>
    <message>
        <source>Threat assessment</source>
        <translation>Trusselsvurdering</translation>
    </message>
    <message>
        <source>Validate sectors</source>
        <translation>Valider sektorer</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrikt</translation>
    </message>
    <message>
        <source>Minimum sector area (m²)</source>
        <translation>Mindste sektorareal (m²)</translation>
    </message>
    <message>
        <source>Fail on errors</source>
        <translation>Stop ved fejl</translation>
    </message>
    <message>
        <source>Validation errors</source>
        <translation>Valideringsfejl</translation>
    </message>
    <message>
        <source>Errors in all</source>
        <translation>Fejl i alt</translation>
    </message>
    <message>
        <source>Sectors in more than one part</source>
        <translation>Sektorer i mere end én del</translation>
    </message>
    <message>
        <source>Checking the sectors…</source>
        <translation>Kontrollerer sektorerne…</translation>
    </message>
    <message>
        <source>No errors: the sector plan is valid.</source>
        <translation>Ingen fejl: sektorplanen er gyldig.</translation>
    </message>
    <message>
        <source>Reading the district…</source>
        <translation>Læser distriktet…</translation>
    </message>
    <message>
        <source>Crime incidents</source>
        <translation>Kriminalitetshændelser</translation>
    </message>
    <message>
        <source>Crime type field</source>
        <translation>Felt med kriminalitetstype</translation>
    </message>
    <message>
        <source>Crime type mapping</source>
        <translation>Tilknytning af kriminalitetstyper</translation>
    </message>
    <message>
        <source>Date field</source>
        <translation>Datofelt</translation>
    </message>
    <message>
        <source>Time of day field</source>
        <translation>Felt med klokkeslæt</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Datoformat</translation>
    </message>
    <message>
        <source>Place (scene) field</source>
        <translation>Felt med gerningssted</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Distrikter</translation>
    </message>
    <message>
        <source>Target shares field</source>
        <translation>Felt med målandele</translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation>Cellestørrelse</translation>
    </message>
    <message>
        <source>Grid type</source>
        <translation>Gittertype</translation>
    </message>
    <message>
        <source>Comparison period start</source>
        <translation>Sammenligningsperiodens start</translation>
    </message>
    <message>
        <source>Comparison period end</source>
        <translation>Sammenligningsperiodens slutning</translation>
    </message>
    <message>
        <source>Particularly exposed housing areas</source>
        <translation>Særligt udsatte boligområder</translation>
    </message>
    <message>
        <source>Factor method</source>
        <translation>Faktormetode</translation>
    </message>
    <message>
        <source>Factor thresholds</source>
        <translation>Faktortærskler</translation>
    </message>
    <message>
        <source>Crime type weights</source>
        <translation>Vægte for kriminalitetstyper</translation>
    </message>
    <message>
        <source>Exposed area weight</source>
        <translation>Vægt for udsatte boligområder</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Befolkning</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>Befolkningsfelt</translation>
    </message>
    <message>
        <source>No POPULATION layer: every sector has population 0.</source>
        <translation>Intet POPULATION-lag: alle sektorer har befolkning 0.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Alarmnummer</translation>
    </message>
    <message>
        <source>General number</source>
        <translation>Almindeligt nummer</translation>
    </message>
    <message>
        <source>Web map address</source>
        <translation>Webkortets adresse</translation>
    </message>
    <message>
        <source>Sector id field</source>
        <translation>Sektor-id-felt</translation>
    </message>
    <message>
        <source>Minimum officers per sector</source>
        <translation>Mindste antal betjente pr. sektor</translation>
    </message>
    <message>
        <source>Staff to allocate</source>
        <translation>Bemanding til fordeling</translation>
    </message>
    <message>
        <source>Districts with staff</source>
        <translation>Distrikter med bemanding</translation>
    </message>
    <message>
        <source>District name field</source>
        <translation>Distriktsnavnefelt</translation>
    </message>
    <message>
        <source>District staff field</source>
        <translation>Felt med distriktets bemanding</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>Gader</translation>
    </message>
    <message>
        <source>Street name field</source>
        <translation>Felt med gadenavn</translation>
    </message>
    <message>
        <source>Reading the streets…</source>
        <translation>Læser gaderne …</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
    <message>
        <source>Area id field</source>
        <translation>Felt med område-id</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Tryghedsundersøgelse</translation>
    </message>
    <message>
        <source>Survey area field</source>
        <translation>Felt med undersøgelsesområde</translation>
    </message>
    <message>
        <source>Answer field</source>
        <translation>Svarfelt</translation>
    </message>
    <message>
        <source>Weight field</source>
        <translation>Vægtfelt</translation>
    </message>
    <message>
        <source>Previous survey</source>
        <translation>Forrige tryghedsundersøgelse</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Sammenlign med</translation>
    </message>
    <message>
        <source>Gang field</source>
        <translation>Felt for banderelation</translation>
    </message>
    <message>
        <source>Exposed area name field</source>
        <translation>Felt med navn på udsat boligområde</translation>
    </message>
    <message>
        <source>Base units</source>
        <translation>Grundenheder</translation>
    </message>
    <message>
        <source>The units&apos; own &apos;sector_id&apos; field is replaced by the new plan.</source>
        <translation>Grundenhedernes eget felt 'sector_id' erstattes af den nye plan.</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>Export sector maps…</source>
        <translation>Eksportér sektorkort…</translation>
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
    <message>
        <source>Choose {parameter}: a field of the layer &apos;{layer}&apos;.</source>
        <translation>Vælg {parameter}: et felt i laget '{layer}'.</translation>
    </message>
    <message>
        <source>{parameter}: the layer &apos;{layer}&apos; ({source}) has no field &apos;{field}&apos;; choose one of {fields}.</source>
        <translation>{parameter}: laget '{layer}' ({source}) har intet felt '{field}'; vælg et af {fields}.</translation>
    </message>
    <message>
        <source>{parameter}: {message}</source>
        <translation>{parameter}: {message}</translation>
    </message>
    <message>
        <source>Incidents in the period outside every sector</source>
        <translation>Hændelser i perioden uden for alle sektorer</translation>
    </message>
    <message>
        <source>Incidents in the period</source>
        <translation>Hændelser i perioden</translation>
    </message>
    <message>
        <source>Population outside every sector</source>
        <translation>Befolkning uden for alle sektorer</translation>
    </message>
    <message>
        <source>Officers required in all</source>
        <translation>Krævede betjente i alt</translation>
    </message>
    <message>
        <source>Officers allocated in all</source>
        <translation>Tildelte betjente i alt</translation>
    </message>
    <message>
        <source>Computes, for every sector, its population, crime by type, a need score, the manning factor 1–5 (factor 1 = one officer per 1,000 inhabitants, high need … factor 5 = one per 5,000, low need) and the officers it requires and is allocated:
officers_required = max(MIN_OFFICERS, ceil(population / (factor × 1000))).

Any CRS: the work is done in the sectors' CRS when it is metric, else in the UTM zone of the sectors; the other layers are reprojected to it. The output keeps the sectors' CRS and geometries.

Parameters:
Sectors — the sector polygons (generated or drawn by hand). Sectors that share an id are dissolved into one multi-part sector (attributes of the first kept), with a warning. Where sectors overlap, the overlap counts in the sector that comes first (input order), so nothing is counted twice; overlaps are reported. {sector_geometry_help}
Sector id field — the unique sector id (default sector_id).
Factor override field (optional) — a field on the sectors whose value 1–5 replaces the computed factor; empty values keep the computed one.
Population (optional) — polygons (e.g. census tracts, blocks) whose population is shared out by area, so a unit across a sector line is split in proportion to the area on each side (nothing is lost or counted twice), or points counted where they are. Without it every sector has population 0 and gets the minimum.
Population field — the number of inhabitants of each unit (numeric).
{crime_help}Particularly exposed housing areas (optional) — polygons; exposed_share is the share of the sector's population living in them (of its area where nobody lives).
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
        <translation>Beregner for hver sektor dens befolkning, kriminalitet pr. type, en behovsscore, bemandingsfaktoren 1–5 (faktor 1 = én betjent pr. 1.000 indbyggere, stort behov … faktor 5 = én pr. 5.000, lille behov) samt de betjente, sektoren kræver og får tildelt:
officers_required = max(MIN_OFFICERS, ceil(population / (factor × 1000))).

Ethvert koordinatsystem (CRS): der regnes i sektorernes CRS, når det er metrisk, ellers i sektorernes UTM-zone; de øvrige lag omprojiceres til det. Output beholder sektorernes CRS og geometrier.

Parametre:
Sektorer — sektorpolygonerne (genererede eller tegnet i hånden). Sektorer med samme id smeltes sammen til én sektor i flere dele (attributterne fra den første beholdes) med en advarsel. Hvor sektorer overlapper, tæller overlappet i den sektor, der kommer først (inputrækkefølge), så intet tælles to gange; overlap rapporteres. {sector_geometry_help}
Sektor-id-felt — sektorens unikke id (standard sector_id).
Felt til at tilsidesætte faktoren (valgfri) — et felt på sektorerne, hvis værdi 1–5 erstatter den beregnede faktor; tomme værdier beholder den beregnede.
Befolkning (valgfri) — polygoner (f.eks. statistiske områder, karréer), hvis befolkning fordeles efter areal, så en enhed, der krydser en sektorgrænse, deles i forhold til arealet på hver side (intet går tabt eller tælles to gange), eller punkter, der tælles, hvor de ligger. Uden den har hver sektor befolkningen 0 og får minimummet.
Befolkningsfelt — antallet af indbyggere i hver enhed (numerisk).
{crime_help}Særligt udsatte boligområder (valgfri) — polygoner; exposed_share er andelen af sektorens befolkning, der bor i dem (af dens areal, hvor ingen bor).
Faktormetode — tærskler: faktor 1 ved behov ≥ 200, 2 ved ≥ 120, 3 ved ≥ 70, 4 ved ≥ 35, ellers 5; kvintiler: den femtedel af sektorerne med størst behov får faktor 1, den næste femtedel 2 og så videre (sektorer med samme behov får samme faktor). Sektorer uden befolkning får faktor 5.
Faktortærskler (avanceret) — de fire behovsscorer, hvor faktor 1, 2, 3 og 4 begynder.
Vægte for kriminalitetstyper (avanceret) — hver types vægt i behovsscoren.
Vægt for udsatte områder (avanceret) — hvor meget udsatte boligområder øger behovet.
need_score = Σ vægt × kriminalitet af typen pr. 1.000 indbyggere pr. år × (1 + vægt for udsatte områder × exposed_share); året er perioden, ellers tidsrummet for hændelsernes datoer.
Mindste antal betjente pr. sektor — standard 2.
Personale til fordeling (valgfri) — et samlet antal betjente, der fordeles over alle sektorer.
Distrikter med personale (valgfri) — distriktspolygoner med hver sit personaletal: hvert distrikts personale fordeles over dets sektorer. En sektor hører til det distrikt, der dækker den største del af dens areal (en sektor, der delvis ligger uden for det, rapporteres). Angiv enten dette eller personalet til fordeling.
Distriktsnavnefelt / Felt for distriktets personale — distriktets navn (standard district) og dets antal betjente (standard staff).
Fordeling: hver sektor får mindst minimummet og ellers en andel af personalet i forhold til sin officers_required, afrundet efter største-rest-metoden, så fordelingen summerer præcis til personalet. Uden personale er officers_allocated = officers_required.
Sektorbemanding — sektorerne med alle felter fra input plus sector_id, district (når der er angivet distrikter), population, area_km2, crimes_total, crimes_&lt;type&gt;, crimes_per_1000, exposed_share, need_score, factor, officers_required og officers_allocated; indlæses med stil efter faktor.
Oversigt (HTML) (valgfri) — en tabel over sektorerne og totalerne til resultatfremviseren.

Resultater: CRIMES_OUTSIDE (hændelser i perioden i ingen sektor, også dem uden placering), CRIMES_IN_PERIOD, POPULATION_OUTSIDE, OFFICERS_REQUIRED_TOTAL, OFFICERS_ALLOCATED_TOTAL.</translation>
    </message>
    <message>
        <source>needed for a period, and used to turn counts into yearly rates</source>
        <translation>nødvendig for en periode og bruges til at omregne antal til årlige rater</translation>
    </message>
    <message>
        <source>Base units (street blocks)</source>
        <translation>Grundenheder (karréer)</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>Barrierer</translation>
    </message>
    <message>
        <source>Special places</source>
        <translation>Særlige steder</translation>
    </message>
    <message>
        <source>Safety index areas</source>
        <translation>Områder for tryghedsindeks</translation>
    </message>
    <message>
        <source>Safety survey answers</source>
        <translation>Svar på tryghedsundersøgelsen</translation>
    </message>
    <message>
        <source>Writing layer {layer} ({count} features)…</source>
        <translation>Skriver laget {layer} ({count} objekter)…</translation>
    </message>
    <message>
        <source>Divides every sector into grid cells and counts the crime incidents in each cell by type, time band and weekday/weekend, for reviewing crime by type, scene and time; with tables per weekday and hour and per scene, optional charts per sector and an optional comparison period for the quarterly threat assessment. For internal use: the output holds crime data.

Cells are clipped to the sectors: a grid cell crossing a sector line becomes one cell per sector, so every cell lies in exactly one sector and the cells tile each sector exactly (no gaps, no overlaps). Cells without crime are kept (a zero is information). The grid is anchored at the CRS origin, so the same cell size gives the same grid in every run.

Every incident in the period is counted in exactly one cell, or in CRIMES_OUTSIDE: an incident on a sector line counts in the sector that comes first in the layer (as in Compute sector manning); within the sector, an incident on a cell edge counts in the cell east of a vertical edge and north of a horizontal or slanted one; on the sector's own boundary it counts in the first of the sector's cells that touches it.

Any CRS: the work is done in the sectors' CRS when it is metric, else in the UTM zone of the sectors; incidents are reprojected to it. The cells are written in the sectors' CRS.

Parameters:
Sectors — the sector polygons. Features sharing an id are dissolved into one sector (with a warning); where sectors overlap, the overlap belongs to the sector that comes first. {sector_geometry_help}
Sector id field — the sector's unique id (default sector_id), written to every cell.
{crime_help}Cell size — in metres (default 250). For hexagons it is the flat-to-flat width, which is also the distance between neighbouring cell centres (a hexagon then has 0.87 × the area of a square of that size). A size that would make more than {max_cells:,} cells is refused.
Grid type — square or hexagon.
Comparison period start / Comparison period end (optional, both or neither) — a second period, e.g. the previous quarter: each cell then also gets compare_total, change (crimes_total − compare_total) and change_pct (empty when compare_total is 0), and the log lists the change per sector.
Crime grid — the cells with sector_id, cell_id (1…N: sectors in order, then rows from north, west to east), crimes_total, crimes_violence, crimes_burglary, crimes_theft, crimes_drugs, crimes_vandalism, crimes_harassment, the time bands band_07_15 [07:00, 15:00), band_15_23 [15:00, 23:00) and band_23_07 [23:00, 07:00) — so 07:00 exactly is in band_07_15 and 23:00 exactly in band_23_07 — band_unknown (incidents without a time of day, or without a valid date; the four band fields sum to crimes_total), and weekday (Monday–Friday) and weekend (Saturday, Sunday) counts; loaded with a heat style on crimes_total.
Crimes by weekday and hour — a table with sector_id, weekday (1 = Monday … 7 = Sunday), hour (0–23) and crimes, every combination included; it holds the incidents with a time of day (band_unknown counts the others).
Crimes by place — a table with sector_id, place and crimes (place empty for incidents without one).
Chart folder (optional) — per sector &lt;sector_id&gt;_hours.png/.svg (crimes by hour and weekday) and &lt;sector_id&gt;_types.png/.svg (crimes by type), ids made safe for file names.

Results: CRIMES_IN_PERIOD (incidents in the period), CRIMES_OUTSIDE (of those, in no sector or without location; the sum of crimes_total plus CRIMES_OUTSIDE is CRIMES_IN_PERIOD), and with a comparison period COMPARE_IN_PERIOD and COMPARE_OUTSIDE.</source>
        <translation>Inddeler hver sektor i gitterceller og tæller kriminalitetshændelserne i hver celle pr. type, tidsbånd og hverdag/weekend, så kriminaliteten kan gennemgås efter type, gerningssted og tid; med tabeller pr. ugedag og time og pr. gerningssted, valgfri diagrammer pr. sektor og en valgfri sammenligningsperiode til den kvartalsvise trusselsvurdering. Til intern brug: output indeholder kriminalitetsdata.

Cellerne klippes til sektorerne: en gittercelle, der krydser en sektorgrænse, bliver til én celle pr. sektor, så hver celle ligger i præcis én sektor, og cellerne dækker hver sektor præcist (ingen huller, ingen overlap). Celler uden kriminalitet bevares (et nul er også information). Gitteret er forankret i koordinatsystemets origo, så samme cellestørrelse giver samme gitter i hver kørsel.

Hver hændelse i perioden tælles i præcis én celle eller i CRIMES_OUTSIDE: en hændelse på en sektorgrænse tæller i den sektor, der kommer først i laget (som i Beregn sektorbemanding); inden for sektoren tæller en hændelse på en cellekant i cellen øst for en lodret kant og nord for en vandret eller skrå kant; på sektorens egen grænse tæller den i den første af sektorens celler, der rører den.

Ethvert koordinatsystem (CRS): der regnes i sektorernes CRS, når det er metrisk, ellers i sektorernes UTM-zone; hændelserne omprojiceres til det. Cellerne skrives i sektorernes CRS.

Parametre:
Sektorer — sektorpolygonerne. Objekter med samme id smeltes sammen til én sektor (med en advarsel); hvor sektorer overlapper, hører overlappet til den sektor, der kommer først. {sector_geometry_help}
Sektor-id-felt — sektorens unikke id (standard sector_id), der skrives på hver celle.
{crime_help}Cellestørrelse — i meter (standard 250). For sekskanter er det bredden fra side til side, som også er afstanden mellem nabocellernes centre (en sekskant har så 0,87 × arealet af et kvadrat med den størrelse). En størrelse, der ville give mere end {max_cells:,} celler, afvises.
Gittertype — kvadrat eller sekskant.
Start på sammenligningsperiode / Slutning på sammenligningsperiode (valgfri, begge eller ingen) — en anden periode, f.eks. det foregående kvartal: hver celle får så også compare_total, change (crimes_total − compare_total) og change_pct (tom, når compare_total er 0), og loggen viser ændringen pr. sektor.
Kriminalitetsgitter — cellerne med sector_id, cell_id (1…N: sektorerne i rækkefølge, derefter rækker fra nord, vest mod øst), crimes_total, crimes_violence, crimes_burglary, crimes_theft, crimes_drugs, crimes_vandalism, crimes_harassment, tidsbåndene band_07_15 [07:00, 15:00), band_15_23 [15:00, 23:00) og band_23_07 [23:00, 07:00) — så præcis 07:00 ligger i band_07_15 og præcis 23:00 i band_23_07 — band_unknown (hændelser uden tidspunkt på dagen eller uden gyldig dato; de fire tidsbåndsfelter summerer til crimes_total) samt antal på hverdage (mandag–fredag) og i weekenden (lørdag, søndag); indlæses med en varmestil på crimes_total.
Kriminalitet pr. ugedag og time — en tabel med sector_id, weekday (1 = mandag … 7 = søndag), hour (0–23) og crimes med alle kombinationer; den indeholder hændelserne med et tidspunkt på dagen (band_unknown tæller de øvrige).
Kriminalitet pr. gerningssted — en tabel med sector_id, place og crimes (place er tom for hændelser uden gerningssted).
Mappe til diagrammer (valgfri) — pr. sektor &lt;sector_id&gt;_hours.png/.svg (kriminalitet pr. time og ugedag) og &lt;sector_id&gt;_types.png/.svg (kriminalitet pr. type); id'erne gøres sikre til filnavne.

Resultater: CRIMES_IN_PERIOD (hændelser i perioden), CRIMES_OUTSIDE (af dem: i ingen sektor eller uden placering; summen af crimes_total plus CRIMES_OUTSIDE er CRIMES_IN_PERIOD) og med en sammenligningsperiode COMPARE_IN_PERIOD og COMPARE_OUTSIDE.</translation>
    </message>
    <message>
        <source>counted per sector in the places table</source>
        <translation>talt pr. sektor i tabellen over gerningssteder</translation>
    </message>
    <message>
        <source>Incidents in the comparison period</source>
        <translation>Hændelser i sammenligningsperioden</translation>
    </message>
    <message>
        <source>Incidents in the comparison period outside every sector</source>
        <translation>Hændelser i sammenligningsperioden uden for alle sektorer</translation>
    </message>
    <message>
        <source>Chart files written</source>
        <translation>Skrevne diagramfiler</translation>
    </message>
    <message>
        <source>Writing {count} cells…</source>
        <translation>Skriver {count} celler…</translation>
    </message>
    <message>
        <source>Target, before</source>
        <translation>Målområde, før</translation>
    </message>
    <message>
        <source>Target, after</source>
        <translation>Målområde, efter</translation>
    </message>
    <message>
        <source>Buffer ring, before</source>
        <translation>Bufferring, før</translation>
    </message>
    <message>
        <source>Buffer ring, after</source>
        <translation>Bufferring, efter</translation>
    </message>
    <message>
        <source>Comparison, before</source>
        <translation>Sammenligning, før</translation>
    </message>
    <message>
        <source>Comparison, after</source>
        <translation>Sammenligning, efter</translation>
    </message>
    <message>
        <source>Rate ratio</source>
        <translation>Rateratio</translation>
    </message>
    <message>
        <source>Rate ratio, 95 % interval low</source>
        <translation>Rateratio, 95 %-interval, nedre grænse</translation>
    </message>
    <message>
        <source>Rate ratio, 95 % interval high</source>
        <translation>Rateratio, 95 %-interval, øvre grænse</translation>
    </message>
    <message>
        <source>p-value of the rate ratio</source>
        <translation>Rateratioens p-værdi</translation>
    </message>
    <message>
        <source>Weighted displacement quotient</source>
        <translation>Vægtet forskydningskvotient (WDQ)</translation>
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
{crime_help}Start — the day the initiative started.
Days before / Days after — the windows' lengths (default 90 each).
Buffer ring width — the ring around the target where displacement would show (default 500 m).
Comparison — all_sectors (default) or same_district; District field — the sectors' district, for same_district (default district).
Report (optional) — a one-page PDF: the map of target, ring and comparison, and the figures in plain words.

Results: T_BEFORE, T_AFTER, B_BEFORE, B_AFTER, C_BEFORE, C_AFTER, RR, RR_LOW, RR_HIGH, P_VALUE, WDQ (empty when undefined) and READING.</source>
        <translation>Ændrede en indsats (cykelpatruljer, en kampagne mod indbrud…), der blev sat i gang i nogle sektorer, kriminaliteten dér mere end andre steder, og flyttede kriminaliteten til naboområdet? Tæller hændelser før og efter starten i målsektorerne (T), i en bufferring omkring dem (B) og i et sammenligningsområde (C): alle andre sektorer, der ikke rører ringen, eller kun dem i målsektorernes distrikter.

Vinduer: før = [START − BEFORE_DAYS dage, START), efter = [START, START + AFTER_DAYS dage), START kl. 00:00; begge skal ligge inden for de dage, hændelserne dækker.
Rateratio RR = (T_after / T_before) / (C_after / C_before): under 1 faldt målområdet mere end sammenligningen; 95 %-interval exp(ln RR ± 1,96·√(1/T_a + 1/T_b + 1/C_a + 1/C_b)) og p-værdien for ln RR efter normalfordelingen.
Vægtet forskydningskvotient (Bowers &amp; Johnson 2003) WDQ = (B_a/C_a − B_b/C_b) / (T_a/C_a − T_b/C_b), tolkes kun, når målområdet blev bedre: over 0 faldt kriminaliteten også i ringen (spredning af gevinster), under 0 flyttede den dertil (forskydning), under −1 flyttede mere, end målområdet vandt. Et antal på nul efterlader et tal tomt og siger hvorfor.

Parametre:
Sektorer, Sektor-id-felt — sektorerne (ethvert koordinatsystem; der tælles i meter).
Id'er for målsektorer — kommaseparerede id'er for indsatsens sektorer, eller:
Målfelt — et ja/nej-felt, der markerer dem (true/false, yes/no, ja/nej, 1/0).
Kriminalitetstyper (valgfri) — kun disse af de seks typer tæller; ingen valgt: alle hændelser.
{crime_help}Start — den dag, indsatsen startede.
Dage før / Dage efter — vinduernes længde (standard 90 hver).
Bufferringens bredde — ringen omkring målområdet, hvor forskydning ville vise sig (standard 500 m).
Sammenligning — all_sectors (standard) eller same_district; Distriktsfelt — sektorernes distrikt til same_district (standard district).
Rapport (valgfri) — en PDF på én side: kortet over målområde, ring og sammenligning og tallene forklaret i almindelige ord.

Resultater: T_BEFORE, T_AFTER, B_BEFORE, B_AFTER, C_BEFORE, C_AFTER, RR, RR_LOW, RR_HIGH, P_VALUE, WDQ (tom, når den ikke er defineret) og READING.</translation>
    </message>
    <message>
        <source>which window an incident falls in</source>
        <translation>hvilket vindue en hændelse falder i</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>Dage før</translation>
    </message>
    <message>
        <source>Days after</source>
        <translation>Dage efter</translation>
    </message>
    <message>
        <source>Name the initiative&apos;s sectors either in TARGET_IDS (comma-separated ids) or with TARGET_FIELD (a yes/no field), not both and not neither.</source>
        <translation>Angiv indsatsens sektorer enten i TARGET_IDS (kommaseparerede id'er) eller med TARGET_FIELD (et ja/nej-felt) – ikke begge og ikke ingen af dem.</translation>
    </message>
    <message>
        <source>target field</source>
        <translation>målfelt</translation>
    </message>
    <message>
        <source>TARGET_IDS: no sector {unknown} in SECTORS; the ids are {ids}.</source>
        <translation>TARGET_IDS: ingen sektor {unknown} i SECTORS; id'erne er {ids}.</translation>
    </message>
    <message>
        <source>START: &apos;{text}&apos; is not a date; give the day the initiative started.</source>
        <translation>START: '{text}' er ikke en dato; angiv den dag, indsatsen startede.</translation>
    </message>
    <message>
        <source>Crime weight</source>
        <translation>Vægt for kriminalitet</translation>
    </message>
    <message>
        <source>Survey weight</source>
        <translation>Vægt for tryghedsundersøgelse</translation>
    </message>
    <message>
        <source>Initiative threshold</source>
        <translation>Tærskel for indsats</translation>
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
{crime_help}By default the period is one year: the last 365 days of the data, ending with the day of the last incident (the days the data cover when that is less, with a warning); one end given alone: the 365 days from or up to it.
Survey — the respondents: points (each counts in the area it lies in) or a table.
Survey area field (optional) — the area id of each respondent (needed for a table; when given it is used instead of the points). An id that names no area stops the run.
Answer field — the answer 1–5 (default answer).
Weight field (optional) — each respondent's survey weight; without it every answer weighs 1.
Crime weight, Survey weight (advanced) — how the two parts are weighed (0.5 each).
Initiative threshold — the safety index from which an area needs an initiative (120).
Minimum respondents — fewer, and the area is marked too few responses (30).
Previous survey (optional) — the survey of the previous period, with the same fields: gives safety_index_prev and change. Its crime comes from the same incidents:
Previous period start, Previous period end (optional) — by default the same number of days just before the period. The population is the same for both periods.
Safety index — the areas with area_id, population, incidents, the fields above, respondents and missing_answers; loaded styled by the index (100 = average).
Report (optional) — a one-page PDF: the map coloured by safety index and the areas ranked.

Results: PERIOD (the period counted), INITIATIVE_COUNT (areas that need an initiative).</source>
        <translation>Byens tryghedsindeks: pr. område (indeksområderne eller sektorerne) den registrerede kriminalitet og hvor trygge borgerne siger, de føler sig, for at finde ud af, hvor der er brug for indsatser, og følge, hvordan de virker.

Pr. område:
crimes_per_1000 = hændelser × 1000 / befolkning × 365,25 / periodens dage (en årlig rate; hændelser af de seks kriminalitetstyper i perioden; befolkning fordelt efter areal som i Beregn sektorbemanding)
crime_index = 100 × crimes_per_1000 / samme rate for alle områder samlet
unsafe_share = Σ vægt af svar 1 eller 2 / Σ vægt af svar på skalaen 1–5 for 'Hvor tryg føler du dig i dit nabolag, når det er mørkt?' (1 = meget utryg); manglende svar, svar uden for 1–5 og vægte, der ikke er over 0, udelades og tælles i missing_answers
insecurity_index = 100 × unsafe_share / samme andel for alle respondenter
safety_index = (vægt for kriminalitet × crime_index + vægt for tryghedsundersøgelse × insecurity_index) / (vægt for kriminalitet + vægt for tryghedsundersøgelse): 100 er gennemsnittet af områderne, højere er mindre trygt
rank: 1 = mindst trygt (ens indeks deler placering); needs_initiative: safety_index ≥ tærsklen og respondenter ≥ minimummet.
survey_status: ok; too few responses eller no survey answers (færre respondenter end minimummet: området får hverken tryghedsindeks, placering eller markering for indsats, aldrig alene på grundlag af kriminalitet; dets kriminalitetsindeks angives stadig); no inhabitants (ingen rate).
Med en tidligere tryghedsundersøgelse: safety_index_prev (samme indeks for den forrige periode) og change = safety_index − safety_index_prev i indekspoint. Hver periode måles mod sit eget gennemsnit, så ændringen viser, hvordan et område har flyttet sig i forhold til de andre.

Parametre:
Områder, Område-id-felt — indeksområderne (ethvert koordinatsystem; standardfelt area_id). Objekter med samme id tæller som ét område; hvor områder overlapper, tæller overlappet i det første.
Befolkning, Befolkningsfelt — polygoner, hvis indbyggere fordeles efter areal, eller punkter, der tælles, hvor de ligger (standardfelt population).
{crime_help}Som standard er perioden ét år: de sidste 365 dage i data, der slutter med dagen for den sidste hændelse (de dage, data dækker, når det er færre, med en advarsel); én ende angivet alene: de 365 dage fra eller frem til den.
Tryghedsundersøgelse — respondenterne: punkter (hver tæller i det område, den ligger i) eller en tabel.
Områdefelt i tryghedsundersøgelsen (valgfri) — hver respondents område-id (nødvendigt for en tabel; når det er angivet, bruges det i stedet for punkterne). Et id, der ikke svarer til noget område, stopper kørslen.
Svarfelt — svaret 1–5 (standard answer).
Vægtfelt (valgfri) — hver respondents vægt i undersøgelsen; uden det vejer hvert svar 1.
Vægt for kriminalitet, Vægt for tryghedsundersøgelse (avanceret) — hvordan de to dele vægtes (0,5 hver).
Tærskel for indsats — det tryghedsindeks, hvorfra et område har brug for en indsats (120).
Mindste antal respondenter — er der færre, markeres området too few responses (30).
Tidligere tryghedsundersøgelse (valgfri) — undersøgelsen fra den forrige periode med de samme felter: giver safety_index_prev og change. Dens kriminalitet kommer fra de samme hændelser:
Forrige periodes start, Forrige periodes slutning (valgfri) — som standard det samme antal dage lige før perioden. Befolkningen er den samme for begge perioder.
Tryghedsindeks — områderne med area_id, population, incidents, felterne ovenfor, respondents og missing_answers; indlæses med stil efter indekset (100 = gennemsnit).
Rapport (valgfri) — en PDF på én side: kortet farvet efter tryghedsindeks og områderne rangordnet.

Resultater: PERIOD (den optalte periode), INITIATIVE_COUNT (områder, der har brug for en indsats).</translation>
    </message>
    <message>
        <source>which period an incident falls in</source>
        <translation>hvilken periode en hændelse falder i</translation>
    </message>
    <message>
        <source>Previous period start</source>
        <translation>Forrige periodes start</translation>
    </message>
    <message>
        <source>Previous period end</source>
        <translation>Forrige periodes slutning</translation>
    </message>
    <message>
        <source>Period {period}: {areas} areas, {initiatives} need an initiative.</source>
        <translation>Periode {period}: {areas} områder, {initiatives} har brug for en indsats.</translation>
    </message>
    <message>
        <source>Existing sectors</source>
        <translation>Eksisterende sektorer</translation>
    </message>
    <message>
        <source>Largest workload deviation (%)</source>
        <translation>Største afvigelse i arbejdsbyrde (%)</translation>
    </message>
    <message>
        <source>Non-contiguous sectors</source>
        <translation>Ikke-sammenhængende sektorer</translation>
    </message>
    <message>
        <source>Population of the units outside the districts</source>
        <translation>Befolkning i grundenhederne uden for distrikterne</translation>
    </message>
    <message>
        <source>Share of population keeping its sector</source>
        <translation>Andel af befolkningen, der beholder sin sektor</translation>
    </message>
    <message>
        <source>Run time of the split (s)</source>
        <translation>Opdelingens køretid (s)</translation>
    </message>
    <message>
        <source>First day of the quarter</source>
        <translation>Kvartalets første dag</translation>
    </message>
    <message>
        <source>Last day of the quarter</source>
        <translation>Kvartalets sidste dag</translation>
    </message>
    <message>
        <source>First day of the comparison period</source>
        <translation>Sammenligningsperiodens første dag</translation>
    </message>
    <message>
        <source>Last day of the comparison period</source>
        <translation>Sammenligningsperiodens sidste dag</translation>
    </message>
    <message>
        <source>The quarterly threat assessment for the station management: per sector, per particularly exposed housing area and for the station, the incidents of a quarter against a comparison period, by crime type, whether the change is more than chance, gang-related incidents and the busiest places.

Per area: population (population polygons shared out by area, or points); incidents by type now (&lt;type&gt;_now) and before (&lt;type&gt;_before) and in all (incidents_now, incidents_before; other and unknown types count there only); change_pct = 100 × (now / days now − before / days before) / (before / days before), the change of the daily rate (empty when there were none before); p_value: the exact conditional test — given the n = now + before incidents of both periods, 'now' is binomial(n, p) with p = days now / (days now + days before) when the daily rate did not change; the two-sided p-value sums the probabilities of all counts no likelier than the one seen (as scipy.stats.binomtest); significant = p_value &lt; {significance_level:g}; gang_now, gang_before: gang-related incidents; busiest_cells: the {busiest_cells} {cell_size:g} m cells with most incidents in the quarter ('x, y: n', x and y the cell's lower-left corner in the working CRS's metres). An incident counts in the first sector (and the first exposed area) that holds it; the station row holds every incident in a sector.

Parameters:
Sectors, Sector id field — the sectors (any CRS; counted in metres).
{crime_help}{periods_help}{gang_help}Particularly exposed housing areas (optional), Exposed area name field (default name; empty: the feature id) — each area gets a row of its own.
Population (optional), Population field — population polygons or points.
Threat assessment — the table (no geometry: its areas overlap, the station holding every sector): one row per sector, exposed area and the station; area_kind = sector, exposed_area or station; area_id = the sector id, the area's name, or 'station'. Join it to the sectors on area_id = sector_id for a map.
Report (optional) — a PDF for the station management: a summary page (the station, significant increases and decreases, gang-related incidents, exposed areas), then a page per sector with its figures and its incidents per month over both periods.
A quarter without incidents is said in the log (every count 0), as is a comparison period without incidents or beginning before the data.</source>
        <translation>Den kvartalsvise trusselsvurdering til stationsledelsen: pr. sektor, pr. særligt udsat boligområde og for stationen kvartalets hændelser sammenlignet med en sammenligningsperiode, pr. kriminalitetstype, om ændringen er mere end tilfældig, banderelaterede hændelser og de travleste steder.

Pr. område: befolkning (befolkningspolygoner fordelt efter areal eller punkter); hændelser pr. type nu (&lt;type&gt;_now) og før (&lt;type&gt;_before) og i alt (incidents_now, incidents_before; andre og ukendte typer tæller kun dér); change_pct = 100 × (nu / dage nu − før / dage før) / (før / dage før), ændringen i den daglige rate (tom, når der ikke var nogen før); p_value: den eksakte betingede test — givet de n = nu + før hændelser i begge perioder er 'nu' binomial(n, p) med p = dage nu / (dage nu + dage før), når den daglige rate ikke har ændret sig; den tosidede p-værdi summerer sandsynlighederne for alle antal, der ikke er mere sandsynlige end det observerede (som scipy.stats.binomtest); significant = p_value &lt; {significance_level:g}; gang_now, gang_before: banderelaterede hændelser; busiest_cells: de {busiest_cells} celler på {cell_size:g} m med flest hændelser i kvartalet ('x, y: n', hvor x og y er cellens nederste venstre hjørne i arbejdskoordinatsystemets meter). En hændelse tæller i den første sektor (og det første udsatte område), der indeholder den; stationens række indeholder alle hændelser i en sektor.

Parametre:
Sektorer, Sektor-id-felt — sektorerne (ethvert koordinatsystem; der tælles i meter).
{crime_help}{periods_help}{gang_help}Særligt udsatte boligområder (valgfri), Navnefelt for udsatte områder (standard name; tomt: objekt-id'et) — hvert område får sin egen række.
Befolkning (valgfri), Befolkningsfelt — befolkningspolygoner eller -punkter.
Trusselsvurdering — tabellen (uden geometri: dens områder overlapper, da stationen rummer alle sektorer): én række pr. sektor, udsat område og stationen; area_kind = sector, exposed_area eller station; area_id = sektorens id, områdets navn eller 'station'. Forbind den med sektorerne på area_id = sector_id for at få et kort.
Rapport (valgfri) — en PDF til stationsledelsen: en oversigtsside (stationen, signifikante stigninger og fald, banderelaterede hændelser, udsatte områder) og derefter en side pr. sektor med dens tal og dens hændelser pr. måned i begge perioder.
Et kvartal uden hændelser nævnes i loggen (alle antal er 0), ligesom en sammenligningsperiode uden hændelser eller som begynder før data.</translation>
    </message>
    <message>
        <source>{count} incidents without a date count in neither period.</source>
        <translation>{count} hændelser uden dato tæller ikke med i nogen af perioderne.</translation>
    </message>
    <message>
        <source>Quarter {quarter}, compared with {compare}.</source>
        <translation>Kvartal {quarter} sammenlignet med {compare}.</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Huller</translation>
    </message>
    <message>
        <source>Overlaps</source>
        <translation>Overlap</translation>
    </message>
    <message>
        <source>Parts outside the district</source>
        <translation>Dele uden for distriktet</translation>
    </message>
    <message>
        <source>Extra parts of non-contiguous sectors</source>
        <translation>Ekstra dele af ikke-sammenhængende sektorer</translation>
    </message>
    <message>
        <source>Slivers</source>
        <translation>Splinter</translation>
    </message>
    <message>
        <source>Under-manned sectors</source>
        <translation>Underbemandede sektorer</translation>
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
Thin gaps and overlaps are still gaps and overlaps. Pieces of gap, overlap, outside part or extra part of at most {min_area_m2:g} m², or {min_area_share:g} of the sector's area (the larger sector's for an overlap, the plan's for a gap) when that is larger, are floating-point noise and are not reported — the same tolerance as in every YPO algorithm, which all name an overlap by the same pair of sectors, in natural id order. Features sharing a sector id are checked as one sector; invalid geometries are repaired and reported in the log.

Any CRS: areas are computed in the sectors' CRS when it is metric, else in the UTM zone of the sectors; the errors are written in the sectors' CRS.

Parameters:
Sectors — the sector polygons.
Sector id field — the sector's id (default sector_id).
District (optional) — the district polygons the sectors should fill exactly: finds gaps against them and parts outside them. Without it, only holes enclosed by sectors are gaps.
Minimum sector area (optional) — in m²; sectors or sector parts smaller than it are slivers. Empty: no sliver check.
Minimum officers per sector (advanced) — default {min_officers}, used by the under-manning check.
Fail on errors — when checked and any error is found, the algorithm fails with the counts per type (after writing the errors), so a model stops there.
Validation errors — the errors layer, loaded styled by error type.

Results: GAPS, OVERLAPS, OUTSIDE, NONCONTIGUOUS, SLIVERS, UNDERMANNED (counts of features of each type), NONCONTIGUOUS_SECTORS (sectors drawn in more than one part, counted as the split counts them) and ERRORS_TOTAL.</source>
        <translation>Kontrollerer en sektorplan (genereret eller tegnet om i hånden) og skriver ét objekt pr. problem med error_type, sector_ids (kommaseparerede, sorterede), area_m2, en kort besked og problemets geometri. En fejlfri plan giver et tomt lag.

Fejltyper:
• gap — areal inden for distriktet, som ingen sektor dækker (uden distrikt: et hul omsluttet af sektorer); ét objekt pr. stykke, sector_ids er de tilstødende sektorer
• overlap — areal, der dækkes af to sektorer; ét objekt pr. par af sektorer (en fælles kant er ikke et overlap)
• outside — den del af en sektor, der ligger uden for alle distriktspolygoner (kræver et distrikt)
• noncontiguous — en sektor bestående af flere dele: dens største del er hoveddelen, og hver af de øvrige dele er ét objekt
• sliver — en sektor mindre end mindstearealet eller en del af en sektor mindre end det (kræver et mindsteareal)
• undermanned — når SECTORS har et officers_allocated-felt (som skrevet af Beregn sektorbemanding): officers_allocated under officers_required (når det felt findes) eller under mindste antal betjente pr. sektor, alt efter hvad der er størst; en tom officers_allocated tæller som 0
Smalle huller og overlap er stadig huller og overlap. Stykker af huller, overlap, dele udenfor eller ekstra dele på højst {min_area_m2:g} m², eller {min_area_share:g} af sektorens areal (den største sektors ved et overlap, planens ved et hul), når det er større, er numerisk støj og rapporteres ikke — samme tolerance som i alle YPO-algoritmer, der alle navngiver et overlap med det samme par af sektorer i naturlig id-rækkefølge. Objekter med samme sektor-id kontrolleres som én sektor; ugyldige geometrier repareres og rapporteres i loggen.

Ethvert koordinatsystem (CRS): arealer beregnes i sektorernes CRS, når det er metrisk, ellers i sektorernes UTM-zone; fejlene skrives i sektorernes CRS.

Parametre:
Sektorer — sektorpolygonerne.
Sektor-id-felt — sektorens id (standard sector_id).
Distrikt (valgfri) — de distriktspolygoner, som sektorerne skal udfylde præcist: finder huller i forhold til dem og dele uden for dem. Uden det er kun huller omsluttet af sektorer huller.
Mindste sektorareal (valgfri) — i m²; sektorer eller sektordele mindre end det er splinter. Tomt: ingen kontrol af splinter.
Mindste antal betjente pr. sektor (avanceret) — standard {min_officers}, bruges ved kontrollen af underbemanding.
Stop ved fejl — når den er slået til, og der findes fejl, fejler algoritmen med antallet pr. type (efter at fejlene er skrevet), så en model stopper dér.
Valideringsfejl — fejllaget, indlæst med stil efter fejltype.

Resultater: GAPS, OVERLAPS, OUTSIDE, NONCONTIGUOUS, SLIVERS, UNDERMANNED (antal objekter af hver type), NONCONTIGUOUS_SECTORS (sektorer tegnet i mere end én del, talt på samme måde som opdelingen tæller dem) og ERRORS_TOTAL.</translation>
    </message>
    <message>
        <source>Writing {count} errors…</source>
        <translation>Skriver {count} fejl…</translation>
    </message>
    <message>
        <source>{count} errors: {summary}.</source>
        <translation>{count} fejl: {summary}.</translation>
    </message>
    <message>
        <source>The sector plan has {count} errors ({summary}); FAIL_ON_ERROR is set, so the run stops here. The errors were written to {output}: fix them and run again.</source>
        <translation>Sektorplanen har {count} fejl ({summary}); FAIL_ON_ERROR er slået til, så kørslen stopper her. Fejlene er skrevet til {output}: ret dem, og kør igen.</translation>
    </message>
    <message>
        <source>Sectors: field &apos;{field}&apos; must hold numbers of officers (it is {type}); rename or convert it.</source>
        <translation>Sektorer: feltet '{field}' skal indeholde antal betjente (det er {type}); omdøb eller konverter det.</translation>
    </message>
    <message>
        <source>Sectors have no {field} field: under-manning is not checked.</source>
        <translation>Sektorerne har intet {field}-felt: underbemanding kontrolleres ikke.</translation>
    </message>
    <message>
        <source>District ({source}) has no features; give the district polygons or leave DISTRICT empty.</source>
        <translation>Distrikt ({source}) har ingen objekter; angiv distriktspolygonerne, eller lad DISTRICT være tom.</translation>
    </message>
    <message>
        <source>The layer &apos;{layer}&apos; ({source}) is empty: it has no features; give a layer with features.</source>
        <translation>Laget '{layer}' ({source}) er tomt: det har ingen objekter; angiv et lag med objekter.</translation>
    </message>
    <message>
        <source>The layer '{layer}' has no valid coordinate reference system: set its CRS (Layer Properties ▸ Source) and run again.</source>
        <translation>Laget '{layer}' har intet gyldigt koordinatsystem: angiv dets CRS (Lagegenskaber ▸ Kilde), og kør igen.</translation>
    </message>
    <message>
        <source>The layer &apos;{layer}&apos; ({source}) has no geometries: none of its features has one; give a layer whose features have geometries.</source>
        <translation>Laget '{layer}' ({source}) har ingen geometrier: ingen af dets objekter har en; angiv et lag, hvis objekter har geometrier.</translation>
    </message>
    <message>
        <source>CRIMES ({layer}) has no features; give a point layer of crime incidents.</source>
        <translation>CRIMES ({layer}) har ingen objekter; angiv et punktlag med kriminalitetshændelser.</translation>
    </message>
    <message>
        <source>Read {count} incidents ({method} reader).</source>
        <translation>Læste {count} hændelser (læser: {method}).</translation>
    </message>
    <message>
        <source>CRIMES: {count} multi-part incidents are counted at one of their points.</source>
        <translation>CRIMES: {count} flerdelte hændelser tælles i et af deres punkter.</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Periodens start</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Periodens slutning</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (valgfri)</translation>
    </message>
    <message>
        <source>Date field{optional} — the incident's date or date-time, read as the local wall-clock time (a UTC offset is ignored); {use}.</source>
        <translation>Datofelt{optional} — hændelsens dato eller dato og klokkeslæt, læst som lokal tid (en UTC-forskydning ignoreres); {use}.</translation>
    </message>
    <message>
        <source>Date field{optional} — the incident's date or date-time, read as the local wall-clock time (a UTC offset is ignored).</source>
        <translation>Datofelt{optional} — hændelsens dato eller dato og klokkeslæt, læst som lokal tid (en UTC-forskydning ignoreres).</translation>
    </message>
    <message>
        <source>Crime incidents{optional} — the incident points.</source>
        <translation>Kriminalitetshændelser{optional} — hændelsernes punkter.</translation>
    </message>
    <message>
        <source>Crime type field — the incident's type, mapped to violence, burglary, theft, drugs, vandalism or harassment; English and Danish names are recognised by default, and every algorithm maps types the same way. Types found in no mapping are counted in crimes_total only and listed in the log with their counts.</source>
        <translation>Felt med kriminalitetstype — hændelsens type, tilknyttet vold, indbrud, tyveri, narkotika, hærværk eller chikane; engelske og danske navne genkendes som standard, og alle algoritmer tilknytter typerne på samme måde. Typer, der ikke findes i nogen tilknytning, tælles kun med i crimes_total og vises i loggen med deres antal.</translation>
    </message>
    <message>
        <source>Crime type mapping (optional) — extra 'source = type' entries separated by ';' or new lines (type 'other' counts in crimes_total only), or the path of a mapping file; the plugin ships resources/crime_type_maps/chicago_primary_type.txt as an example.</source>
        <translation>Tilknytning af kriminalitetstyper (valgfri) — ekstra angivelser 'kilde = type' adskilt af ';' eller linjeskift (typen 'other' tælles kun med i crimes_total), eller stien til en tilknytningsfil; pluginet leveres med resources/crime_type_maps/chicago_primary_type.txt som eksempel.</translation>
    </message>
    <message>
        <source>A date/time field, a date field, or text in one of these forms, recognised without a date format: ISO 8601 (2018-01-31, 2018-01-31T23:30:00); MM/DD/YYYY; DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY — each optionally followed by a time hh:mm[:ss], 24-hour or with AM/PM (01/31/2018 11:30:00 PM). Day or month first is decided from the data: a first number above 12 proves day first, a second number above 12 month first; with no such value, DD.MM.YYYY is read day first, while '/' or '-' dates whose two numbers differ are refused with a request for a date format. If more than 1% of the non-empty dates cannot be read, the run stops and names three of them; fewer are reported and counted without a date.</source>
        <translation>Et dato/tid-felt, et datofelt eller tekst i en af disse former, som genkendes uden datoformat: ISO 8601 (2018-01-31, 2018-01-31T23:30:00); MM/DD/YYYY; DD/MM/YYYY, DD-MM-YYYY eller DD.MM.YYYY — hver eventuelt efterfulgt af et klokkeslæt hh:mm[:ss], 24-timers eller med AM/PM (01/31/2018 11:30:00 PM). Om dag eller måned står først, afgøres ud fra data: et første tal over 12 viser, at dagen står først, et andet tal over 12, at måneden står først; uden en sådan værdi læses DD.MM.YYYY med dagen først, mens datoer med '/' eller '-', hvis to tal er forskellige, afvises med en anmodning om et datoformat. Kan mere end 1 % af de ikke-tomme datoer ikke læses, stopper kørslen og nævner tre af dem; færre rapporteres og tælles uden dato.</translation>
    </message>
    <message>
        <source>Time of day field (optional) — the incident's time of day when the export keeps it in a field of its own: text hh:mm or hh:mm:ss (also with AM/PM), a time field, or a number of minutes since midnight or HHMM (730 = 07:30; which one is decided from the data: a value ending above 59 means minutes, one above 1439 means HHMM; else HHMM, with a warning). It replaces any time in the date field; more than 1% unreadable times stop the run. An incident with a date but no time of day (a date alone, no time field, an empty time) is in no time band: it counts in band_unknown, and hour charts say how many incidents lack a time.</source>
        <translation>Felt med klokkeslæt (valgfri) — hændelsens klokkeslæt, når eksporten har det i et felt for sig: tekst hh:mm eller hh:mm:ss (også med AM/PM), et tidsfelt eller et antal minutter efter midnat eller HHMM (730 = 07:30; hvilket af dem, afgøres ud fra data: en værdi, der ender over 59, betyder minutter, en værdi over 1439 betyder HHMM; ellers HHMM, med en advarsel). Det erstatter et eventuelt klokkeslæt i datofeltet; mere end 1 % klokkeslæt, der ikke kan læses, stopper kørslen. En hændelse med dato, men uden klokkeslæt (kun en dato, intet felt med klokkeslæt, et tomt klokkeslæt), ligger ikke i noget tidsinterval: den tælles i band_unknown, og timediagrammerne viser, hvor mange hændelser der mangler et klokkeslæt.</translation>
    </message>
    <message>
        <source>Date format (advanced, optional) — a strptime format for dates in any other form, or to settle day/month order, e.g. %d/%m/%Y %H:%M or %m/%d/%Y %I:%M:%S %p (Chicago's exports, which are also recognised without it).</source>
        <translation>Datoformat (avanceret, valgfri) — et strptime-format til datoer i enhver anden form eller til at fastlægge rækkefølgen af dag og måned, f.eks. %d/%m/%Y %H:%M eller %m/%d/%Y %I:%M:%S %p (Chicagos eksporter, som også genkendes uden det).</translation>
    </message>
    <message>
        <source>Place (scene) field (optional) — where the incident happened (street, residence, shop…), {use}.</source>
        <translation>Felt med gerningssted (valgfri) — hvor hændelsen skete (gade, bolig, butik …), {use}.</translation>
    </message>
    <message>
        <source>Place (scene) field (optional) — where the incident happened (street, residence, shop…).</source>
        <translation>Felt med gerningssted (valgfri) — hvor hændelsen skete (gade, bolig, butik …).</translation>
    </message>
    <message>
        <source>Period start / Period end (optional) — only incidents in [start, end) count; an end given as a date alone (ISO text such as 2018-01-31) includes that whole day. Incidents without a valid date are left out of a bounded period and reported.</source>
        <translation>Periodens start / Periodens slutning (valgfri) — kun hændelser i [start, slutning) tælles med; en slutning angivet som en dato alene (ISO-tekst som 2018-01-31) omfatter hele den dag. Hændelser uden gyldig dato udelades af en afgrænset periode og rapporteres.</translation>
    </message>
    <message>
        <source>TIME_FIELD &apos;{field}&apos; gives only the time of day: choose DATE_FIELD too, the field of the layer &apos;{layer}&apos; that holds the incidents&apos; dates.</source>
        <translation>TIME_FIELD '{field}' giver kun klokkeslættet: vælg også DATE_FIELD, feltet i laget '{layer}', der indeholder hændelsernes datoer.</translation>
    </message>
    <message>
        <source>{count} crime incidents have no location and are not counted.</source>
        <translation>{count} kriminalitetshændelser har ingen placering og tælles ikke med.</translation>
    </message>
    <message>
        <source>Sectors per district field</source>
        <translation>Felt med antal sektorer pr. distrikt</translation>
    </message>
    <message>
        <source>District {district}: &apos;{field}&apos; holds {value}, not a whole number of sectors of at least 1.</source>
        <translation>Distrikt {district}: '{field}' indeholder {value}, ikke et helt antal sektorer på mindst 1.</translation>
    </message>
    <message>
        <source>{parameter}: the field &apos;{field}&apos; of &apos;{layer}&apos; is not numeric; choose a field holding numbers.</source>
        <translation>{parameter}: feltet '{field}' i '{layer}' er ikke numerisk; vælg et felt med tal.</translation>
    </message>
    <message>
        <source>{parameter}: field '{field}' of the layer '{layer}' is not numeric — feature {feature} has '{value}'. Choose a field holding numbers.</source>
        <translation>{parameter}: feltet '{field}' i laget '{layer}' er ikke numerisk — objekt {feature} har '{value}'. Vælg et felt med tal.</translation>
    </message>
    <message>
        <source>Give both COMPARE_START and COMPARE_END for a comparison period (or neither).</source>
        <translation>Angiv både COMPARE_START og COMPARE_END for en sammenligningsperiode (eller ingen af dem).</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>{parameter}: &apos;{value}&apos; is not an option; give one of {options} (or its number, 0 to {last}).</source>
        <translation>{parameter}: '{value}' er ikke en mulighed; angiv en af {options} (eller dens nummer, 0 til {last}).</translation>
    </message>
    <message>
        <source>Language — {languages}: the texts in Danish and English (default {language}, Danish first), in English or Danish only, or English first.
Emergency number — the number printed as 'In an emergency call …' (default {emergency}; e.g. 911 or 999).
General number (advanced) — the police's non-emergency number, where a text points to it (default {general}, Denmark's).
</source>
        <translation>Sprog — {languages}: teksterne på dansk og engelsk (standard {language}, dansk først), kun på engelsk eller dansk, eller engelsk først.
Alarmnummer — nummeret, der trykkes som 'Ved akut behov ring …' (standard {emergency}; f.eks. 911 eller 999).
Almindeligt nummer (avanceret) — politiets almindelige nummer, når det ikke haster, hvor en tekst henviser til det (standard {general}, Danmarks).
</translation>
    </message>
    <message>
        <source>WEB_MAP_URL &apos;{url}&apos; is not a web address: give the https:// address of the web map, or leave it empty for vCard QR codes.</source>
        <translation>WEB_MAP_URL '{url}' er ikke en webadresse: angiv webkortets https://-adresse, eller lad den stå tom for QR-koder med vCard.</translation>
    </message>
    <message>
        <source>{what} need the Python package segno for their QR codes: install it (e.g. python3 -m pip install segno, or the OSGeo4W shell&apos;s pip on Windows) and run again.</source>
        <translation>{what} kræver Python-pakken segno til QR-koderne: installér den (f.eks. python3 -m pip install segno eller med pip i OSGeo4W-skallen på Windows), og kør igen.</translation>
    </message>
    <message>
        <source>A sector valid in its own CRS but not once projected to the working CRS (a ring that comes close to one of its long edges) is repaired there and named in the log; a sector invalid in its own CRS is refused (run Fix geometries first). Overlaps of at most {area:g} m², or {share:g} of the larger sector's area when that is more, are floating-point noise and are not reported; every YPO algorithm names an overlap by the same pair of sectors, in natural id order.</source>
        <translation>En sektor, der er gyldig i sit eget CRS, men ikke efter projektion til arbejds-CRS'et (en ring, der kommer tæt på en af sine lange kanter), repareres dér og nævnes i loggen; en sektor, der er ugyldig i sit eget CRS, afvises (kør Fix geometries (Ret geometrier) først). Overlap på højst {area:g} m², eller {share:g} af den største sektors areal, når det er mere, er afrundingsstøj og rapporteres ikke; alle YPO-algoritmer nævner et overlap ved det samme par sektorer i naturlig id-rækkefølge.</translation>
    </message>
    <message>
        <source>Computing in {crs} (the sectors&apos; CRS {own} is not metric).</source>
        <translation>Beregner i {crs} (sektorernes CRS {own} er ikke metrisk).</translation>
    </message>
    <message>
        <source>SECTORS ({layer}) has no features; give a polygon layer with at least one sector.</source>
        <translation>SECTORS ({layer}) har ingen objekter; angiv et polygonlag med mindst én sektor.</translation>
    </message>
    <message>
        <source>SECTORS: feature {feature} has no {field} value; give every sector an id (SECTOR_ID_FIELD = {field}).</source>
        <translation>SECTORS: objekt {feature} har ingen værdi i {field}; giv hver sektor et id (SECTOR_ID_FIELD = {field}).</translation>
    </message>
    <message>
        <source>SECTORS: sector &apos;{sector}&apos; (feature {feature})</source>
        <translation>SECTORS: sektor '{sector}' (objekt {feature})</translation>
    </message>
    <message>
        <source>SECTORS: sector id &apos;{sector}&apos; occurs in {count} features; they are dissolved into one multi-part sector{note}{repaired}.</source>
        <translation>SECTORS: sektor-id '{sector}' forekommer i {count} objekter; de opløses til én flerdelt sektor{note}{repaired}.</translation>
    </message>
    <message>
        <source> (the invalid features {features} were repaired first)</source>
        <translation> (de ugyldige objekter {features} blev repareret først)</translation>
    </message>
    <message>
        <source> (the first feature&apos;s attributes are kept)</source>
        <translation> (det første objekts attributter beholdes)</translation>
    </message>
    <message>
        <source>SECTORS field &apos;{field}&apos; is replaced by the computed {computed}.</source>
        <translation>SECTORS-feltet '{field}' erstattes af det beregnede {computed}.</translation>
    </message>
    <message>
        <source>SECTORS ({layer}) has no features; give the sector polygons.</source>
        <translation>SECTORS ({layer}) har ingen objekter; angiv sektorpolygonerne.</translation>
    </message>
    <message>
        <source>SECTORS has no field {fields}: shown as '–'. Run Compute sector manning on the sectors for the full key figures.</source>
        <translation>SECTORS har intet felt {fields}: vises som '–'. Kør Beregn sektorbemanding (Compute sector manning) på sektorerne for at få alle nøgletal.</translation>
    </message>
    <message>
        <source>SECTORS has no field {fields}: shown as '{placeholder}' or '–'. Add the officers' contact details (e.g. with the Field calculator) before publishing.</source>
        <translation>SECTORS mangler {fields}: vises som '{placeholder}' eller '–'. Tilføj betjentenes kontaktoplysninger (f.eks. med Feltberegneren), før der udgives.</translation>
    </message>
    <message>
        <source>{count} sectors have no officer_name: shown as &apos;{placeholder}&apos;.</source>
        <translation>{count} sektorer har intet officer_name: vises som '{placeholder}'.</translation>
    </message>
    <message>
        <source>DISTRICTS has no features; give district polygons with staff.</source>
        <translation>DISTRICTS har ingen objekter; angiv distriktspolygoner med bemanding.</translation>
    </message>
    <message>
        <source>Streets (optional) — street lines, drawn lightly under the sector boundaries and simplified to the map's scale, the {count} longest streets named (lines without a name are left out); any CRS. Street name field — their name (default name).
</source>
        <translation>Gader (valgfri) — gadelinjer, tegnet svagt under sektorgrænserne og forenklet til kortets målestok, hvor de {count} længste gader får navn (linjer uden navn udelades); ethvert CRS. Felt med gadenavn — deres navn (standard name).
</translation>
    </message>
    <message>
        <source>{parameter}: the layer &apos;Streets&apos; ({layer}) is not a line layer ({kind}); give the street lines, or leave Streets out.</source>
        <translation>{parameter}: laget 'Gader' ({layer}) er ikke et linjelag ({kind}); angiv gadelinjerne, eller udelad Gader.</translation>
    </message>
    <message>
        <source>AREAS ({layer}) has no features; give the polygons of the index areas.</source>
        <translation>AREAS ({layer}) har ingen objekter; angiv polygonerne for indeksområderne.</translation>
    </message>
    <message>
        <source>AREAS: feature {feature} has no {field} value; give every area an id (AREA_ID_FIELD = {field}).</source>
        <translation>AREAS: objekt {feature} har ingen værdi i {field}; giv hvert område et id (AREA_ID_FIELD = {field}).</translation>
    </message>
    <message>
        <source>{parameter} ({layer}) has no point geometries: choose SURVEY_AREA_FIELD, the field holding each respondent&apos;s area id, or give the respondents as points.</source>
        <translation>{parameter} ({layer}) har ingen punktgeometrier: vælg SURVEY_AREA_FIELD, feltet med hver respondents område-id, eller angiv respondenterne som punkter.</translation>
    </message>
    <message>
        <source>Quarter start / Quarter end (optional) — the quarter assessed, its end day included; give both or neither. Default: the last full calendar quarter in the data (the latest quarter whose first and last day lie within the incidents' days).
Comparison start / Comparison end (optional) — the period compared with, its end day included; give both or neither; it must not overlap the quarter. Default: see Compare with.
Compare with — quarter_before (default) or year_before (the same quarter a year earlier, which leaves out the season); used when no comparison period is given.
</source>
        <translation>Kvartalets start / Kvartalets slutning (valgfri) — det kvartal, der vurderes, inklusive slutdagen; angiv begge eller ingen af dem. Standard: det seneste hele kalenderkvartal i data (det seneste kvartal, hvis første og sidste dag ligger inden for hændelsernes dage).
Sammenligningsperiodens start / Sammenligningsperiodens slutning (valgfri) — den periode, der sammenlignes med, inklusive slutdagen; angiv begge eller ingen af dem; den må ikke overlappe kvartalet. Standard: se Sammenlign med.
Sammenlign med — quarter_before (standard) eller year_before (samme kvartal et år tidligere, så sæsonen ikke spiller ind); bruges, når der ikke er angivet en sammenligningsperiode.
</translation>
    </message>
    <message>
        <source>Gang field (optional) — a yes/no field of the incidents marking gang-related ones: a boolean, a number (0 = no) or text; {yes} mean yes, {no} and empty mean no (case and surrounding spaces ignored); any other text stops the run and is named. Without it gang_now and gang_before are 0 and the report says gang-related incidents were not assessed.
</source>
        <translation>Felt for banderelation (valgfri) — et ja/nej-felt i hændelserne, der markerer de banderelaterede: en boolesk værdi, et tal (0 = nej) eller tekst; {yes} betyder ja, {no} og tom betyder nej (der ses bort fra store og små bogstaver og omgivende mellemrum); al anden tekst stopper kørslen og nævnes. Uden feltet er gang_now og gang_before 0, og rapporten oplyser, at banderelaterede hændelser ikke er vurderet.
</translation>
    </message>
    <message>
        <source>Quarter start</source>
        <translation>Kvartalets start</translation>
    </message>
    <message>
        <source>Quarter end</source>
        <translation>Kvartalets slutning</translation>
    </message>
    <message>
        <source>Comparison start</source>
        <translation>Sammenligningsperiodens start</translation>
    </message>
    <message>
        <source>Comparison end</source>
        <translation>Sammenligningsperiodens slutning</translation>
    </message>
    <message>
        <source>the last full quarter in the data</source>
        <translation>det seneste hele kvartal i data</translation>
    </message>
    <message>
        <source>then {parameter} decides</source>
        <translation>så afgør {parameter} det</translation>
    </message>
    <message>
        <source>Give both {start} and {end}, or neither ({default}).</source>
        <translation>Angiv både {start} og {end} eller ingen af dem ({default}).</translation>
    </message>
    <message>
        <source>Sectors {sectors} were repaired to be valid in {crs} and in {working_crs}.</source>
        <translation>Sektorerne {sectors} blev repareret, så de er gyldige i {crs} og i {working_crs}.</translation>
    </message>
    <message>
        <source>Exposed housing areas</source>
        <translation>Udsatte boligområder</translation>
    </message>
    <message>
        <source>Population weight</source>
        <translation>Vægt for befolkning</translation>
    </message>
    <message>
        <source>Exposed areas weight</source>
        <translation>Vægt for udsatte boligområder</translation>
    </message>
    <message>
        <source>The sector leaflets could not be prepared (atlas error).</source>
        <translation>Sektorfolderne kunne ikke forberedes (atlasfejl).</translation>
    </message>
    <message>
        <source>The layout template {path} is missing or unreadable; reinstall the plugin.</source>
        <translation>Layoutskabelonen {path} mangler eller kan ikke læses; geninstallér pluginet.</translation>
    </message>
    <message>
        <source>The layout template {path} could not be loaded; reinstall the plugin.</source>
        <translation>Layoutskabelonen {path} kunne ikke indlæses; geninstallér pluginet.</translation>
    </message>
    <message>
        <source>The layout &apos;{layout}&apos; has no item with id &apos;{item}&apos;; the template is damaged, reinstall the plugin.</source>
        <translation>Layoutet '{layout}' har intet element med id '{item}'; skabelonen er beskadiget, geninstallér pluginet.</translation>
    </message>
    <message>
        <source>Could not write {path}: is the folder writable?</source>
        <translation>Kunne ikke skrive {path}: er der skriveadgang til mappen?</translation>
    </message>
    <message>
        <source>Could not write {path} (QGIS layout export error {result}).</source>
        <translation>Kunne ikke skrive {path} (fejl {result} ved QGIS-layouteksport).</translation>
    </message>
    <message>
        <source>GRID ({layer}) has no field &apos;crimes_total&apos;; give the cells written by Crime grid.</source>
        <translation>GRID ({layer}) har intet felt 'crimes_total'; angiv cellerne, som Kriminalitetsgitter (Crime grid) har skrevet.</translation>
    </message>
    <message>
        <source>Writing {count} pages…</source>
        <translation>Skriver {count} sider…</translation>
    </message>
    <message>
        <source>The sector pages could not be prepared (atlas error).</source>
        <translation>Sektorsiderne kunne ikke forberedes (atlasfejl).</translation>
    </message>
    <message>
        <source>Style &apos;{style}&apos; could not be loaded: {error}</source>
        <translation>Stilen '{style}' kunne ikke indlæses: {error}</translation>
    </message>
    <message>
        <source>Style &apos;{style}&apos; could not be stored in {uri}: {error}</source>
        <translation>Stilen '{style}' kunne ikke gemmes i {uri}: {error}</translation>
    </message>
    <message>
        <source>The old style &apos;{style}&apos; in {source} could not be replaced: {error}</source>
        <translation>Den gamle stil '{style}' i {source} kunne ikke erstattes: {error}</translation>
    </message>
    <message>
        <source>Could not create layer &apos;{layer}&apos; in {path}: {error}{hint}</source>
        <translation>Kunne ikke oprette laget '{layer}' i {path}: {error}{hint}</translation>
    </message>
    <message>
        <source>layer &apos;{layer}&apos; in {path}</source>
        <translation>laget '{layer}' i {path}</translation>
    </message>
    <message>
        <source>Points cannot be transformed from {crs} to {target} ({error}); check the layer&apos;s CRS.</source>
        <translation>Punkterne kan ikke transformeres fra {crs} til {target} ({error}); kontrollér lagets CRS.</translation>
    </message>
    <message>
        <source>The layer has no field &apos;{field}&apos;.</source>
        <translation>Laget har intet felt '{field}'.</translation>
    </message>
    <message>
        <source>Cannot write mixed geometry types {types} to one layer.</source>
        <translation>Kan ikke skrive blandede geometrityper {types} til ét lag.</translation>
    </message>
    <message>
        <source>Could not write feature {number} to {destination}: {error}</source>
        <translation>Kunne ikke skrive objekt {number} til {destination}: {error}</translation>
    </message>
    <message>
        <source>Feature {number} cannot be transformed to {crs}: {error}</source>
        <translation>Objekt {number} kan ikke transformeres til {crs}: {error}</translation>
    </message>
    <message>
        <source>Added the empty fields {fields} to the sectors; fill them in the sector form.</source>
        <translation>Tilføjede de tomme felter {fields} til sektorerne; udfyld dem i sektorformularen.</translation>
    </message>
    <message>
        <source>OUTPUT_FOLDER: cannot create {folder} ({problem}); choose a folder you can write to.</source>
        <translation>OUTPUT_FOLDER: kan ikke oprette {folder} ({problem}); vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <source>OUTPUT_FOLDER: {folder} is not writable; choose a folder you can write to.</source>
        <translation>OUTPUT_FOLDER: der kan ikke skrives i {folder}; vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <source>OUTPUT_FOLDER: {folder} already holds a workspace ({files}); its sector log would be lost. Choose another folder, or set REPLACE (Replace an existing workspace) to overwrite it.</source>
        <translation>OUTPUT_FOLDER: {folder} indeholder allerede et arbejdsområde ({files}); dets sektorlog ville gå tabt. Vælg en anden mappe, eller sæt REPLACE (Erstat et eksisterende arbejdsområde) for at overskrive det.</translation>
    </message>
    <message>
        <source>The public sector style could not be loaded ({problem}); reinstall the plugin.</source>
        <translation>Den offentlige sektorstil kunne ikke indlæses ({problem}); geninstallér pluginet.</translation>
    </message>
    <message>
        <source>Writes the sector officers' business cards as a print-ready PDF: 85 × 55 mm cards, ten to an A4 sheet (two columns of five, butted together) with crop marks in the margins at every cut line. Each card: 'Your local police officer', the officer's name, the sector, phone, e-mail, what to call in an emergency, and a QR code — the officer's contact as a vCard, or, with a web map address, the web map opened at the sector (address#sector-id). One card per sector with an officer_name, in sector id order; sectors without one are named in the log.

Only the public fields are read (sector_id, sector_name, district and the officer fields); the PDF holds nothing else.

Parameters:
Sectors — the sectors with sector_id and the officer fields (officer_name, officer_phone, officer_email). Any CRS.
Web map address (optional) — the address where the station publishes its web map (Export public web map), e.g. https://politi.example/sektorer.html.
{text_help}Business cards — the PDF file to write.

Results: CARD_COUNT and PAGE_COUNT.</source>
        <translation>Skriver sektorbetjentenes visitkort som en trykklar PDF: visitkort på 85 × 55 mm, ti på et A4-ark (to kolonner med fem, kant i kant) med skæremærker i margenen ud for hver skærelinje. Hvert kort: 'Din nærpolitibetjent', betjentens navn, sektoren, telefon, e-mail, hvad man ringer til i en nødsituation, og en QR-kode — betjentens kontaktoplysninger som vCard eller, med en webkortadresse, webkortet åbnet ved sektoren (adresse#sektor-id). Ét kort pr. sektor med et officer_name, i rækkefølge efter sektor-id; sektorer uden et navn nævnes i loggen.

Kun de offentlige felter læses (sector_id, sector_name, district og betjentfelterne); PDF'en indeholder intet andet.

Parametre:
Sektorer — sektorerne med sector_id og betjentfelterne (officer_name, officer_phone, officer_email). Ethvert CRS.
Webkortadresse (valgfri) — adressen, hvor stationen udgiver sit webkort (Eksportér offentligt webkort), f.eks. https://politi.example/sektorer.html.
{text_help}Visitkort — den PDF-fil, der skal skrives.

Resultater: CARD_COUNT og PAGE_COUNT.</translation>
    </message>
    <message>
        <source>No card for the sectors without an officer_name: {sectors}.</source>
        <translation>Intet visitkort til sektorerne uden et officer_name: {sectors}.</translation>
    </message>
    <message>
        <source>SECTORS: no sector has an officer_name; add the officers&apos; names before printing cards.</source>
        <translation>SECTORS: ingen sektor har et officer_name; tilføj betjentenes navne, før der udskrives visitkort.</translation>
    </message>
    <message>
        <source>Wrote {path}: {cards} cards on {pages} pages.</source>
        <translation>Skrev {path}: {cards} visitkort på {pages} sider.</translation>
    </message>
    <message>
        <source>WORKSPACE: {path} could not be read ({problem}); give the workspace.qgz written by Create sector workspace.</source>
        <translation>WORKSPACE: {path} kunne ikke læses ({problem}); angiv den workspace.qgz, som Opret sektorarbejdsområde har skrevet.</translation>
    </message>
    <message>
        <source>not a QGIS project</source>
        <translation>ikke et QGIS-projekt</translation>
    </message>
    <message>
        <source>The handover report could not be prepared (atlas error).</source>
        <translation>Overdragelsesrapporten kunne ikke forberedes (atlasfejl).</translation>
    </message>
    <message>
        <source>WORKSPACE: the sectors table of {path} is empty; add the sectors before writing a report.</source>
        <translation>WORKSPACE: sektortabellen i {path} er tom; tilføj sektorerne, før der skrives en rapport.</translation>
    </message>
    <message>
        <source>Wrote {path} ({pages} pages).</source>
        <translation>Skrev {path} ({pages} sider).</translation>
    </message>
    <message>
        <source>SECTOR_ID: the workspace has no sector &apos;{sector}&apos;; choose one of {sectors}, or leave it empty for every sector.</source>
        <translation>SECTOR_ID: arbejdsområdet har ingen sektor '{sector}'; vælg en af {sectors}, eller lad den stå tom for alle sektorer.</translation>
    </message>
    <message>
        <source>SECTORS ({layer}) has no valid coordinate reference system: set its CRS (Layer Properties ▸ Source) and run again.</source>
        <translation>SECTORS ({layer}) har intet gyldigt koordinatsystem: angiv dets CRS (Lagegenskaber ▸ Kilde) og kør igen.</translation>
    </message>
    <message>
        <source>Writes one self-contained HTML page where citizens find their sector and its responsible officer: the sector boundaries and names are drawn on a plain background; clicking a sector, choosing it from a list, or entering the coordinates (latitude, longitude) of an address shows the officer's name, phone (a tel: link) and e-mail (a mailto: link), and the emergency number. Texts in Danish and English (a button switches) or in one language; usable on a phone.

With an address layer the page searches addresses instead: one search box suggests streets and addresses after two letters, ignoring case, spacing and Danish letters (søndre allé = Sondre Alle = Soendre Alle), with house numbers such as 12B; a postcode lists the sectors it touches, a street without a number its sectors; Enter takes the first suggestion. The answer is the sector's officer card and the map zoomed to the sector with the address marked; an address in no sector says so and gives the emergency and general numbers. Coordinates typed into the box still work. The addresses are stored in the page in a compact form (street, house number, postcode, sector and a position to about a metre) and searched in the browser: nothing leaves the page.

The page needs no network: its script, style and data are inlined, and its Content-Security-Policy forbids any request, so it can be opened from a file, an intranet or any web server. No map tiles.

Only the public fields are written: sector_id, sector_name, district, officer_name, officer_phone, officer_email and the boundary (in longitude/latitude, 6 decimals). Every other field of the layer is ignored, whatever its name; missing officer fields show as 'Officer to be announced'. The same sectors give the same file.

Parameters:
Sectors — the sector polygons with sector_id (required, unique), sector_name, district and the officer fields (optional). Any CRS.
Title — the page title (default: 'Find your local police officer' in the page's languages).
{street_help}Addresses (optional) — address points; any CRS. Street field (default street), House number field (default house_number), Postcode field and City field (optional; default postcode and city when the layer has them). Addresses without a street, a house number such as 12 or 12B, or a position are left out and counted in the log.
{text_help}Web page — the .html file to write.

Results: SECTOR_COUNT, the number of sectors on the page; ADDRESS_COUNT and ADDRESSES_OUTSIDE, the addresses searchable on the page and those of them in no sector.</source>
        <translation>Skriver én selvstændig HTML-side, hvor borgerne finder deres sektor og dens ansvarlige betjent: sektorgrænserne og -navnene tegnes på en neutral baggrund; et klik på en sektor, et valg på en liste eller en adresses koordinater (breddegrad, længdegrad) viser betjentens navn, telefon (et tel:-link) og e-mail (et mailto:-link) samt alarmnummeret. Tekster på dansk og engelsk (en knap skifter) eller på ét sprog; kan bruges på en telefon.

Med et adresselag søger siden i stedet efter adresser: ét søgefelt foreslår gader og adresser efter to bogstaver og ser bort fra store og små bogstaver, mellemrum og danske bogstaver (søndre allé = Sondre Alle = Soendre Alle), med husnumre som 12B; et postnummer viser de sektorer, det berører, en gade uden nummer dens sektorer; Enter vælger det første forslag. Svaret er sektorens betjentkort og kortet zoomet ind på sektoren med adressen markeret; en adresse uden for alle sektorer siger det og giver alarmnummeret og det almindelige nummer. Koordinater skrevet i feltet virker stadig. Adresserne gemmes i siden i kompakt form (gade, husnummer, postnummer, sektor og en position med omkring en meters nøjagtighed) og søges i browseren: intet forlader siden.

Siden kræver intet netværk: dens script, stil og data er indlejret, og dens Content-Security-Policy forbyder enhver forespørgsel, så den kan åbnes fra en fil, et intranet eller en hvilken som helst webserver. Ingen kortfliser.

Kun de offentlige felter skrives: sector_id, sector_name, district, officer_name, officer_phone, officer_email og grænsen (i længdegrad/breddegrad, 6 decimaler). Alle andre felter i laget ignoreres, uanset navn; manglende betjentfelter vises som 'Betjent følger'. De samme sektorer giver den samme fil.

Parametre:
Sektorer — sektorpolygonerne med sector_id (påkrævet, entydig), sector_name, district og betjentfelterne (valgfri). Ethvert CRS.
Titel — sidens titel (standard: 'Find din nærpolitibetjent' på sidens sprog).
{street_help}Adresser (valgfri) — adressepunkter; ethvert CRS. Gadefelt (standard street), Husnummerfelt (standard house_number), Postnummerfelt og Byfelt (valgfri; standard postcode og city, når laget har dem). Adresser uden gade, uden et husnummer som 12 eller 12B eller uden position udelades og tælles i loggen.
{text_help}Webside — den .html-fil, der skal skrives.

Resultater: SECTOR_COUNT, antallet af sektorer på siden; ADDRESS_COUNT og ADDRESSES_OUTSIDE, de adresser, der kan søges på siden, og de af dem, der ikke ligger i nogen sektor.</translation>
    </message>
    <message>
        <source>Street field</source>
        <translation>Gadefelt</translation>
    </message>
    <message>
        <source>House number field</source>
        <translation>Husnummerfelt</translation>
    </message>
    <message>
        <source>Postcode field</source>
        <translation>Postnummerfelt</translation>
    </message>
    <message>
        <source>City field</source>
        <translation>Byfelt</translation>
    </message>
    <message>
        <source>Give OUTPUT: the .html file to write.</source>
        <translation>Angiv OUTPUT: den .html-fil, der skal skrives.</translation>
    </message>
    <message>
        <source>Wrote {path}: {sectors} sectors, {size:,} bytes, no network needed.</source>
        <translation>Skrev {path}: {sectors} sektorer, {size:,} byte, kræver intet netværk.</translation>
    </message>
    <message>
        <source>ADDRESSES ({layer}): {error}</source>
        <translation>ADDRESSES ({layer}): {error}</translation>
    </message>
    <message>
        <source>ADDRESSES: {count} addresses without a street, a house number such as 12 or 12B, or a position are left out of the search.</source>
        <translation>ADDRESSES: {count} adresser uden gade, uden et husnummer som 12 eller 12B eller uden position er udeladt af søgningen.</translation>
    </message>
    <message>
        <source>ADDRESSES: {count} addresses lie in no sector; the page says so when one is found.</source>
        <translation>ADDRESSES: {count} adresser ligger ikke i nogen sektor; siden siger det, når en af dem findes.</translation>
    </message>
    <message>
        <source>Writes a leaflet per sector for citizens, one A5 page each in one PDF: the sector on a map with its streets and neighbours, 'Your local police officer' with the officer's name, phone and e-mail, what the local police officer offers (an editable text), when to call the emergency number and when the general number, and the QR code of the business cards (the officer's vCard, or the web map opened at the sector). Only the public fields are read; the PDF holds nothing else.

Parameters:
Sectors — the sectors with sector_id, sector_name and the officer fields. Any CRS.
{street_help}Offer text (optional) — what the local police officer offers, in the leaflet's own words (default: a short text in the leaflet's languages).
Web map address (optional) — as for Business cards: the QR code opens the web map at the sector.
{text_help}Sector leaflets — the PDF file to write.

Result: PAGE_COUNT, one page per sector.</source>
        <translation>Skriver en folder pr. sektor til borgerne, én A5-side hver i én PDF: sektoren på et kort med dens gader og naboer, 'Din nærpolitibetjent' med betjentens navn, telefon og e-mail, hvad nærpolitibetjenten tilbyder (en tekst, der kan redigeres), hvornår man skal ringe til alarmnummeret, og hvornår til det almindelige nummer, samt visitkortenes QR-kode (betjentens vCard eller webkortet åbnet ved sektoren). Kun de offentlige felter læses; PDF'en indeholder intet andet.

Parametre:
Sektorer — sektorerne med sector_id, sector_name og betjentfelterne. Ethvert CRS.
{street_help}Tilbudstekst (valgfri) — hvad nærpolitibetjenten tilbyder, med folderens egne ord (standard: en kort tekst på folderens sprog).
Webkortadresse (valgfri) — som for Visitkort: QR-koden åbner webkortet ved sektoren.
{text_help}Sektorfoldere — den PDF-fil, der skal skrives.

Resultat: PAGE_COUNT, én side pr. sektor.</translation>
    </message>
    <message>
        <source>Writing {count} leaflets…</source>
        <translation>Skriver {count} foldere…</translation>
    </message>
    <message>
        <source>Wrote {path}: {pages} leaflets.</source>
        <translation>Skrev {path}: {pages} foldere.</translation>
    </message>
    <message>
        <source>Writes publication-ready sector maps from the print-layout templates in the plugin's styles folder: an overview page and, with Atlas, one page per sector after it. Texts are in Danish and English or in one of them (Language); north arrow, scale bar, date and sources on every page.

The overview lists every sector in a table, continued on further pages when the plan is long. On its map every sector is labelled: with its name and figures where they fit, else with its id or name, else with its number in the table (column 'Nr. / No.').

Internal maps (marked 'INTERNT · INTERNAL'): the overview shows the sectors coloured by manning factor with name, population and officers, the districts, the crime grid when given, a legend and a sector table; each sector page shows the sector with its grid cells and incidents, crimes by hour and weekday and by type (from Crime incidents), key figures (population, area, crimes, need, factor, officers) and the neighbouring sectors.

Public maps contain only sector_id, sector_name, district, officer_name, officer_phone, officer_email and the boundaries: an allow-list. No other field of the layer, no crime incidents and no grid ever reach a public page, and the files carry no metadata but the title. The overview lists every sector's officer with phone and e-mail; each sector page shows the sector and a contact card with the emergency number. A missing officer is shown as 'Officer to be announced'.

Parameters:
Sectors — the sector polygons with sector_id (required, unique), sector_name, district, the officer fields and, for internal maps, the fields of Compute sector manning. Any CRS; maps are drawn in the sectors' CRS when it is metric, else in its UTM zone.
The crime incidents are for internal maps only: drawn and counted on the sector pages; the period is printed on the pages (without one, the dates of the data).
{crime_help}Crime grid (optional, internal only) — cells from Crime grid, drawn as a heat map; without it, a 250 m grid is computed from the incidents.
{street_help}Streets are public: drawn on internal and public maps alike, under the sectors' labels.
Audience — public (default) or internal.
Format — pdf (one file: overview and sector pages), png or svg (one file per page).
Atlas — one page per sector after the overview (default yes).
Title — printed on the pages (a default for each audience).
Paper — A4 or A3 landscape.
{text_help}DPI — resolution of PNG pages and of raster parts of PDF/SVG (default {dpi}).
Output folder — where the files are written: &lt;audience&gt;_sector_maps.pdf, or &lt;audience&gt;_overview.&lt;format&gt; (and _2, _3… for the table's further pages) and &lt;audience&gt;_sector_&lt;sector_id&gt;.&lt;format&gt;.

Results: FILES (the files written, separated by ';'), FILE_COUNT and PAGE_COUNT.</source>
        <translation>Skriver sektorkort klar til udgivelse ud fra layoutskabelonerne i pluginets styles-mappe: en oversigtsside og, med Atlas, én side pr. sektor efter den. Teksterne er på dansk og engelsk eller på ét af sprogene (Sprog); nordpil, målestok, dato og kilder på hver side.

Oversigten viser alle sektorer i en tabel, der fortsætter på flere sider, når planen er lang. På oversigtens kort får hver sektor en etiket: med navn og tal, hvor de er plads til, ellers med id eller navn, ellers med sit nummer i tabellen (kolonnen 'Nr. / No.').

Interne kort (mærket 'INTERNT · INTERNAL'): oversigten viser sektorerne farvet efter bemandingsfaktor med navn, befolkning og betjente, distrikterne, kriminalitetsgitteret, når det er angivet, en signaturforklaring og en sektortabel; hver sektorside viser sektoren med dens gitterceller og hændelser, kriminalitet pr. time og ugedag og pr. type (fra Kriminalitetshændelser), nøgletal (befolkning, areal, kriminalitet, behov, faktor, betjente) og nabosektorerne.

Offentlige kort indeholder kun sector_id, sector_name, district, officer_name, officer_phone, officer_email og grænserne: en positivliste. Intet andet felt fra laget, ingen kriminalitetshændelser og intet gitter kommer nogensinde på en offentlig side, og filerne har ingen metadata ud over titlen. Oversigten viser hver sektors betjent med telefon og e-mail; hver sektorside viser sektoren og et kontaktkort med alarmnummeret. En manglende betjent vises som 'Betjent følger'.

Parametre:
Sektorer — sektorpolygonerne med sector_id (påkrævet, entydig), sector_name, district, betjentfelterne og, til interne kort, felterne fra Beregn sektorbemanding. Ethvert CRS; kortene tegnes i sektorernes CRS, når det er metrisk, ellers i dets UTM-zone.
Kriminalitetshændelserne bruges kun på interne kort: de tegnes og tælles på sektorsiderne; perioden trykkes på siderne (uden en periode datoerne i data).
{crime_help}Kriminalitetsgitter (valgfri, kun internt) — celler fra Kriminalitetsgitter, tegnet som et varmekort; uden det beregnes et gitter på 250 m ud fra hændelserne.
{street_help}Gaderne er offentlige: de tegnes på både interne og offentlige kort, under sektorernes etiketter.
Målgruppe — public (offentlig, standard) eller internal (intern).
Format — pdf (én fil: oversigt og sektorsider), png eller svg (én fil pr. side).
Atlas — én side pr. sektor efter oversigten (standard ja).
Titel — trykkes på siderne (en standardtitel for hver målgruppe).
Papir — A4 eller A3 liggende.
{text_help}DPI — opløsningen af PNG-sider og af rasterdele i PDF/SVG (standard {dpi}).
Outputmappe — hvor filerne skrives: &lt;audience&gt;_sector_maps.pdf, eller &lt;audience&gt;_overview.&lt;format&gt; (og _2, _3… for tabellens yderligere sider) og &lt;audience&gt;_sector_&lt;sector_id&gt;.&lt;format&gt;.

Resultater: FILES (de skrevne filer, adskilt af ';'), FILE_COUNT og PAGE_COUNT.</translation>
    </message>
    <message>
        <source>it gives the charts by hour and weekday</source>
        <translation>den giver diagrammerne pr. time og ugedag</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>{parameter} is never drawn on public maps; it is ignored.</source>
        <translation>{parameter} tegnes aldrig på offentlige kort; den ignoreres.</translation>
    </message>
    <message>
        <source>Wrote {files} files ({pages} pages) to {folder}.</source>
        <translation>Skrev {files} filer ({pages} sider) til {folder}.</translation>
    </message>
    <message>
        <source>Full sector plan</source>
        <translation>Fuld sektorplan</translation>
    </message>
    <message>
        <source>Quarterly review</source>
        <translation>Kvartalsgennemgang</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modeller</translation>
    </message>
    <message>
        <source>Split districts into sectors, man them, grid their crime, validate the plan and print internal maps, in one run.</source>
        <translation>Opdel distrikter i sektorer, bemand dem, læg kriminaliteten i gitter, validér planen og udskriv interne kort i én kørsel.</translation>
    </message>
    <message>
        <source>The whole YPO planning chain in one run: Split into sectors → Compute sector manning (on the new sectors) → Crime grid → Validate sectors → Export sector maps (internal atlas, PDF).

Use it on the sample district (Create sample district) or on your own base units, districts, crime incidents and exposed housing areas. Outputs: the sectors and the units with their sector, the sector manning (and an HTML summary), the crime grid, the validation errors and the internal maps. The new sectors have no officers yet: add officer_name, officer_phone and officer_email (e.g. with the Field calculator) before publishing public maps.

Batch mode: run the model over several districts layers, periods or seeds, one row each, each row with its own output files and folder.</source>
        <translation>Hele YPO-planlægningskæden i én kørsel: Opdel i sektorer → Beregn sektorbemanding (på de nye sektorer) → Kriminalitetsgitter → Validér sektorer → Eksportér sektorkort (internt atlas, PDF).

Brug den på eksempeldistriktet (Opret eksempeldistrikt) eller på dine egne grundenheder, distrikter, kriminalitetshændelser og udsatte boligområder. Output: sektorerne og grundenhederne med deres sektor, sektorbemandingen (og en HTML-oversigt), kriminalitetsgitteret, valideringsfejlene og de interne kort. De nye sektorer har endnu ingen betjente: tilføj officer_name, officer_phone og officer_email (f.eks. med Feltberegneren), før der udgives offentlige kort.

Batchtilstand: kør modellen over flere distriktslag, perioder eller startværdier, én række hver, hver række med sine egne outputfiler og sin egen mappe.</translation>
    </message>
    <message>
        <source>Optional: lines no sector should cross (railways, motorways, water).</source>
        <translation>Valgfri: linjer, som ingen sektor bør krydse (jernbaner, motorveje, vand).</translation>
    </message>
    <message>
        <source>The crime incident points: they count in the sectors&apos; crime, the grid and the maps.</source>
        <translation>Kriminalitetshændelsernes punkter: de tæller med i sektorernes kriminalitet, i gitteret og på kortene.</translation>
    </message>
    <message>
        <source>The incident&apos;s type (violence, burglary, theft, drugs, vandalism, harassment; English and Danish names are recognised). Default crime_type.</source>
        <translation>Hændelsens type (vold, indbrud, tyveri, narkotika, hærværk, chikane; engelske og danske navne genkendes). Standard crime_type.</translation>
    </message>
    <message>
        <source>Optional: extra &apos;source = type&apos; entries for the crime type field, separated by &apos;;&apos; or new lines (e.g. &apos;BATTERY=violence; NARCOTICS=drugs; DECEPTIVE PRACTICE=other&apos;), or the path of a mapping file; types in no mapping count in crimes_total only.</source>
        <translation>Valgfri: ekstra 'kilde = type'-angivelser til kriminalitetstypefeltet, adskilt af ';' eller linjeskift (f.eks. 'BATTERY=violence; NARCOTICS=drugs; DECEPTIVE PRACTICE=other'), eller stien til en fil med tilknytninger; typer uden tilknytning tæller kun med i crimes_total.</translation>
    </message>
    <message>
        <source>The incident&apos;s date or date-time: a date/time field, ISO 8601 text, or MM/DD/YYYY, DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY text, optionally with a time hh:mm[:ss] (24-hour or AM/PM); day or month first is decided from the data. Default occurred.</source>
        <translation>Hændelsens dato eller dato og klokkeslæt: et dato/tid-felt, ISO 8601-tekst eller tekst som MM/DD/YYYY, DD/MM/YYYY, DD-MM-YYYY eller DD.MM.YYYY, eventuelt med et klokkeslæt hh:mm[:ss] (24-timers eller AM/PM); om dag eller måned står først, afgøres ud fra data. Standard occurred.</translation>
    </message>
    <message>
        <source>Optional: a strptime format for dates in another form, or to settle an ambiguous day/month order, e.g. %d/%m/%Y %H:%M or %m/%d/%Y %I:%M:%S %p.</source>
        <translation>Valgfri: et strptime-format til datoer i en anden form eller til at afgøre en tvetydig rækkefølge af dag og måned, f.eks. %d/%m/%Y %H:%M eller %m/%d/%Y %I:%M:%S %p.</translation>
    </message>
    <message>
        <source>The local police districts: their name, number of sectors and staff.</source>
        <translation>Nærpolitidistrikterne: deres navn, antal sektorer og bemanding.</translation>
    </message>
    <message>
        <source>Default district.</source>
        <translation>Standard district.</translation>
    </message>
    <message>
        <source>The officers each district has, shared out over its sectors by need. Default staff.</source>
        <translation>De betjente, hvert distrikt har, fordelt på dets sektorer efter behov. Standard staff.</translation>
    </message>
    <message>
        <source>Optional: polygons of particularly exposed housing areas; they raise a sector&apos;s workload and need.</source>
        <translation>Valgfri: polygoner for særligt udsatte boligområder; de øger en sektors arbejdsbyrde og behov.</translation>
    </message>
    <message>
        <source>Stop on validation errors</source>
        <translation>Stop ved valideringsfejl</translation>
    </message>
    <message>
        <source>When checked, the run stops after the validation if the plan has errors (no maps are printed); the errors layer is written first.</source>
        <translation>Når den er markeret, stopper kørslen efter valideringen, hvis planen har fejl (der udskrives ingen kort); laget med fejlene skrives først.</translation>
    </message>
    <message>
        <source>Validation reports a sector (or a part of one) smaller than this as a sliver. Default 10,000.</source>
        <translation>Valideringen melder en sektor (eller en del af en), der er mindre end dette, som en splint. Standard 10.000.</translation>
    </message>
    <message>
        <source>Optional: only crime up to this date (the whole day included) counts.</source>
        <translation>Valgfri: kun kriminalitet til og med denne dato (hele dagen medregnet) tæller med.</translation>
    </message>
    <message>
        <source>Optional: only crime from this date counts in the manning, the grid and the maps.</source>
        <translation>Valgfri: kun kriminalitet fra denne dato tæller med i bemandingen, gitteret og på kortene.</translation>
    </message>
    <message>
        <source>Optional: where the incident happened (street, residence, shop…); gives the grid's table of crimes by place.</source>
        <translation>Valgfri: hvor hændelsen skete (gade, bolig, butik…); giver gitterets tabel over kriminalitet efter gerningssted.</translation>
    </message>
    <message>
        <source>The base units&apos; population. Default population.</source>
        <translation>Grundenhedernes befolkning. Standard population.</translation>
    </message>
    <message>
        <source>How many sectors each district is split into. Default sector_count.</source>
        <translation>Hvor mange sektorer hvert distrikt opdeles i. Standard sector_count.</translation>
    </message>
    <message>
        <source>The random seed of the split: the same inputs and seed give the same sectors.</source>
        <translation>Opdelingens tilfældige startværdi (seed): samme input og startværdi giver de samme sektorer.</translation>
    </message>
    <message>
        <source>Optional: street lines, drawn lightly under the sectors on the maps, the longest named (their field &apos;name&apos;).</source>
        <translation>Valgfri: gadelinjer, tegnet svagt under sektorerne på kortene, de længste med navn (deres felt 'name').</translation>
    </message>
    <message>
        <source>Optional: the incident&apos;s time of day when it is in a field of its own (text hh:mm[:ss], a time field, or minutes since midnight or HHMM numbers); it replaces any time in the date field. Incidents without a time of day count in band_unknown, in no time band.</source>
        <translation>Valgfri: hændelsens klokkeslæt, når det står i et felt for sig (tekst hh:mm[:ss], et tidsfelt eller minutter efter midnat eller HHMM-tal); det erstatter et eventuelt klokkeslæt i datofeltet. Hændelser uden klokkeslæt tæller med i band_unknown, i intet tidsbånd.</translation>
    </message>
    <message>
        <source>Map title</source>
        <translation>Korttitel</translation>
    </message>
    <message>
        <source>Optional: the title printed on the internal maps.</source>
        <translation>Valgfri: titlen, der trykkes på de interne kort.</translation>
    </message>
    <message>
        <source>How far (in %) a sector&apos;s workload may deviate from its district&apos;s mean. Default 1.</source>
        <translation>Hvor meget (i %) en sektors arbejdsbyrde må afvige fra distriktets gennemsnit. Standard 1.</translation>
    </message>
    <message>
        <source>Polygons the sectors are built from (blocks, census tracts) with their population.</source>
        <translation>Polygoner, som sektorerne bygges af (karréer, tællingsområder), med deres befolkning.</translation>
    </message>
    <message>
        <source>Grid cells inside the sectors with crime counts by type and time band.</source>
        <translation>Gitterceller inden for sektorerne med antal kriminalitetshændelser efter type og tidsbånd.</translation>
    </message>
    <message>
        <source>Optional: a folder for charts of crime by hour and by type per sector (skipped when left out; drawing them takes a few seconds).</source>
        <translation>Valgfri: en mappe til diagrammer over kriminalitet pr. time og pr. type for hver sektor (springes over, når den udelades; det tager nogle sekunder at tegne dem).</translation>
    </message>
    <message>
        <source>Optional: a table of crimes per sector by place (needs the place field).</source>
        <translation>Valgfri: en tabel over kriminalitet pr. sektor efter gerningssted (kræver gerningsstedsfeltet).</translation>
    </message>
    <message>
        <source>Optional: a table of crimes per sector by weekday and hour.</source>
        <translation>Valgfri: en tabel over kriminalitet pr. sektor efter ugedag og time.</translation>
    </message>
    <message>
        <source>The sectors with population, crime by type, need, factor, officers required and allocated.</source>
        <translation>Sektorerne med befolkning, kriminalitet efter type, behov, faktor samt krævede og tildelte betjente.</translation>
    </message>
    <message>
        <source>Manning summary (HTML)</source>
        <translation>Bemandingsoversigt (HTML)</translation>
    </message>
    <message>
        <source>Optional: a readable HTML summary of the manning.</source>
        <translation>Valgfri: en letlæselig HTML-oversigt over bemandingen.</translation>
    </message>
    <message>
        <source>Internal sector maps</source>
        <translation>Interne sektorkort</translation>
    </message>
    <message>
        <source>Internal maps folder</source>
        <translation>Mappe til interne kort</translation>
    </message>
    <message>
        <source>The folder for the internal atlas (PDF: an overview and one page per sector, marked INTERNAL, with the crime grid of the period).</source>
        <translation>Mappen til det interne atlas (PDF: en oversigt og én side pr. sektor, mærket INTERNT, med kriminalitetsgitteret for perioden).</translation>
    </message>
    <message>
        <source>Split into sectors</source>
        <translation>Opdel i sektorer</translation>
    </message>
    <message>
        <source>The new sectors (polygons, one per sector).</source>
        <translation>De nye sektorer (polygoner, én pr. sektor).</translation>
    </message>
    <message>
        <source>The base units with their sector_id.</source>
        <translation>Grundenhederne med deres sector_id.</translation>
    </message>
    <message>
        <source>Gaps, overlaps, parts outside the district, non-contiguous sectors, slivers and under-manned sectors (error_type, sector_ids and the problem geometry).</source>
        <translation>Huller, overlap, dele uden for distriktet, ikke-sammenhængende sektorer, splinter og underbemandede sektorer (error_type, sector_ids og den problematiske geometri).</translation>
    </message>
    <message>
        <source>Manning and crime grid of existing sectors for a period compared with the previous one, with internal maps and the gang-related counts of the threat assessment.</source>
        <translation>Bemanding og kriminalitetsgitter for eksisterende sektorer i en periode sammenlignet med den forrige, med interne kort og trusselsvurderingens tal for banderelaterede hændelser.</translation>
    </message>
    <message>
        <source>The periodic review of an existing sector plan: Compute sector manning for the period, Crime grid for the period compared with the previous period (counts and change per cell and time band), Export sector maps (internal atlas, PDF) for the period, and the Quarterly threat assessment of the period against the previous one (per sector, exposed area and the station: change, its p-value and, with a gang field, the gang-related incidents; table and PDF optional).

Batch mode: run the model over several periods (one row per quarter or month, each with its previous period) or several districts&apos; sectors, each row with its own output files and folder.</source>
        <translation>Den periodiske gennemgang af en eksisterende sektorplan: Beregn sektorbemanding for perioden, Kriminalitetsgitter for perioden sammenlignet med den forrige periode (antal og ændring pr. celle og tidsbånd), Eksportér sektorkort (internt atlas, PDF) for perioden og Kvartalsvis trusselsvurdering af perioden mod den forrige (pr. sektor, udsat område og for stationen: ændringen, dens p-værdi og, med et bandefelt, de banderelaterede hændelser; tabel og PDF valgfri).

Batchtilstand: kør modellen over flere perioder (én række pr. kvartal eller måned, hver med sin forrige periode) eller over flere distrikters sektorer, hver række med sine egne outputfiler og sin egen mappe.</translation>
    </message>
    <message>
        <source>The last day of the previous period (the whole day counts).</source>
        <translation>Den forrige periodes sidste dag (hele dagen tæller med).</translation>
    </message>
    <message>
        <source>The first day of the period the grid compares with (e.g. the previous quarter).</source>
        <translation>Den første dag i den periode, gitteret sammenligner med (f.eks. det forrige kvartal).</translation>
    </message>
    <message>
        <source>Optional: the districts with their staff, shared out over their sectors by need.</source>
        <translation>Valgfri: distrikterne med deres bemanding, fordelt på deres sektorer efter behov.</translation>
    </message>
    <message>
        <source>The officers each district has. Default staff.</source>
        <translation>De betjente, hvert distrikt har. Standard staff.</translation>
    </message>
    <message>
        <source>The exposed housing areas&apos; name, shown in the threat assessment. Default name.</source>
        <translation>De udsatte boligområders navn, vist i trusselsvurderingen. Standard name.</translation>
    </message>
    <message>
        <source>Optional: a yes/no field of the incidents marking gang-related ones (a boolean, a number, 0 = no, or yes/no, true/false, ja/nej, 1/0 text); gives the gang-related counts now and before.</source>
        <translation>Valgfri: et ja/nej-felt i hændelserne, der markerer de banderelaterede (en boolesk værdi, et tal, 0 = nej, eller teksten yes/no, true/false, ja/nej, 1/0); giver antallet af banderelaterede hændelser nu og før.</translation>
    </message>
    <message>
        <source>The last day of the period under review (the whole day counts).</source>
        <translation>Den sidste dag i den gennemgåede periode (hele dagen tæller med).</translation>
    </message>
    <message>
        <source>The first day of the period under review.</source>
        <translation>Den første dag i den gennemgåede periode.</translation>
    </message>
    <message>
        <source>Polygons or points with population (e.g. the base units).</source>
        <translation>Polygoner eller punkter med befolkning (f.eks. grundenhederne).</translation>
    </message>
    <message>
        <source>Default population.</source>
        <translation>Standard population.</translation>
    </message>
    <message>
        <source>The sector plan to review (e.g. the sectors of Full sector plan, with their officers).</source>
        <translation>Sektorplanen, der skal gennemgås (f.eks. sektorerne fra Fuld sektorplan med deres betjente).</translation>
    </message>
    <message>
        <source>Default sector_id.</source>
        <translation>Standard sector_id.</translation>
    </message>
    <message>
        <source>Crime grid, period against the previous one</source>
        <translation>Kriminalitetsgitter, perioden mod den forrige</translation>
    </message>
    <message>
        <source>Compute sector manning for the period</source>
        <translation>Beregn sektorbemanding for perioden</translation>
    </message>
    <message>
        <source>The sectors with the period&apos;s population, crime by type, need, factor and officers.</source>
        <translation>Sektorerne med periodens befolkning, kriminalitet efter type, behov, faktor og betjente.</translation>
    </message>
    <message>
        <source>Threat assessment report</source>
        <translation>Rapport om trusselsvurderingen</translation>
    </message>
    <message>
        <source>Optional: the PDF for the station management: a summary page (significant increases and decreases, gang-related incidents, exposed areas), then a page per sector with its monthly series.</source>
        <translation>Valgfri: PDF'en til stationens ledelse: en oversigtsside (signifikante stigninger og fald, banderelaterede hændelser, udsatte områder) og derefter en side pr. sektor med dens månedlige serie.</translation>
    </message>
    <message>
        <source>Optional: a table (no geometry) with one row per sector, exposed area and the station (area_kind, area_id): population, incidents by type now and before, change_pct, p_value, significant, gang_now, gang_before and the busiest 250 m cells.</source>
        <translation>Valgfri: en tabel (uden geometri) med én række pr. sektor, udsat område og for stationen (area_kind, area_id): befolkning, hændelser efter type nu og før, change_pct, p_value, significant, gang_now, gang_before og de travleste celler på 250 m.</translation>
    </message>
    <message>
        <source>The quarterly threat assessment (change by sector, exposed area and station, its significance, gang-related incidents, a PDF for the station management) and the crime grid of the same quarter against the same comparison period.</source>
        <translation>Den kvartalsvise trusselsvurdering (ændring pr. sektor, udsat område og station, dens signifikans, banderelaterede hændelser, en PDF til stationens ledelse) og kriminalitetsgitteret for samme kvartal mod samme sammenligningsperiode.</translation>
    </message>
    <message>
        <source>Quarterly threat assessment → Crime grid: the assessment finds the quarter (by default the last full quarter in the data) and its comparison period (the quarter before, or the period given, e.g. the same quarter a year earlier), and the crime grid counts the same two periods cell by cell and time band by time band (crimes_total, compare_total, change).

Batch mode: run the model over several quarters (one row per quarter, each with its own output files), e.g. the four quarters of a year.</source>
        <translation>Kvartalsvis trusselsvurdering → Kriminalitetsgitter: vurderingen finder kvartalet (som standard det seneste hele kvartal i data) og dets sammenligningsperiode (kvartalet før eller den angivne periode, f.eks. samme kvartal et år tidligere), og kriminalitetsgitteret tæller de samme to perioder celle for celle og tidsbånd for tidsbånd (crimes_total, compare_total, change).

Batchtilstand: kør modellen over flere kvartaler (én række pr. kvartal, hver med sine egne outputfiler), f.eks. et års fire kvartaler.</translation>
    </message>
    <message>
        <source>Optional: its last day (the whole day counts).</source>
        <translation>Valgfri: dens sidste dag (hele dagen tæller med).</translation>
    </message>
    <message>
        <source>Optional: the first day of the period compared with (e.g. the same quarter a year earlier); empty: the quarter before.</source>
        <translation>Valgfri: den første dag i den periode, der sammenlignes med (f.eks. samme kvartal et år tidligere); tom: kvartalet før.</translation>
    </message>
    <message>
        <source>Optional: the quarter&apos;s last day (the whole day counts).</source>
        <translation>Valgfri: kvartalets sidste dag (hele dagen tæller med).</translation>
    </message>
    <message>
        <source>Optional: the first day of the quarter; empty: the last full quarter in the data.</source>
        <translation>Valgfri: kvartalets første dag; tom: det seneste hele kvartal i data.</translation>
    </message>
    <message>
        <source>Optional: polygons or points with population (e.g. the base units).</source>
        <translation>Valgfri: polygoner eller punkter med befolkning (f.eks. grundenhederne).</translation>
    </message>
    <message>
        <source>The sector plan (e.g. the sectors of Full sector plan).</source>
        <translation>Sektorplanen (f.eks. sektorerne fra Fuld sektorplan).</translation>
    </message>
    <message>
        <source>Crime grid of the same quarter and comparison period</source>
        <translation>Kriminalitetsgitter for samme kvartal og sammenligningsperiode</translation>
    </message>
    <message>
        <source>The PDF for the station management: a summary page (significant increases and decreases, gang-related incidents, exposed areas), then a page per sector with its monthly series.</source>
        <translation>PDF'en til stationens ledelse: en oversigtsside (signifikante stigninger og fald, banderelaterede hændelser, udsatte områder) og derefter en side pr. sektor med dens månedlige serie.</translation>
    </message>
    <message>
        <source>A table (no geometry) with one row per sector, exposed area and the station (area_kind, area_id): population, incidents by type now and before, change_pct, p_value, significant, gang_now, gang_before and the busiest 250 m cells.</source>
        <translation>En tabel (uden geometri) med én række pr. sektor, udsat område og for stationen (area_kind, area_id): befolkning, hændelser efter type nu og før, change_pct, p_value, significant, gang_now, gang_before og de travleste celler på 250 m.</translation>
    </message>
    <message>
        <source>{package} (not importable: {error})</source>
        <translation>{package} (kan ikke importeres: {error})</translation>
    </message>
    <message>
        <source>it does not do what the plugin uses</source>
        <translation>den kan ikke det, som pluginet bruger</translation>
    </message>
    <message>
        <source>{package} (found {version}, but {problem})</source>
        <translation>{package} (fundet {version}, men {problem})</translation>
    </message>
    <message>
        <source>{package} (not installed)</source>
        <translation>{package} (ikke installeret)</translation>
    </message>
    <message>
        <source>YPO sector planning needs the Python packages {reasons}. Install them into the Python that QGIS uses, built against the system&apos;s GEOS/PROJ/GDAL: python3 -m pip install --break-system-packages --no-binary shapely,pyproj {packages} (or run &apos;make setup&apos; in the plugin&apos;s source folder), then restart QGIS.</source>
        <translation>YPO sector planning har brug for Python-pakkerne {reasons}. Installér dem i den Python, som QGIS bruger, bygget mod systemets GEOS/PROJ/GDAL: python3 -m pip install --break-system-packages --no-binary shapely,pyproj {packages} (eller kør 'make setup' i pluginets kildemappe), og genstart derefter QGIS.</translation>
    </message>
    <message>
        <source>Your Police Officer</source>
        <translation>Din nærpolitibetjent</translation>
    </message>
    <message>
        <source>Your Police Officer – sector planning</source>
        <translation>Din nærpolitibetjent – sektorplanlægning</translation>
    </message>
    <message>
        <source>Every address needs its street, house number, position and sector.</source>
        <translation>Hver adresse skal have sin gade, sit husnummer, sin position og sin sektor.</translation>
    </message>
    <message>
        <source>The address layer has no addresses: give the address points, or leave it out.</source>
        <translation>Adresselaget har ingen adresser: angiv adressepunkterne, eller udelad laget.</translation>
    </message>
    <message>
        <source>No address has a street name, a house number such as 12 or 12B, and a position: check the street and house number fields.</source>
        <translation>Ingen adresse har et gadenavn, et husnummer som 12 eller 12B og en position: kontrollér felterne for gade og husnummer.</translation>
    </message>
    <message>
        <source>{layer} is in a geographic CRS ({crs}); lengths and areas need metres. Reproject the layer to a projected CRS (e.g. the local UTM zone) first.</source>
        <translation>{layer} er i et geografisk koordinatsystem ({crs}); længder og arealer kræver meter. Reprojicér laget til et projiceret CRS (f.eks. den lokale UTM-zone) først.</translation>
    </message>
    <message>
        <source>{layer} has no features; choose a layer with polygons.</source>
        <translation>{layer} har ingen objekter; vælg et lag med polygoner.</translation>
    </message>
    <message>
        <source>{layer} feature {feature} has no geometry ({count} in all); remove those features or give them a polygon.</source>
        <translation>{layer}, objekt {feature} har ingen geometri ({count} i alt); fjern disse objekter, eller giv dem en polygon.</translation>
    </message>
    <message>
        <source>{layer} feature {feature} is not a polygon; use a polygon layer.</source>
        <translation>{layer}, objekt {feature} er ikke en polygon; brug et polygonlag.</translation>
    </message>
    <message>
        <source>{layer} feature {feature} has an invalid geometry ({reason}; {count} invalid in all); run &apos;Fix geometries&apos; on the layer first.</source>
        <translation>{layer}, objekt {feature} har en ugyldig geometri ({reason}; {count} ugyldige i alt); kør Fix geometries (Ret geometrier) på laget først.</translation>
    </message>
    <message>
        <source>CHART_FOLDER needs the Python package matplotlib (3.5 or newer), which is not installed: install it into QGIS&apos;s Python (python3 -m pip install matplotlib) or leave CHART_FOLDER empty.</source>
        <translation>CHART_FOLDER kræver Python-pakken matplotlib (3.5 eller nyere), som ikke er installeret: installér den i QGIS' Python (python3 -m pip install matplotlib), eller lad CHART_FOLDER være tom.</translation>
    </message>
    <message>
        <source>A cell size of {size:g} m is too small for the sectors: it makes about {count:,} grid cells (at most {max_cells:,} are allowed). Choose a cell size of at least {suggested:g} m, or run the grid on fewer sectors at a time.</source>
        <translation>En cellestørrelse på {size:g} m er for lille til sektorerne: den giver omkring {count:,} gitterceller (højst {max_cells:,} er tilladt). Vælg en cellestørrelse på mindst {suggested:g} m, eller kør gitteret på færre sektorer ad gangen.</translation>
    </message>
    <message>
        <source>The incidents need one crime type and one date-time each.</source>
        <translation>Hændelserne skal have én kriminalitetstype og ét tidspunkt (dato og klokkeslæt) hver.</translation>
    </message>
    <message>
        <source>CRIMES: {count} incidents have no valid date-time; they count in crimes_total and {band_unknown} but in no time band, weekday/weekend or time-table row.</source>
        <translation>CRIMES: {count} hændelser har intet gyldigt tidspunkt; de tælles med i crimes_total og {band_unknown}, men i intet tidsbånd, i hverken hverdag eller weekend og i ingen række i tidstabellen.</translation>
    </message>
    <message>
        <source>CRIMES: {count} incidents have a date but no time of day; they count in {band_unknown}, in no time band and in no hour of the time table. Give TIME_FIELD if the time is in a field of its own.</source>
        <translation>CRIMES: {count} hændelser har en dato, men intet klokkeslæt; de tælles med i {band_unknown}, i intet tidsbånd og i ingen time i tidstabellen. Angiv TIME_FIELD, hvis klokkeslættet står i et felt for sig.</translation>
    </message>
    <message>
        <source>Grid type &apos;{kind}&apos; is unknown; use one of {kinds}.</source>
        <translation>Gittertypen '{kind}' kendes ikke; brug en af {kinds}.</translation>
    </message>
    <message>
        <source>The cell size must be a positive number of metres (got {size}).</source>
        <translation>Cellestørrelsen skal være et positivt antal meter (fik {size}).</translation>
    </message>
    <message>
        <source>The incidents need one place value each.</source>
        <translation>Hændelserne skal have én værdi for gerningssted hver.</translation>
    </message>
    <message>
        <source>CRIME_TYPE_FIELD values not in CRIME_TYPE_MAP (counted in crimes_total only): {values}. Add them to CRIME_TYPE_MAP as &apos;value=type&apos; (or &apos;value=other&apos;).</source>
        <translation>Værdier i CRIME_TYPE_FIELD, som ikke står i CRIME_TYPE_MAP (tælles kun med i crimes_total): {values}. Tilføj dem til CRIME_TYPE_MAP som 'værdi=type' (eller 'værdi=other').</translation>
    </message>
    <message>
        <source>CRIMES: {count} incidents have no crime type; counted in crimes_total only.</source>
        <translation>CRIMES: {count} hændelser har ingen kriminalitetstype; de tælles kun med i crimes_total.</translation>
    </message>
    <message>
        <source>CRIME_TYPE_MAP entry &apos;{entry}&apos; is not &apos;source = category&apos;; separate entries with &apos;;&apos; or new lines, e.g. &apos;BATTERY=violence;NARCOTICS=drugs&apos;.</source>
        <translation>Posten '{entry}' i CRIME_TYPE_MAP har ikke formen 'kilde = kategori'; adskil posterne med ';' eller linjeskift, f.eks. 'BATTERY=violence;NARCOTICS=drugs'.</translation>
    </message>
    <message>
        <source>CRIME_TYPE_MAP is not valid JSON ({error}); write {example}.</source>
        <translation>CRIME_TYPE_MAP er ikke gyldig JSON ({error}); skriv {example}.</translation>
    </message>
    <message>
        <source>CRIME_TYPE_MAP JSON must be one object of text values: {example}.</source>
        <translation>JSON i CRIME_TYPE_MAP skal være ét objekt med tekstværdier: {example}.</translation>
    </message>
    <message>
        <source>CRIME_TYPE_MAP entry &apos;{entry}&apos;: &apos;{category}&apos; is not a crime type; use one of {types} or {other}.</source>
        <translation>Posten '{entry}' i CRIME_TYPE_MAP: '{category}' er ikke en kriminalitetstype; brug en af {types} eller {other}.</translation>
    </message>
    <message>
        <source>{start_name} ({start}) must be before {end_name} ({end}).</source>
        <translation>{start_name} ({start}) skal ligge før {end_name} ({end}).</translation>
    </message>
    <message>
        <source>CRIMES: {count} incidents without a valid date are left out of the period.</source>
        <translation>CRIMES: {count} hændelser uden gyldig dato er udeladt af perioden.</translation>
    </message>
    <message>
        <source>CRIMES: {count} incidents in the period have no location; they are counted in CRIMES_OUTSIDE.</source>
        <translation>CRIMES: {count} hændelser i perioden har ingen placering; de tælles med i CRIMES_OUTSIDE.</translation>
    </message>
    <message>
        <source>{name} &apos;{value}&apos; is not an ISO 8601 date or date-time; write e.g. 2018-01-31 or 2018-01-31T23:00.</source>
        <translation>{name} '{value}' er ikke en dato eller et tidspunkt efter ISO 8601; skriv f.eks. 2018-01-31 eller 2018-01-31T23:00.</translation>
    </message>
    <message>
        <source>Both periods must last at least a day.</source>
        <translation>Begge perioder skal vare mindst en dag.</translation>
    </message>
    <message>
        <source>Incident counts cannot be negative.</source>
        <translation>Antal hændelser kan ikke være negativt.</translation>
    </message>
    <message>
        <source>The {name} count cannot be negative ({value}).</source>
        <translation>Antallet {name} kan ikke være negativt ({value}).</translation>
    </message>
    <message>
        <source>No incidents in the {periods} period: the rate ratio is undefined (choose longer periods or larger areas).</source>
        <translation>Ingen hændelser i perioden {periods}: rateratioen er udefineret (vælg længere perioder eller større områder).</translation>
    </message>
    <message>
        <source>No incidents in the {periods} period: the WDQ is undefined.</source>
        <translation>Ingen hændelser i perioden {periods}: WDQ er udefineret.</translation>
    </message>
    <message>
        <source>Crime in the target did not fall relative to the comparison area, so there is no effect whose displacement could be measured: the WDQ is not computed.</source>
        <translation>Kriminaliteten i målområdet faldt ikke i forhold til sammenligningsområdet, så der er ingen effekt, hvis forskydning kan måles: WDQ beregnes ikke.</translation>
    </message>
    <message>
        <source>Diffusion of benefits: crime fell in the buffer ring even more than in the target.</source>
        <translation>Spredning af gevinsten: kriminaliteten faldt endnu mere i bufferringen end i målområdet.</translation>
    </message>
    <message>
        <source>Diffusion of benefits: crime also fell in the buffer ring around the target.</source>
        <translation>Spredning af gevinsten: kriminaliteten faldt også i bufferringen omkring målområdet.</translation>
    </message>
    <message>
        <source>Neither displacement nor diffusion: the buffer ring changed like the comparison area.</source>
        <translation>Hverken forskydning eller spredning: bufferringen ændrede sig som sammenligningsområdet.</translation>
    </message>
    <message>
        <source>Displacement: part of the crime moved into the buffer ring, less than the target gained.</source>
        <translation>Forskydning: en del af kriminaliteten flyttede ind i bufferringen, men mindre end målområdets gevinst.</translation>
    </message>
    <message>
        <source>Displacement exceeds the effect: more crime moved into the buffer ring than the target gained.</source>
        <translation>Forskydningen overstiger effekten: mere kriminalitet flyttede ind i bufferringen end målområdets gevinst.</translation>
    </message>
    <message>
        <source>{feature} is valid in {own_crs} but not once projected to {working_crs} ({reason}) and cannot be repaired: no area is left. Redraw it, or give the layer in a metric CRS.</source>
        <translation>{feature} er gyldig i {own_crs}, men ikke efter projektion til {working_crs} ({reason}) og kan ikke repareres: der er intet areal tilbage. Tegn den igen, eller angiv laget i et metrisk CRS.</translation>
    </message>
    <message>
        <source>{feature} is valid in {own_crs} but not once projected to {working_crs}, the metric CRS it is computed in ({reason}); it was repaired there (make valid, area {area_before} → {area_after}).</source>
        <translation>{feature} er gyldig i {own_crs}, men ikke efter projektion til {working_crs}, det metriske CRS, der regnes i ({reason}); den blev repareret dér (make valid, areal {area_before} → {area_after}).</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>sektor</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>celler</translation>
    </message>
    <message>
        <source>crimes</source>
        <translation>hændelser</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>sammenlignet</translation>
    </message>
    <message>
        <source>change</source>
        <translation>ændring</translation>
    </message>
    <message>
        <source>change %</source>
        <translation>ændring %</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>Periode: {period}</translation>
    </message>
    <message>
        <source>Comparison period: {period}</source>
        <translation>Sammenligningsperiode: {period}</translation>
    </message>
    <message>
        <source>Incidents read: {count:,}</source>
        <translation>Indlæste hændelser: {count:,}</translation>
    </message>
    <message>
        <source>In the cells without a time of day (band_unknown): {count:,}</source>
        <translation>I cellerne uden klokkeslæt (band_unknown): {count:,}</translation>
    </message>
    <message>
        <source>Cells: {cells:,} (in the cells: {crimes:,} crimes)</source>
        <translation>Celler: {cells:,} (i cellerne: {crimes:,} hændelser)</translation>
    </message>
    <message>
        <source>CRIMES: one time of day per incident is needed.</source>
        <translation>CRIMES: der skal være ét klokkeslæt pr. hændelse.</translation>
    </message>
    <message>
        <source>{label}: some dates are day first (e.g. &apos;{day_first}&apos;) and some month first (e.g. &apos;{month_first}&apos;). Give DATE_FORMAT, e.g. %d/%m/%Y or %m/%d/%Y (with the data&apos;s separator, and %H:%M or %I:%M %p for a time); values in another order are then reported.</source>
        <translation>{label}: nogle datoer har dagen først (f.eks. '{day_first}') og nogle måneden først (f.eks. '{month_first}'). Angiv DATE_FORMAT, f.eks. %d/%m/%Y eller %m/%d/%Y (med dataenes skilletegn og %H:%M eller %I:%M %p for et klokkeslæt); værdier i den anden rækkefølge rapporteres så.</translation>
    </message>
    <message>
        <source>{label}: the dates (e.g. &apos;{example}&apos;) could be day/month/year or month/day/year: no value has a day above 12 that would tell. Give DATE_FORMAT: %d/%m/%Y for day first or %m/%d/%Y for month first (with the data&apos;s separator, and %H:%M or %I:%M %p for a time).</source>
        <translation>{label}: datoerne (f.eks. '{example}') kan være dag/måned/år eller måned/dag/år: ingen værdi har en dag over 12, der kan afgøre det. Angiv DATE_FORMAT: %d/%m/%Y for dagen først eller %m/%d/%Y for måneden først (med dataenes skilletegn og %H:%M eller %I:%M %p for et klokkeslæt).</translation>
    </message>
    <message>
        <source>{label}: the numbers are neither all HHMM nor all minutes since midnight (e.g. {hhmm:.0f} and {minutes:.0f}); write the times as text hh:mm.</source>
        <translation>{label}: tallene er hverken alle TTMM eller alle minutter efter midnat (f.eks. {hhmm:.0f} og {minutes:.0f}); skriv klokkeslættene som tekst tt:mm.</translation>
    </message>
    <message>
        <source>{label}: numbers such as {example:.0f} are read as HHMM ({hours:02.0f}:{minutes:02.0f}); none of them proves minutes since midnight (a value whose last two digits are above 59). If they are minutes, write the times as text hh:mm.</source>
        <translation>{label}: tal som {example:.0f} læses som TTMM ({hours:02.0f}:{minutes:02.0f}); intet af dem beviser minutter efter midnat (en værdi, hvis to sidste cifre er over 59). Hvis det er minutter, så skriv klokkeslættene som tekst tt:mm.</translation>
    </message>
    <message>
        <source>{label}: {count:,} of {total:,} values ({share:.1%}) cannot be read as times of day, e.g. {examples}. Give the times as text hh:mm[:ss], a time field, or numbers (minutes since midnight or HHMM); at most {allowed:.0%} may be unreadable.</source>
        <translation>{label}: {count:,} af {total:,} værdier ({share:.1%}) kan ikke læses som klokkeslæt, f.eks. {examples}. Angiv klokkeslættene som tekst tt:mm[:ss], et tidsfelt eller tal (minutter efter midnat eller TTMM); højst {allowed:.0%} må være ulæselige.</translation>
    </message>
    <message>
        <source>{label}: {count:,} of {total:,} values ({share:.1%}) cannot be read as dates, e.g. {examples}. Check DATE_FORMAT &apos;{format}&apos; against these values; at most {allowed:.0%} may be unreadable.</source>
        <translation>{label}: {count:,} af {total:,} værdier ({share:.1%}) kan ikke læses som datoer, f.eks. {examples}. Kontrollér DATE_FORMAT '{format}' mod disse værdier; højst {allowed:.0%} må være ulæselige.</translation>
    </message>
    <message>
        <source>{label}: {count:,} of {total:,} values ({share:.1%}) cannot be read as dates, e.g. {examples}. Give DATE_FORMAT, a strptime format such as %d/%m/%Y %H:%M or %m/%d/%Y %I:%M:%S %p, or correct the values; at most {allowed:.0%} may be unreadable.</source>
        <translation>{label}: {count:,} af {total:,} værdier ({share:.1%}) kan ikke læses som datoer, f.eks. {examples}. Angiv DATE_FORMAT, et strptime-format som %d/%m/%Y %H:%M eller %m/%d/%Y %I:%M:%S %p, eller ret værdierne; højst {allowed:.0%} må være ulæselige.</translation>
    </message>
    <message>
        <source>{label}: {count:,} values cannot be read as times of day; those incidents count without a time of day, e.g. {listed}.</source>
        <translation>{label}: {count:,} værdier kan ikke læses som klokkeslæt; de hændelser tælles uden klokkeslæt, f.eks. {listed}.</translation>
    </message>
    <message>
        <source>{label}: {count:,} values cannot be read as dates; those incidents count without a date, e.g. {listed}.</source>
        <translation>{label}: {count:,} værdier kan ikke læses som datoer; de hændelser tælles uden dato, f.eks. {listed}.</translation>
    </message>
    <message>
        <source>No sector is a target of the initiative: name at least one.</source>
        <translation>Ingen sektor er mål for indsatsen: angiv mindst én.</translation>
    </message>
    <message>
        <source>Every sector is a target: no sector is left to compare with.</source>
        <translation>Alle sektorer er mål: der er ingen sektor tilbage at sammenligne med.</translation>
    </message>
    <message>
        <source>The buffer ring&apos;s width cannot be negative.</source>
        <translation>Bufferringens bredde kan ikke være negativ.</translation>
    </message>
    <message>
        <source>No sector is left to compare with: every other sector touches the buffer ring (make the ring narrower, or compare with all districts).</source>
        <translation>Der er ingen sektor tilbage at sammenligne med: alle andre sektorer rører bufferringen (gør ringen smallere, eller sammenlign med alle distrikter).</translation>
    </message>
    <message>
        <source>The windows before and after the start must each last at least a day.</source>
        <translation>Perioderne før og efter starten skal hver vare mindst en dag.</translation>
    </message>
    <message>
        <source>No incident has a date: the windows before and after the start cannot be counted.</source>
        <translation>Ingen hændelse har en dato: perioderne før og efter starten kan ikke tælles.</translation>
    </message>
    <message>
        <source>The incidents run from {first_day} to {last_day}, but the windows around the start {start} run from {first} to {last}: choose a start, or shorter windows, within the data.</source>
        <translation>Hændelserne går fra {first_day} til {last_day}, men perioderne omkring starten {start} går fra {first} til {last}: vælg en start eller kortere perioder inden for dataene.</translation>
    </message>
    <message>
        <source>{count} incidents without a readable date are left out of both windows.</source>
        <translation>{count} hændelser uden læsbar dato er udeladt af begge perioder.</translation>
    </message>
    <message>
        <source>Unknown crime types {unknown}: choose among {types}.</source>
        <translation>Ukendte kriminalitetstyper {unknown}: vælg blandt {types}.</translation>
    </message>
    <message>
        <source>Initiative in {targets}, started {start}. Counted: {kinds}; before = {before_first} to {before_last} ({before_days} days), after = {start} to {after_last} ({after_days} days).</source>
        <translation>Indsats i {targets}, startet {start}. Talt: {kinds}; før = {before_first} til {before_last} ({before_days} dage), efter = {start} til {after_last} ({after_days} dage).</translation>
    </message>
    <message>
        <source>Initiative in {targets}, started {start}. Counted: all incidents; before = {before_first} to {before_last} ({before_days} days), after = {start} to {after_last} ({after_days} days).</source>
        <translation>Indsats i {targets}, startet {start}. Talt: alle hændelser; før = {before_first} til {before_last} ({before_days} dage), efter = {start} til {after_last} ({after_days} dage).</translation>
    </message>
    <message>
        <source>Target: {target_before} incidents before, {target_after} after. Buffer ring ({width:g} m): {buffer_before} before, {buffer_after} after. Comparison ({sectors} sectors): {comparison_before} before, {comparison_after} after.</source>
        <translation>Målområde: {target_before} hændelser før, {target_after} efter. Bufferring ({width:g} m): {buffer_before} før, {buffer_after} efter. Sammenligning ({sectors} sektorer): {comparison_before} før, {comparison_after} efter.</translation>
    </message>
    <message>
        <source>Weighted displacement quotient {wdq:.2f}. {reading}</source>
        <translation>Vægtet forskydningskvotient (WDQ) {wdq:.2f}. {reading}</translation>
    </message>
    <message>
        <source>Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the comparison area, crime in the target fell by {change:.0f} %, unlikely to be chance (p &lt; 0.05).</source>
        <translation>Rateratio {ratio:.2f} (95 %-interval {low:.2f} til {high:.2f}, p = {p:.3g}): i forhold til sammenligningsområdet faldt kriminaliteten i målområdet med {change:.0f} %, næppe en tilfældighed (p &lt; 0,05).</translation>
    </message>
    <message>
        <source>Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the comparison area, crime in the target fell by {change:.0f} %, within what chance alone could give.</source>
        <translation>Rateratio {ratio:.2f} (95 %-interval {low:.2f} til {high:.2f}, p = {p:.3g}): i forhold til sammenligningsområdet faldt kriminaliteten i målområdet med {change:.0f} %, inden for hvad tilfældigheder alene kan give.</translation>
    </message>
    <message>
        <source>Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the comparison area, crime in the target rose by {change:.0f} %, unlikely to be chance (p &lt; 0.05).</source>
        <translation>Rateratio {ratio:.2f} (95 %-interval {low:.2f} til {high:.2f}, p = {p:.3g}): i forhold til sammenligningsområdet steg kriminaliteten i målområdet med {change:.0f} %, næppe en tilfældighed (p &lt; 0,05).</translation>
    </message>
    <message>
        <source>Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the comparison area, crime in the target rose by {change:.0f} %, within what chance alone could give.</source>
        <translation>Rateratio {ratio:.2f} (95 %-interval {low:.2f} til {high:.2f}, p = {p:.3g}): i forhold til sammenligningsområdet steg kriminaliteten i målområdet med {change:.0f} %, inden for hvad tilfældigheder alene kan give.</translation>
    </message>
    <message>
        <source>{layer} has no incidents: every sector has 0 crime and need score 0, so the officers follow from population alone. Check the layer (and its filter or selection) if crime was expected.</source>
        <translation>{layer} har ingen hændelser: alle sektorer har 0 kriminalitet og behovsscore 0, så betjentene følger alene af befolkningen. Kontrollér laget (og dets filter eller markering), hvis der var ventet kriminalitet.</translation>
    </message>
    <message>
        <source>A period start or end needs the incidents&apos; date field: choose the crimes&apos; date field.</source>
        <translation>En periodestart eller -slutning kræver hændelsernes datofelt: vælg datofeltet for kriminalitetshændelserne.</translation>
    </message>
    <message>
        <source>No incident dates: crime rates in need_score assume the crimes cover one year; give DATE_FIELD or PERIOD_START and PERIOD_END.</source>
        <translation>Ingen datoer på hændelserne: kriminalitetsrater i need_score antager, at hændelserne dækker ét år; angiv DATE_FIELD eller PERIOD_START og PERIOD_END.</translation>
    </message>
    <message>
        <source>Factor method &apos;{method}&apos; is unknown; use one of {methods}.</source>
        <translation>Faktormetoden '{method}' kendes ikke; brug en af {methods}.</translation>
    </message>
    <message>
        <source>Sector '{sector}': factor override value '{value}' is not a factor 1–5; use 1, 2, 3, 4 or 5, or leave it empty to compute the factor.</source>
        <translation>Sektor '{sector}': faktorværdien '{value}' er ikke en faktor 1–5; brug 1, 2, 3, 4 eller 5, eller lad den være tom for at beregne faktoren.</translation>
    </message>
    <message>
        <source>Type weight '{entry}' is not 'type=number' with a type of {types} and a number ≥ 0.</source>
        <translation>Typevægten '{entry}' har ikke formen 'type=tal' med en type blandt {types} og et tal ≥ 0.</translation>
    </message>
    <message>
        <source>The factor thresholds &apos;{text}&apos; must be four numbers separated by &apos;;&apos;, where factor 1, 2, 3 and 4 start (default {default}).</source>
        <translation>Faktortærsklerne '{text}' skal være fire tal adskilt af ';', hvor faktor 1, 2, 3 og 4 begynder (standard {default}).</translation>
    </message>
    <message>
        <source>Factor thresholds {thresholds} must be four strictly decreasing numbers (where factor 1, 2, 3 and 4 start).</source>
        <translation>Faktortærsklerne {thresholds} skal være fire strengt faldende tal (hvor faktor 1, 2, 3 og 4 begynder).</translation>
    </message>
    <message>
        <source>The minimum officers per sector ({minimum}) must be a whole number ≥ 0.</source>
        <translation>Mindste antal betjente pr. sektor ({minimum}) skal være et helt tal ≥ 0.</translation>
    </message>
    <message>
        <source>Type weights and the exposed weight must be 0 or more.</source>
        <translation>Typevægtene og vægten for udsatte boligområder skal være 0 eller mere.</translation>
    </message>
    <message>
        <source>The population field must be numeric ({error}); choose a number field.</source>
        <translation>Befolkningsfeltet skal være numerisk ({error}); vælg et felt med tal.</translation>
    </message>
    <message>
        <source>Population unit {unit} has a negative population ({value:g}); population must be 0 or more.</source>
        <translation>Befolkningsenhed {unit} har en negativ befolkning ({value:g}); befolkningen skal være 0 eller mere.</translation>
    </message>
    <message>
        <source>POPULATION: {count} units have no population value; counted as 0.</source>
        <translation>POPULATION: {count} enheder har ingen befolkningsværdi; de tælles som 0.</translation>
    </message>
    <message>
        <source>POPULATION: {count} invalid geometries were repaired (make_valid).</source>
        <translation>POPULATION: {count} ugyldige geometrier blev repareret (make_valid).</translation>
    </message>
    <message>
        <source>POPULATION: {count} units without geometry ({inhabitants:g} inhabitants) are counted as population outside the sectors.</source>
        <translation>POPULATION: {count} enheder uden geometri ({inhabitants:g} indbyggere) tælles som befolkning uden for sektorerne.</translation>
    </message>
    <message>
        <source>{values} population values were given for {units} units.</source>
        <translation>Der blev angivet {values} befolkningsværdier for {units} enheder.</translation>
    </message>
    <message>
        <source>{count} units have no population value; counted as 0.</source>
        <translation>{count} enheder har ingen befolkningsværdi; de tælles som 0.</translation>
    </message>
    <message>
        <source>{count} invalid unit geometries were repaired.</source>
        <translation>{count} ugyldige enhedsgeometrier blev repareret.</translation>
    </message>
    <message>
        <source>{layer} has no field &apos;sector_id&apos;; give the sectors written by Split sectors or Compute sector manning, or rename the sector id field to sector_id (fields found: {fields}).</source>
        <translation>{layer} har intet felt 'sector_id'; angiv sektorerne fra Split sectors eller Compute sector manning, eller omdøb sektor-id-feltet til sector_id (fundne felter: {fields}).</translation>
    </message>
    <message>
        <source>{layer}: a sector has no sector_id; give every sector an id.</source>
        <translation>{layer}: en sektor har intet sector_id; giv hver sektor et id.</translation>
    </message>
    <message>
        <source>{layer}: sector_id {sectors} occurs more than once; a public map needs one feature per sector (dissolve the sectors by sector_id first).</source>
        <translation>{layer}: sector_id {sectors} forekommer mere end én gang; et offentligt kort kræver ét objekt pr. sektor (opløs (dissolve) sektorerne efter sector_id først).</translation>
    </message>
    <message>
        <source>population</source>
        <translation>befolkning</translation>
    </message>
    <message>
        <source>km²</source>
        <translation>km²</translation>
    </message>
    <message>
        <source>exposed</source>
        <translation>udsat</translation>
    </message>
    <message>
        <source>need</source>
        <translation>behov</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>faktor</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>tildelt</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>{count} sectors (id field {id_field}); factor 1 = 1 officer per 1,000 inhabitants … factor 5 = 1 per 5,000.</source>
        <translation>{count} sektorer (id-felt {id_field}); faktor 1 = 1 betjent pr. 1.000 indbyggere … faktor 5 = 1 pr. 5.000.</translation>
    </message>
    <message>
        <source>{sectors} sectors; largest workload deviation {deviation:.2f}%; {noncontiguous} non-contiguous; split in {seconds:.1f} s.</source>
        <translation>{sectors} sektorer; største afvigelse i arbejdsbyrde {deviation:.2f} %; {noncontiguous} ikke-sammenhængende; opdelt på {seconds:.1f} s.</translation>
    </message>
    <message>
        <source>{share:.1%} of the population keeps its sector.</source>
        <translation>{share:.1%} af befolkningen beholder sin sektor.</translation>
    </message>
    <message>
        <source>No population: no area has a crime rate or a safety index.</source>
        <translation>Ingen befolkning: intet område har en kriminalitetsrate eller et tryghedsindeks.</translation>
    </message>
    <message>
        <source>PREVIOUS_SURVEY: {error}</source>
        <translation>PREVIOUS_SURVEY: {error}</translation>
    </message>
    <message>
        <source>Previous period {period}: no incident in any area.</source>
        <translation>Forrige periode {period}: ingen hændelse i noget område.</translation>
    </message>
    <message>
        <source>No incident has a date in the period to count: give PERIOD_START and PERIOD_END, or check the crimes&apos; date field.</source>
        <translation>Ingen hændelse har en dato i den periode, der skal tælles: angiv PERIOD_START og PERIOD_END, eller kontrollér datofeltet for kriminalitetshændelserne.</translation>
    </message>
    <message>
        <source>The incidents cover {days} days ({period}), less than a year: the period is those days (rates are still per year).</source>
        <translation>Hændelserne dækker {days} dage ({period}), mindre end et år: perioden er de dage (raterne er stadig pr. år).</translation>
    </message>
    <message>
        <source>The survey names areas that are not in the areas layer: {unknown}. The area ids are {known}; correct the survey&apos;s area ids or leave those rows out.</source>
        <translation>Tryghedsundersøgelsen nævner områder, som ikke er i områdelaget: {unknown}. Områdernes id'er er {known}; ret undersøgelsens område-id'er, eller udelad de rækker.</translation>
    </message>
    <message>
        <source>A previous period needs PREVIOUS_SURVEY, the survey of that period: give it, or leave PREVIOUS_PERIOD_START and PREVIOUS_PERIOD_END empty.</source>
        <translation>En forrige periode kræver PREVIOUS_SURVEY, tryghedsundersøgelsen fra den periode: angiv den, eller lad PREVIOUS_PERIOD_START og PREVIOUS_PERIOD_END være tomme.</translation>
    </message>
    <message>
        <source>Give both PREVIOUS_PERIOD_START and PREVIOUS_PERIOD_END, or neither (the same number of days just before the period).</source>
        <translation>Angiv både PREVIOUS_PERIOD_START og PREVIOUS_PERIOD_END eller ingen af dem (det samme antal dage lige før perioden).</translation>
    </message>
    <message>
        <source>Area id &apos;{area}&apos; occurs in {count} features; they count as one area.</source>
        <translation>Område-id '{area}' forekommer i {count} objekter; de tæller som ét område.</translation>
    </message>
    <message>
        <source>CRIMES: {count} incidents have no location and are not counted.</source>
        <translation>CRIMES: {count} hændelser har ingen placering og tælles ikke.</translation>
    </message>
    <message>
        <source>The safety index counts the six crime types; left out: CRIME_TYPE_FIELD values not in CRIME_TYPE_MAP: {values} (add them as &apos;value=type&apos; to count them).</source>
        <translation>Tryghedsindekset tæller de seks kriminalitetstyper; udeladt: værdier i CRIME_TYPE_FIELD, som ikke står i CRIME_TYPE_MAP: {values} (tilføj dem som 'værdi=type' for at tælle dem).</translation>
    </message>
    <message>
        <source>The safety index counts the six crime types; left out: {count} incidents of other offences.</source>
        <translation>Tryghedsindekset tæller de seks kriminalitetstyper; udeladt: {count} hændelser med andre lovovertrædelser.</translation>
    </message>
    <message>
        <source>The safety index counts the six crime types; left out: {count} incidents without a crime type.</source>
        <translation>Tryghedsindekset tæller de seks kriminalitetstyper; udeladt: {count} hændelser uden kriminalitetstype.</translation>
    </message>
    <message>
        <source>Period {period}. 100 = the average of the areas; higher is less safe. Index = {crime_weight:.2g} × crime index + {survey_weight:.2g} × insecurity index; an initiative from {threshold:g} with at least {min_responses} respondents.</source>
        <translation>Periode {period}. 100 = gennemsnittet af områderne; højere er mindre trygt. Indeks = {crime_weight:.2g} × kriminalitetsindeks + {survey_weight:.2g} × utryghedsindeks; en indsats fra {threshold:g} med mindst {min_responses} respondenter.</translation>
    </message>
    <message>
        <source>Change against {period}.</source>
        <translation>Ændring i forhold til {period}.</translation>
    </message>
    <message>
        <source>Needs an initiative: {areas}.</source>
        <translation>Behov for en indsats: {areas}.</translation>
    </message>
    <message>
        <source>Needs an initiative: no area.</source>
        <translation>Behov for en indsats: intet område.</translation>
    </message>
    <message>
        <source>{count} more areas are in the output layer.</source>
        <translation>{count} øvrige områder findes i outputlaget.</translation>
    </message>
    <message>
        <source>Every area needs its population and its incident count.</source>
        <translation>Hvert område skal have sin befolkning og sit antal hændelser.</translation>
    </message>
    <message>
        <source>The period must last at least a day.</source>
        <translation>Perioden skal vare mindst en dag.</translation>
    </message>
    <message>
        <source>The crime and survey weights cannot be negative.</source>
        <translation>Vægtene for kriminalitet og tryghedsundersøgelse kan ikke være negative.</translation>
    </message>
    <message>
        <source>The crime weight or the survey weight must be above 0.</source>
        <translation>Vægten for kriminalitet eller for tryghedsundersøgelsen skal være over 0.</translation>
    </message>
    <message>
        <source>The minimum number of responses cannot be negative.</source>
        <translation>Mindste antal svar kan ikke være negativt.</translation>
    </message>
    <message>
        <source>The population of an area cannot be negative or missing.</source>
        <translation>Et områdes befolkning kan ikke være negativ eller mangle.</translation>
    </message>
    <message>
        <source>No incident in the period in any area: every area&apos;s crime index is 100 (the average).</source>
        <translation>Ingen hændelse i perioden i noget område: alle områders kriminalitetsindeks er 100 (gennemsnittet).</translation>
    </message>
    <message>
        <source>Areas without inhabitants have no crime rate and no safety index: {areas}.</source>
        <translation>Områder uden indbyggere har ingen kriminalitetsrate og intet tryghedsindeks: {areas}.</translation>
    </message>
    <message>
        <source>No respondent feels unsafe (answer 1 or 2): every area&apos;s insecurity index is 100.</source>
        <translation>Ingen respondent føler sig utryg (svar 1 eller 2): alle områders utryghedsindeks er 100.</translation>
    </message>
    <message>
        <source>The survey has no usable answer (1–5 with a weight above 0) in any area: check the answer field, the weight field, and that the respondents lie in (or name) the areas.</source>
        <translation>Tryghedsundersøgelsen har intet brugbart svar (1–5 med en vægt over 0) i noget område: kontrollér svarfeltet, vægtfeltet, og at respondenterne ligger i (eller nævner) områderne.</translation>
    </message>
    <message>
        <source>{count} survey responses belong to no area and are left out.</source>
        <translation>{count} svar i tryghedsundersøgelsen hører ikke til noget område og er udeladt.</translation>
    </message>
    <message>
        <source>{count} survey responses without a usable answer or weight are left out.</source>
        <translation>{count} svar i tryghedsundersøgelsen uden brugbart svar eller vægt er udeladt.</translation>
    </message>
    <message>
        <source>Areas without any survey answer (no safety index): {areas}.</source>
        <translation>Områder uden noget svar i tryghedsundersøgelsen (intet tryghedsindeks): {areas}.</translation>
    </message>
    <message>
        <source>Areas with fewer than {min_responses} respondents are marked &apos;too few responses&apos; and get no safety index, rank or initiative mark: {areas}.</source>
        <translation>Områder med færre end {min_responses} respondenter markeres 'for få svar' og får intet tryghedsindeks, ingen rang og ingen markering for indsats: {areas}.</translation>
    </message>
    <message>
        <source>{layer}: feature number {feature} has no {field}; give every sector an id.</source>
        <translation>{layer}: objekt nummer {feature} har intet {field}; giv hver sektor et id.</translation>
    </message>
    <message>
        <source>{layer}: {field} {sectors} occurs more than once; the sector log needs one feature per sector (dissolve the sectors by their id first).</source>
        <translation>{layer}: {field} {sectors} forekommer mere end én gang; sektorloggen kræver ét objekt pr. sektor (opløs (dissolve) sektorerne efter deres id først).</translation>
    </message>
    <message>
        <source>District {district}: the target field holds &apos;{value}&apos;; give {count} positive numbers separated by commas, one share per sector (e.g. &apos;1, 1, 1.5&apos;).</source>
        <translation>Distrikt {district}: målfeltet indeholder '{value}'; angiv {count} positive tal adskilt af kommaer, én andel pr. sektor (f.eks. '1, 1, 1.5').</translation>
    </message>
    <message>
        <source>District {district}: the target field holds &apos;{value}&apos; but the district has {count} sectors; give {count} positive numbers separated by commas.</source>
        <translation>Distrikt {district}: målfeltet indeholder '{value}', men distriktet har {count} sektorer; angiv {count} positive tal adskilt af kommaer.</translation>
    </message>
    <message>
        <source>Unit {unit} straddles districts {first} and {second}; it goes to {best}, which holds most of its area.</source>
        <translation>Enhed {unit} ligger på tværs af distrikterne {first} og {second}; den går til {best}, som rummer det meste af dens areal.</translation>
    </message>
    <message>
        <source>Unit {unit} straddles districts {districts}; it goes to {best}, which holds most of its area.</source>
        <translation>Enhed {unit} ligger på tværs af distrikterne {districts}; den går til {best}, som rummer det meste af dens areal.</translation>
    </message>
    <message>
        <source>Unit {unit} lies outside every district; it was given to {district}, the district it overlaps most.</source>
        <translation>Enhed {unit} ligger uden for alle distrikter; den blev givet til {district}, det distrikt, den overlapper mest.</translation>
    </message>
    <message>
        <source>Unit {unit} lies outside every district; it was given to {district}, the nearest district.</source>
        <translation>Enhed {unit} ligger uden for alle distrikter; den blev givet til {district}, det nærmeste distrikt.</translation>
    </message>
    <message>
        <source>Sector {sector} is drawn in {parts} parts: unit {unit} is itself made of {unit_parts} separate parts, so the sector holding it cannot be one piece unless other units join them.</source>
        <translation>Sektor {sector} består af {parts} dele: enhed {unit} består selv af {unit_parts} adskilte dele, så den sektor, der rummer den, kan ikke være ét stykke, medmindre andre enheder forbinder dem.</translation>
    </message>
    <message>
        <source>Sector {sector} is drawn in {parts} parts: units {first} and {second} linked as nearest neighbours ({distance:.0f} m apart) to keep its district connected.</source>
        <translation>Sektor {sector} består af {parts} dele: enhederne {first} og {second} er forbundet som nærmeste naboer ({distance:.0f} m fra hinanden) for at holde distriktet sammenhængende.</translation>
    </message>
    <message>
        <source>Sector {sector} is drawn in {parts} parts: units {first} and {second} meet only at a corner.</source>
        <translation>Sektor {sector} består af {parts} dele: enhederne {first} og {second} mødes kun i et hjørne.</translation>
    </message>
    <message>
        <source>Sector {sector} is drawn in {parts} parts: its units meet only at a corner or across a gap.</source>
        <translation>Sektor {sector} består af {parts} dele: dens enheder mødes kun i et hjørne eller over et mellemrum.</translation>
    </message>
    <message>
        <source>UNITS: units {first} and {second} linked across a barrier, so that every unit can be reached.</source>
        <translation>UNITS: enhederne {first} og {second} er forbundet hen over en barriere, så alle enheder kan nås.</translation>
    </message>
    <message>
        <source>UNITS: units {first} and {second} linked as nearest neighbours ({distance:.0f} m apart), so that every unit can be reached.</source>
        <translation>UNITS: enhederne {first} og {second} er forbundet som nærmeste naboer ({distance:.0f} m fra hinanden), så alle enheder kan nås.</translation>
    </message>
    <message>
        <source>The units layer has no features; choose a layer with the base units (polygons).</source>
        <translation>Enhedslaget har ingen objekter; vælg et lag med grundenhederne (polygoner).</translation>
    </message>
    <message>
        <source>The units layer has {count} features without a geometry (e.g. unit {unit}); give every unit a polygon or remove it.</source>
        <translation>Enhedslaget har {count} objekter uden geometri (f.eks. enhed {unit}); giv hver enhed en polygon, eller fjern den.</translation>
    </message>
    <message>
        <source>{count} invalid unit geometries were repaired (make valid).</source>
        <translation>{count} ugyldige enhedsgeometrier blev repareret (make valid).</translation>
    </message>
    <message>
        <source>Unit {unit} has no area left once made valid ({count} such units); fix its geometry or remove it.</source>
        <translation>Enhed {unit} har intet areal tilbage efter reparation ({count} sådanne enheder); ret dens geometri, eller fjern den.</translation>
    </message>
    <message>
        <source>{count} units have no population value; they count as 0 inhabitants.</source>
        <translation>{count} enheder har ingen befolkningsværdi; de tæller som 0 indbyggere.</translation>
    </message>
    <message>
        <source>The districts layer has no features; choose a district layer or leave it out.</source>
        <translation>Distriktslaget har ingen objekter; vælg et distriktslag, eller udelad det.</translation>
    </message>
    <message>
        <source>{count} units straddle districts; each goes to the district holding most of its area (listed in the log).</source>
        <translation>{count} enheder ligger på tværs af distrikter; hver går til det distrikt, der rummer det meste af dens areal (nævnt i loggen).</translation>
    </message>
    <message>
        <source>{count} units lie outside every district ({inhabitants:,.0f} inhabitants); each was given to the district it overlaps most, or the nearest one (listed in the log).</source>
        <translation>{count} enheder ligger uden for alle distrikter ({inhabitants:,.0f} indbyggere); hver blev givet til det distrikt, den overlapper mest, eller det nærmeste (nævnt i loggen).</translation>
    </message>
    <message>
        <source>{count} units lie outside every district ({inhabitants:,.0f} inhabitants) and are left out of the plan (ASSIGN_OUTSIDE_TO_NEAREST gives them to the nearest district): units {units}.</source>
        <translation>{count} enheder ligger uden for alle distrikter ({inhabitants:,.0f} indbyggere) og er udeladt af planen (ASSIGN_OUTSIDE_TO_NEAREST giver dem til det nærmeste distrikt): enhederne {units}.</translation>
    </message>
    <message>
        <source>District(s) {districts} contain no units; check that the units and the districts cover the same area, or remove those districts.</source>
        <translation>Distrikt(er) {districts} indeholder ingen enheder; kontrollér, at enhederne og distrikterne dækker det samme område, eller fjern de distrikter.</translation>
    </message>
    <message>
        <source>{count} of {total} crimes lie outside every unit and are not counted.</source>
        <translation>{count} af {total} hændelser ligger uden for alle enheder og tælles ikke.</translation>
    </message>
    <message>
        <source>{count} of {total} crimes lie in units left out of the plan and are not counted.</source>
        <translation>{count} af {total} hændelser ligger i enheder, der er udeladt af planen, og tælles ikke.</translation>
    </message>
    <message>
        <source>A period needs the incidents&apos; date field.</source>
        <translation>En periode kræver hændelsernes datofelt.</translation>
    </message>
    <message>
        <source>Crime types not in the type map (in the total only): {types}.</source>
        <translation>Kriminalitetstyper, der ikke står i typetabellen (kun med i totalen): {types}.</translation>
    </message>
    <message>
        <source>No incident dates: crime rates assume the incidents cover one year.</source>
        <translation>Ingen datoer på hændelserne: kriminalitetsraterne antager, at hændelserne dækker ét år.</translation>
    </message>
    <message>
        <source>{ids} sector ids were given for {geometries} sector geometries.</source>
        <translation>Der blev angivet {ids} sektor-id'er for {geometries} sektorgeometrier.</translation>
    </message>
    <message>
        <source>Sector {sector} has {allocated} allocated but needs {needed}.</source>
        <translation>Sektor {sector} har {allocated} tildelt, men har brug for {needed}.</translation>
    </message>
    <message>
        <source>The sectors layer has no features; give a polygon layer with at least one sector.</source>
        <translation>Sektorlaget har ingen objekter; angiv et polygonlag med mindst én sektor.</translation>
    </message>
    <message>
        <source>The sectors need one sector id per geometry.</source>
        <translation>Sektorerne skal have ét sektor-id pr. geometri.</translation>
    </message>
    <message>
        <source>Some sectors have no sector id; give every sector an id.</source>
        <translation>Nogle sektorer har intet sektor-id; giv hver sektor et id.</translation>
    </message>
    <message>
        <source>Sector id &apos;{sector}&apos; is used more than once; sector ids must be unique (dissolve multi-part sectors by their id first).</source>
        <translation>Sektor-id '{sector}' bruges mere end én gang; sektor-id'er skal være entydige (opløs (dissolve) sektorer i flere dele efter deres id først).</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; has no geometry.</source>
        <translation>Sektor '{sector}' har ingen geometri.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; is not a polygon.</source>
        <translation>Sektor '{sector}' er ikke en polygon.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; has an invalid geometry (run &apos;Fix geometries&apos; first).</source>
        <translation>Sektor '{sector}' har en ugyldig geometri (kør Fix geometries (Ret geometrier) først).</translation>
    </message>
    <message>
        <source>Sectors &apos;{first}&apos; and &apos;{second}&apos; overlap by {area}; the overlap belongs to &apos;{owner}&apos; only.</source>
        <translation>Sektorerne '{first}' og '{second}' overlapper med {area}; overlappet hører kun til '{owner}'.</translation>
    </message>
    <message>
        <source>Areas &apos;{first}&apos; and &apos;{second}&apos; overlap by {area}; the overlap counts in &apos;{owner}&apos; only.</source>
        <translation>Områderne '{first}' og '{second}' overlapper med {area}; overlappet tælles kun i '{owner}'.</translation>
    </message>
    <message>
        <source>Sectors &apos;{first}&apos; and &apos;{second}&apos; overlap by {area}; the overlap is counted in &apos;{owner}&apos; only.</source>
        <translation>Sektorerne '{first}' og '{second}' overlapper med {area}; overlappet tælles kun i '{owner}'.</translation>
    </message>
    <message>
        <source>Staff {budget} is too small for {sectors} sectors: every sector needs at least the minimum of {minimum} officers ({total} in all). Raise the staff or lower the minimum officers per sector.</source>
        <translation>Bemandingen {budget} er for lille til {sectors} sektorer: hver sektor skal have mindst minimumsbemandingen på {minimum} betjente ({total} i alt). Hæv bemandingen, eller sænk mindste antal betjente pr. sektor.</translation>
    </message>
    <message>
        <source>District &apos;{district}&apos;: staff {budget} is too small for {sectors} sectors: every sector needs at least the minimum of {minimum} officers ({total} in all). Raise the staff or lower the minimum officers per sector.</source>
        <translation>Distrikt '{district}': bemandingen {budget} er for lille til {sectors} sektorer: hver sektor skal have mindst minimumsbemandingen på {minimum} betjente ({total} i alt). Hæv bemandingen, eller sænk mindste antal betjente pr. sektor.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; is in district &apos;{district}&apos;, which has no staff among the districts with staff; add the district&apos;s staff or correct the sector&apos;s district.</source>
        <translation>Sektor '{sector}' ligger i distrikt '{district}', som ikke har nogen bemanding blandt distrikterne med bemanding; tilføj distriktets bemanding, eller ret sektorens distrikt.</translation>
    </message>
    <message>
        <source>Give either one staff to allocate or districts with staff (per district), not both.</source>
        <translation>Angiv enten én samlet bemanding, der skal fordeles, eller distrikter med bemanding (pr. distrikt), ikke begge.</translation>
    </message>
    <message>
        <source>Per-district staff needs the district of every sector.</source>
        <translation>Bemanding pr. distrikt kræver hver sektors distrikt.</translation>
    </message>
    <message>
        <source>DISTRICTS {districts} have staff but no sectors; their staff is not allocated.</source>
        <translation>DISTRICTS {districts} har bemanding, men ingen sektorer; deres bemanding fordeles ikke.</translation>
    </message>
    <message>
        <source>District feature {feature} has no {field}; name every district.</source>
        <translation>Distriktsobjekt {feature} har intet {field}; giv hvert distrikt et navn.</translation>
    </message>
    <message>
        <source>District &apos;{district}&apos; has staff {value:g}; staff must be a whole number.</source>
        <translation>Distrikt '{district}' har bemandingen {value:g}; bemandingen skal være et helt tal.</translation>
    </message>
    <message>
        <source>District &apos;{district}&apos; occurs more than once; dissolve the districts by {field} first so each has one staff number.</source>
        <translation>Distrikt '{district}' forekommer mere end én gang; opløs (dissolve) distrikterne efter {field} først, så hvert har ét tal for bemanding.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; lies in none of the districts with staff; extend the districts or leave the sector out.</source>
        <translation>Sektor '{sector}' ligger i ingen af distrikterne med bemanding; udvid distrikterne, eller udelad sektoren.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; lies only {share:.0%} inside district &apos;{district}&apos; (the district covering most of it); it is staffed from that district.</source>
        <translation>Sektor '{sector}' ligger kun {share:.0%} inden for distrikt '{district}' (det distrikt, der dækker det meste af den); den bemandes fra det distrikt.</translation>
    </message>
    <message>
        <source>Staff '{budget}' must be a whole number of officers ≥ 0.</source>
        <translation>Bemandingen '{budget}' skal være et helt antal betjente ≥ 0.</translation>
    </message>
    <message>
        <source>District '{district}': staff '{budget}' must be a whole number of officers ≥ 0.</source>
        <translation>Distrikt '{district}': bemandingen '{budget}' skal være et helt antal betjente ≥ 0.</translation>
    </message>
    <message>
        <source>LANGUAGE &apos;{value}&apos; is not offered; choose one of {languages}.</source>
        <translation>LANGUAGE '{value}' tilbydes ikke; vælg en af {languages}.</translation>
    </message>
    <message>
        <source>EMERGENCY_NUMBER &apos;{value}&apos; is not a number to call: give the digits of your country&apos;s emergency number, e.g. 112, 911 or 999.</source>
        <translation>EMERGENCY_NUMBER '{value}' er ikke et nummer, man kan ringe til: angiv cifrene i dit lands alarmnummer, f.eks. 112, 911 eller 999.</translation>
    </message>
    <message>
        <source>GENERAL_NUMBER &apos;{value}&apos; is not a number to call: give the digits of your country&apos;s police&apos;s non-emergency number, e.g. 114.</source>
        <translation>GENERAL_NUMBER '{value}' er ikke et nummer, man kan ringe til: angiv cifrene i dit lands almindelige nummer til politiet, f.eks. 114.</translation>
    </message>
    <message>
        <source>No incident has a date: the quarter cannot be found; give the period.</source>
        <translation>Ingen hændelse har en dato: kvartalet kan ikke findes; angiv perioden.</translation>
    </message>
    <message>
        <source>The incidents ({first} to {last}) do not cover a whole calendar quarter: give the period.</source>
        <translation>Hændelserne ({first} til {last}) dækker ikke et helt kalenderkvartal: angiv perioden.</translation>
    </message>
    <message>
        <source>The {field} holds values that are neither yes nor no ({examples}): use true/false, yes/no, ja/nej or 1/0.</source>
        <translation>{field} indeholder værdier, der hverken er ja eller nej ({examples}): brug true/false, yes/no, ja/nej eller 1/0.</translation>
    </message>
    <message>
        <source>No incident in the quarter {quarter}: every count is 0.</source>
        <translation>Ingen hændelse i kvartalet {quarter}: alle antal er 0.</translation>
    </message>
    <message>
        <source>{count} incidents of the two periods lie in no sector; counted in none.</source>
        <translation>{count} hændelser i de to perioder ligger i ingen sektor; de tælles ingen steder.</translation>
    </message>
    <message>
        <source>The comparison period ({compare}) overlaps the quarter ({quarter}): compare with a period outside the quarter (COMPARE_START/COMPARE_END).</source>
        <translation>Sammenligningsperioden ({compare}) overlapper kvartalet ({quarter}): sammenlign med en periode uden for kvartalet (COMPARE_START/COMPARE_END).</translation>
    </message>
    <message>
        <source>No incident in the comparison period {compare}: every change is against 0.</source>
        <translation>Ingen hændelse i sammenligningsperioden {compare}: alle ændringer er i forhold til 0.</translation>
    </message>
    <message>
        <source>The comparison period {compare} begins before the first incident ({first}): its counts may be incomplete.</source>
        <translation>Sammenligningsperioden {compare} begynder før den første hændelse ({first}): dens antal kan være ufuldstændige.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>ny</translation>
    </message>
    <message>
        <source>none in either period</source>
        <translation>ingen i nogen af perioderne</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Exposed area {area}</source>
        <translation>Udsat boligområde {area}</translation>
    </message>
    <message>
        <source>Sector {area}</source>
        <translation>Sektor {area}</translation>
    </message>
    <message>
        <source>{area}: {before} → {now} ({change}, {p}); gang-related {gang_before} → {gang_now}; population {population:,.0f}</source>
        <translation>{area}: {before} → {now} ({change}, {p}); banderelateret {gang_before} → {gang_now}; befolkning {population:,.0f}</translation>
    </message>
    <message>
        <source>{area}: {before} → {now} ({change}, {p}); gang-related {gang_before} → {gang_now}</source>
        <translation>{area}: {before} → {now} ({change}, {p}); banderelateret {gang_before} → {gang_now}</translation>
    </message>
    <message>
        <source>{area}: {before} → {now} ({change}, {p}); population {population:,.0f}</source>
        <translation>{area}: {before} → {now} ({change}, {p}); befolkning {population:,.0f}</translation>
    </message>
    <message>
        <source>{area}: {before} → {now} ({change}, {p})</source>
        <translation>{area}: {before} → {now} ({change}, {p})</translation>
    </message>
    <message>
        <source>… and {count} more (see the table)</source>
        <translation>… og {count} til (se tabellen)</translation>
    </message>
    <message>
        <source>Population {population:,.0f}; {outside} incidents of the two periods lie in no sector.</source>
        <translation>Befolkning {population:,.0f}; {outside} hændelser i de to perioder ligger i ingen sektor.</translation>
    </message>
    <message>
        <source>Significant increases (p &lt; 0.05)</source>
        <translation>Signifikante stigninger (p &lt; 0,05)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ingen.</translation>
    </message>
    <message>
        <source>Significant decreases (p &lt; 0.05)</source>
        <translation>Signifikante fald (p &lt; 0,05)</translation>
    </message>
    <message>
        <source>{area}: {before} → {now}</source>
        <translation>{area}: {before} → {now}</translation>
    </message>
    <message>
        <source>Not assessed: no gang field was given (GANG_FIELD).</source>
        <translation>Ikke vurderet: der blev ikke angivet noget bandefelt (GANG_FIELD).</translation>
    </message>
    <message>
        <source>Gang-related incidents</source>
        <translation>Banderelaterede hændelser</translation>
    </message>
    <message>
        <source>None given (EXPOSED_AREAS).</source>
        <translation>Ingen angivet (EXPOSED_AREAS).</translation>
    </message>
    <message>
        <source>Incidents {before} → {now} ({change}, {p}, significant)</source>
        <translation>Hændelser {before} → {now} ({change}, {p}, signifikant)</translation>
    </message>
    <message>
        <source>Incidents {before} → {now} ({change}, {p})</source>
        <translation>Hændelser {before} → {now} ({change}, {p})</translation>
    </message>
    <message>
        <source>Population {population:,.0f}</source>
        <translation>Befolkning {population:,.0f}</translation>
    </message>
    <message>
        <source>By type: {types}</source>
        <translation>Pr. type: {types}</translation>
    </message>
    <message>
        <source>Gang-related {before} → {now}</source>
        <translation>Banderelateret {before} → {now}</translation>
    </message>
    <message>
        <source>Busiest {size:g} m cells of the quarter (x, y: incidents): {cells}</source>
        <translation>Kvartalets mest belastede celler på {size:g} m (x, y: hændelser): {cells}</translation>
    </message>
    <message>
        <source>Busiest {size:g} m cells of the quarter (x, y: incidents): none</source>
        <translation>Kvartalets mest belastede celler på {size:g} m (x, y: hændelser): ingen</translation>
    </message>
    <message>
        <source>The minimum area {area} must be a number of square metres ≥ 0 (or left empty).</source>
        <translation>Mindste areal {area} skal være et antal kvadratmeter ≥ 0 (eller tomt).</translation>
    </message>
    <message>
        <source>The minimum officers per sector ({minimum}) must be 0 or more.</source>
        <translation>Mindste antal betjente pr. sektor ({minimum}) skal være 0 eller mere.</translation>
    </message>
    <message>
        <source>There are no sectors to validate; give a layer with at least one sector polygon.</source>
        <translation>Der er ingen sektorer at validere; angiv et lag med mindst én sektorpolygon.</translation>
    </message>
    <message>
        <source>Sector feature {feature} has no sector id; give every sector an id.</source>
        <translation>Sektorobjekt {feature} har intet sektor-id; giv hver sektor et id.</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; has no geometry; draw it or delete the feature ({count} sector features have none).</source>
        <translation>Sektor '{sector}' har ingen geometri; tegn den, eller slet objektet ({count} sektorobjekter har ingen).</translation>
    </message>
    <message>
        <source>Invalid sector geometries were repaired before the checks: {sectors}. Fix them in the layer (Vector ▸ Geometry Tools ▸ Check Validity).</source>
        <translation>Ugyldige sektorgeometrier blev repareret før kontrollerne: {sectors}. Ret dem i laget (Vektor ▸ Geometriværktøjer ▸ Kontrollér gyldighed).</translation>
    </message>
    <message>
        <source>Sector &apos;{sector}&apos; is not a polygon with an area; sectors must be polygons.</source>
        <translation>Sektor '{sector}' er ikke en polygon med et areal; sektorer skal være polygoner.</translation>
    </message>
    <message>
        <source>Sector ids used by several features, checked as one sector each: {sectors}.</source>
        <translation>Sektor-id'er, der bruges af flere objekter, kontrolleret som én sektor hver: {sectors}.</translation>
    </message>
    <message>
        <source>{values} values of {field} were given for {count} sectors.</source>
        <translation>Der blev angivet {values} værdier af {field} for {count} sektorer.</translation>
    </message>
    <message>
        <source>The districts have no polygons; give the district polygons or leave the districts out.</source>
        <translation>Distrikterne har ingen polygoner; angiv distriktspolygonerne, eller udelad distrikterne.</translation>
    </message>
    <message>
        <source>{count} invalid district geometries were repaired before the checks.</source>
        <translation>{count} ugyldige distriktsgeometrier blev repareret før kontrollerne.</translation>
    </message>
    <message>
        <source>The districts have no polygon with an area; give the district polygons.</source>
        <translation>Distrikterne har ingen polygon med et areal; angiv distriktspolygonerne.</translation>
    </message>
    <message>
        <source>Sectors {first} and {second} overlap by {area}.</source>
        <translation>Sektorerne {first} og {second} overlapper med {area}.</translation>
    </message>
    <message>
        <source>Gap of {area} inside the district, not covered by any sector; next to sectors {names}.</source>
        <translation>Hul på {area} inden for distriktet, som ingen sektor dækker; ved siden af sektorerne {names}.</translation>
    </message>
    <message>
        <source>Gap of {area} inside the district, not covered by any sector and next to none.</source>
        <translation>Hul på {area} inden for distriktet, som ingen sektor dækker, og uden nabosektorer.</translation>
    </message>
    <message>
        <source>Gap of {area} enclosed by sectors, not covered by any sector; next to sectors {names}.</source>
        <translation>Hul på {area} omgivet af sektorer, som ingen sektor dækker; ved siden af sektorerne {names}.</translation>
    </message>
    <message>
        <source>Gap of {area} enclosed by sectors, not covered by any sector and next to none.</source>
        <translation>Hul på {area} omgivet af sektorer, som ingen sektor dækker, og uden nabosektorer.</translation>
    </message>
    <message>
        <source>Sector {sector} has {area} ({share:.1%}) outside every district.</source>
        <translation>Sektor {sector} har {area} ({share:.1%}) uden for alle distrikter.</translation>
    </message>
    <message>
        <source>Sector {sector} is split into {parts} parts: this part of {area} is apart from its main part ({main_area}).</source>
        <translation>Sektor {sector} er delt i {parts} dele: denne del på {area} ligger adskilt fra hoveddelen ({main_area}).</translation>
    </message>
    <message>
        <source>Sector {sector} covers only {area}, less than the minimum area {min_area}.</source>
        <translation>Sektor {sector} dækker kun {area}, mindre end mindste areal {min_area}.</translation>
    </message>
    <message>
        <source>Sector {sector} has a part of only {area}, less than the minimum area {min_area}.</source>
        <translation>Sektor {sector} har en del på kun {area}, mindre end mindste areal {min_area}.</translation>
    </message>
    <message>
        <source>Sector {sector} has no officers allocated but requires {needed}.</source>
        <translation>Sektor {sector} har ingen betjente tildelt, men kræver {needed}.</translation>
    </message>
    <message>
        <source>Sector {sector} has no officers allocated but needs at least the minimum of {needed}.</source>
        <translation>Sektor {sector} har ingen betjente tildelt, men har brug for mindst minimumsbemandingen på {needed}.</translation>
    </message>
    <message>
        <source>Sector {sector} has {allocated} allocated but requires {needed}.</source>
        <translation>Sektor {sector} har {allocated} tildelt, men kræver {needed}.</translation>
    </message>
    <message>
        <source>Sector {sector} has {allocated} allocated but needs at least the minimum of {needed}.</source>
        <translation>Sektor {sector} har {allocated} tildelt, men har brug for mindst minimumsbemandingen på {needed}.</translation>
    </message>
    <message>
        <source>{count:g} officer</source>
        <translation>{count:g} betjent</translation>
    </message>
    <message>
        <source>{count:g} officers</source>
        <translation>{count:g} betjente</translation>
    </message>
    <message>
        <source>The number of base units must be a whole number, got {value!r}.</source>
        <translation>Antallet af grundenheder skal være et helt tal, ikke {value!r}.</translation>
    </message>
    <message>
        <source>The total population must be a whole number, got {value!r}.</source>
        <translation>Den samlede befolkning skal være et helt tal, ikke {value!r}.</translation>
    </message>
    <message>
        <source>The number of base units must be between {least} and {most} street blocks, got {count}.</source>
        <translation>Antallet af grundenheder skal være mellem {least} og {most} karréer, ikke {count}.</translation>
    </message>
    <message>
        <source>The total population must be 0 or more residents, got {count}.</source>
        <translation>Den samlede befolkning skal være 0 eller flere indbyggere, ikke {count}.</translation>
    </message>
    <message>
        <source>The index areas must number between 1 and the {count} blocks.</source>
        <translation>Antallet af indeksområder skal være mellem 1 og de {count} karréer.</translation>
    </message>
    <message>
        <source>{units} units, {workloads} workloads and an adjacency of {adjacency} units do not match.</source>
        <translation>{units} grundenheder, {workloads} arbejdsbyrder og en nabotabel over {adjacency} grundenheder passer ikke sammen.</translation>
    </message>
    <message>
        <source>The base units layer has no features; choose a layer with polygons.</source>
        <translation>Laget med grundenheder har ingen objekter; vælg et lag med polygoner.</translation>
    </message>
    <message>
        <source>The tolerance must be positive, got {tolerance}.</source>
        <translation>Tolerancen skal være positiv, ikke {tolerance}.</translation>
    </message>
    <message>
        <source>Every unit needs a district index between 0 and the number of districts - 1.</source>
        <translation>Hver grundenhed skal have et distriktsindeks mellem 0 og antallet af distrikter - 1.</translation>
    </message>
    <message>
        <source>District {name}: its sector count is {count}; every district needs at least one sector.</source>
        <translation>Distrikt {name}: dets antal sektorer er {count}; hvert distrikt skal have mindst én sektor.</translation>
    </message>
    <message>
        <source>District {name} has {units} units but asks for {count} sectors; lower its sector count or use smaller units.</source>
        <translation>Distrikt {name} har {units} grundenheder, men beder om {count} sektorer; sænk dets antal sektorer, eller brug mindre grundenheder.</translation>
    </message>
    <message>
        <source>District {name} has no workload (population 0); its sectors cannot be balanced.</source>
        <translation>Distrikt {name} har ingen arbejdsbyrde (befolkning 0); dets sektorer kan ikke afbalanceres.</translation>
    </message>
    <message>
        <source>District {name}: {count} sectors need {count} positive target shares, got {shares}.</source>
        <translation>Distrikt {name}: {count} sektorer kræver {count} positive målandele, ikke {shares}.</translation>
    </message>
    <message>
        <source>crime count</source>
        <translation>antal forbrydelser</translation>
    </message>
    <message>
        <source>exposed population</source>
        <translation>befolkning i udsatte boligområder</translation>
    </message>
    <message>
        <source>The {what} has {count} values for {units} units.</source>
        <translation>Værdierne for {what} er {count} for {units} grundenheder.</translation>
    </message>
    <message>
        <source>Workload weights must be zero or positive, got {weight}.</source>
        <translation>Vægtene for arbejdsbyrden skal være nul eller positive, ikke {weight}.</translation>
    </message>
    <message>
        <source>All workload weights are zero; give the population weight (or another weight) a positive value.</source>
        <translation>Alle vægte for arbejdsbyrden er nul; giv vægten for befolkning (eller en anden vægt) en positiv værdi.</translation>
    </message>
    <message>
        <source>Creates a sector workspace for the schematic sector log: one GeoPackage (workspace.gpkg) and a QGIS project (workspace.qgz) beside it. Open the project and the workspace is ready to edit.

The GeoPackage holds the tables
• sectors — the sectors with all their fields, sector_id as text, and the public fields sector_name (the id when missing), district, officer_name, officer_phone and officer_email (added empty when missing);
• sector_log — date, author, target group, party of interest, entry (the challenge), action taken, status (open, in progress, closed), follow-up date and sector_id;
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
Station database — for a station's shared sector log: a PostgreSQL/PostGIS connection (service=NAME from pg_service.conf, dbname=… host=…, or the name of a PostgreSQL connection saved in QGIS; never a password). The same tables are made in its schema ypo, with the roles ypo_manager, ypo_officer, ypo_reader and ypo_public enforced by the database (row-level security), officers assigned to sectors in ypo.officer_sectors, the view public_sectors, a restricted flag on log entries and author and time set by the database; the project (and station.sql, the script that was run) is written to the output folder. Empty: a GeoPackage for one person.

Results: GEOPACKAGE (none for a station database), STATION_SCRIPT (station.sql, station database only), PROJECT and SECTOR_COUNT.</source>
        <translation>Opretter et sektorarbejdsområde til den skematiske sektorlog: én GeoPackage (workspace.gpkg) og et QGIS-projekt (workspace.qgz) ved siden af. Åbn projektet, og arbejdsområdet er klar til redigering.

GeoPackage'en indeholder tabellerne
• sectors — sektorerne med alle deres felter, sector_id som tekst, og de offentlige felter sector_name (id'et, når det mangler), district, officer_name, officer_phone og officer_email (tilføjet tomme, når de mangler);
• sector_log — dato, forfatter, målgruppe, interessent, indlæg (udfordringen), handling, status (åben, i gang, lukket), opfølgningsdato og sector_id;
• partners — navn, art (SSP, boligforening, klub, erhvervsdrivende, skole, andet), kontakt, adressepunkt og sector_id;
• events — dato, titel, noter, punkt og sector_id;
• target_groups — håndbogens målgrupper: {groups}.
Deres attributformularer (rullelister, datovælgere, påkrævede felter, standardværdier) gemmes som hver tabels standardstil, så de også virker, når en tabel føjes til et andet projekt.

Projektet knytter hver sektor til dens logindlæg, samarbejdspartnere og arrangementer (sektorformularen har en fane for hver) og hvert logindlæg til dets målgruppe, og det indeholder printlayoutet 'Overdragelsesrapport / Handover report' (én side pr. sektor: kort, nøgletal og bemanding, betjent, nabosektorer, samarbejdspartnere, åbne udfordringer og de seneste logindlæg; se Eksportér overdragelsesrapport) og layoutene til de offentlige sektorkort. Sektorloggen, samarbejdspartnerne og arrangementerne er interne: ingen offentlig eksport (Eksportér sektorkort, Eksportér offentligt webkort) læser dem nogensinde.

Parametre:
Sektorer — sektorpolygonerne (f.eks. fra Opdel distrikter i sektorer eller Beregn sektorbemanding).
Sektor-id-felt — feltet med hver sektors entydige id (standard sector_id).
Outputmappe — hvor workspace.gpkg og workspace.qgz skrives.
Erstat et eksisterende arbejdsområde — overskriv et arbejdsområde, der allerede ligger i mappen (dets log, samarbejdspartnere og arrangementer går tabt); uden den røres et eksisterende arbejdsområde aldrig.
Stationsdatabase — til en stations fælles sektorlog: en PostgreSQL/PostGIS-forbindelse (service=NAVN fra pg_service.conf, dbname=… host=… eller navnet på en PostgreSQL-forbindelse gemt i QGIS; aldrig en adgangskode). De samme tabeller oprettes i dens skema ypo, med rollerne ypo_manager, ypo_officer, ypo_reader og ypo_public håndhævet af databasen (row-level security), betjentene tilknyttet sektorer i ypo.officer_sectors, viewet public_sectors, et fortrolighedsflag på logindlæg, og forfatter og tidspunkt sat af databasen; projektet (og station.sql, det script, der blev kørt) skrives til outputmappen. Tom: en GeoPackage til én person.

Resultater: GEOPACKAGE (ingen for en stationsdatabase), STATION_SCRIPT (station.sql, kun for en stationsdatabase), PROJECT og SECTOR_COUNT.</translation>
    </message>
    <message>
        <source>Station database (PostgreSQL connection, optional)</source>
        <translation>Stationsdatabase (PostgreSQL-forbindelse, valgfri)</translation>
    </message>
    <message>
        <source>Station database script</source>
        <translation>Stationsdatabasens script</translation>
    </message>
    <message>
        <source>Wrote the station database ({database}), {script} and {project} ({count} sectors). Assign the officers to their sectors in ypo.officer_sectors, then open the project to edit.</source>
        <translation>Skrev stationsdatabasen ({database}), {script} og {project} ({count} sektorer). Tilknyt betjentene deres sektorer i ypo.officer_sectors, og åbn derefter projektet for at redigere.</translation>
    </message>
    <message>
        <source>Wrote {data} and {project} ({count} sectors). Open the project to edit.</source>
        <translation>Skrev {data} og {project} ({count} sektorer). Åbn projektet for at redigere.</translation>
    </message>
    <message>
        <source>Writes the handover report of a sector workspace (made by Create sector workspace) as one PDF: a page per sector for the officer taking over the sector, from the workspace's layout '{layout}'. Each page shows the sector on a map with its partners and events, its key figures and manning (population, crimes, factor and officers, when the sectors have those fields), the officer's contact details, the neighbouring sectors (also across district lines: the sectors' neighbours field, or the sectors sharing a boundary when there is none), the partners, the open challenges (log entries open or in progress) and the latest log entries, as saved in the workspace when the report is written. The report is internal. The scale bar and north arrow are below the map, clear of its labels.

Parameters:
Workspace project — the workspace.qgz written by Create sector workspace, in a GeoPackage or a station database (there the report holds what your login may read: a restricted log entry only for managers and the sector's own officers).
Sector id — the sector to report on; leave it empty for every sector (one page each, in the order of their ids).
{text_help}DPI — resolution of the map and other raster parts (default {dpi}).
Handover report — the PDF file to write.

Results: OUTPUT (the PDF) and PAGE_COUNT.</source>
        <translation>Skriver overdragelsesrapporten for et sektorarbejdsområde (lavet med Opret sektorarbejdsområde) som én PDF: en side pr. sektor til den betjent, der overtager sektoren, ud fra arbejdsområdets layout '{layout}'. Hver side viser sektoren på et kort med dens samarbejdspartnere og arrangementer, dens nøgletal og bemanding (befolkning, kriminalitet, faktor og betjente, når sektorerne har de felter), betjentens kontaktoplysninger, nabosektorerne (også på tværs af distriktsgrænser: sektorernes felt neighbours eller de sektorer, der deler en grænse med den, når feltet mangler), samarbejdspartnerne, de åbne udfordringer (logindlæg, der er åbne eller i gang) og de seneste logindlæg, sådan som de er gemt i arbejdsområdet, når rapporten skrives. Rapporten er intern. Målestok og nordpil står under kortet, fri af dets etiketter.

Parametre:
Arbejdsområdeprojekt — den workspace.qgz, som Opret sektorarbejdsområde har skrevet, i en GeoPackage eller en stationsdatabase (dér rummer rapporten det, dit login må læse: et fortroligt logindlæg kun for ledere og sektorens egne betjente).
Sektor-id — den sektor, der skal rapporteres om; lad den stå tom for alle sektorer (én side hver, i rækkefølge efter id).
{text_help}DPI — opløsningen af kortet og andre rasterdele (standard {dpi}).
Overdragelsesrapport — den PDF-fil, der skal skrives.

Resultater: OUTPUT (PDF'en) og PAGE_COUNT.</translation>
    </message>
    <message>
        <source>WORKSPACE: {path} has no usable layout &apos;{layout}&apos; (or its sectors table is missing); give the workspace.qgz written by Create sector workspace, with workspace.gpkg beside it (or its station database reachable).</source>
        <translation>WORKSPACE: {path} har intet brugbart layout '{layout}' (eller dets sektortabel mangler); angiv den workspace.qgz, som Opret sektorarbejdsområde har skrevet, med workspace.gpkg ved siden af (eller dets stationsdatabase tilgængelig).</translation>
    </message>
    <message>
        <source>Fortrolig / Restricted</source>
        <translation>Fortrolig</translation>
    </message>
    <message>
        <source>Skrevet / Written at</source>
        <translation>Skrevet</translation>
    </message>
    <message>
        <source>Ingen kildeoplysninger her / No source information here: information on criminal activities and groups is handled under the source-handling rules, never in the sector log.</source>
        <translation>Ingen kildeoplysninger her: oplysninger om kriminelle aktiviteter og grupper behandles efter reglerne for kildehåndtering, aldrig i sektorloggen.</translation>
    </message>
    <message>
        <source>DATABASE: '{connection}' is neither a connection string (service=NAME or dbname=… host=…) nor a PostgreSQL connection saved in QGIS (saved: {names}).</source>
        <translation>DATABASE: '{connection}' er hverken en forbindelsesstreng (service=NAVN eller dbname=… host=…) eller en PostgreSQL-forbindelse gemt i QGIS (gemte: {names}).</translation>
    </message>
    <message>
        <source>DATABASE: the connection holds a password, which would be written into the project. Leave it out: put it in the password file (~/.pgpass) of a pg_service.conf service, or use a QGIS authentication configuration (authcfg=…).</source>
        <translation>DATABASE: forbindelsen indeholder en adgangskode, som ville blive skrevet ind i projektet. Udelad den: læg den i adgangskodefilen (~/.pgpass) for en pg_service.conf-tjeneste, eller brug en QGIS-godkendelseskonfiguration (authcfg=…).</translation>
    </message>
    <message>
        <source>DATABASE: '{connection}' names no database; give service=NAME (a pg_service.conf service) or dbname=… host=….</source>
        <translation>DATABASE: '{connection}' angiver ingen database; angiv service=NAVN (en tjeneste i pg_service.conf) eller dbname=… host=….</translation>
    </message>
    <message>
        <source>the station database ({connection})</source>
        <translation>stationsdatabasen ({connection})</translation>
    </message>
    <message>
        <source>DATABASE: {connection} already holds a station (schema {schema}); its sector log would be lost. Set REPLACE (Replace an existing workspace) to overwrite it.</source>
        <translation>DATABASE: {connection} rummer allerede en station (skema {schema}); dens sektorlog ville gå tabt. Sæt REPLACE (Erstat et eksisterende arbejdsområde) for at overskrive den.</translation>
    </message>
    <message>
        <source>DATABASE: the station could not be set up in {connection} ({problem}). Check the connection, that PostGIS is installed and that you may create roles, or have an administrator run {script} there.</source>
        <translation>DATABASE: stationen kunne ikke oprettes i {connection} ({problem}). Kontrollér forbindelsen, at PostGIS er installeret, og at du må oprette roller, eller få en administrator til at køre {script} dér.</translation>
    </message>
    <message>
        <source>&amp;YPO sector planning</source>
        <translation>&amp;YPO-sektorplanlægning</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} til {last}</translation>
    </message>
    <message>
        <source>p &lt; {limit:.3f}</source>
        <translation>p &lt; {limit:.3f}</translation>
    </message>
    <message>
        <source>p = {p:.3f}</source>
        <translation>p = {p:.3f}</translation>
    </message>
    <message>
        <source>Could not write features {first} to {last} to {destination}: {error}</source>
        <translation>Kunne ikke skrive objekterne {first} til {last} til {destination}: {error}</translation>
    </message>
</context>
</TS>
