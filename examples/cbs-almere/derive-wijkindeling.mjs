/**
 * Derives data/wijkindeling_2022.csv — which of the six stadsdelen of 2018–2021 each of the wijken of
 * 2022 lies in — from the raw CBS file in ../shared/data/cbs, deterministically. CBS publishes no
 * old → new table and the file holds codes, not names; but every buurt row carries its most common
 * postcode (MeestVoorkomendePostcode). So:
 *   1. the 2021 buurten give each 4-digit postcode its stadsdeel (buurt BU0034ssbb lies in WK0034ss);
 *   2. each 2022–2024 buurt gets the stadsdeel of its postcode (buurten without a postcode, or with one
 *      no 2021 buurt had, are left out);
 *   3. each 2022 wijk (WK0034ww, the buurten BU0034wwbb) goes to the stadsdeel with the largest weight,
 *      a buurt weighing its inhabitants + 1 (so empty business parks still count), summed over
 *      2022–2024; a tie goes to the lower code.
 * Usage (from the project folder):
 *   node examples/cbs-almere/derive-wijkindeling.mjs          write the table
 *   node examples/cbs-almere/derive-wijkindeling.mjs --check  exit 1 when the committed table differs
 */
import fs from 'node:fs';
import path from 'node:path';

const HERE = import.meta.dirname;
const RAW = path.resolve(HERE, '../../../shared/data/cbs/almere_kwb_2018_2025_raw.csv');
const OUT = path.join(HERE, 'data', 'wijkindeling_2022.csv');
// The names of the six stadsdelen (CBS codes WK003401–06 up to 2021); the file itself holds no names.
const NAMES = { WK003401: 'Haven', WK003402: 'Stad', WK003403: 'Buiten', WK003404: 'Hout', WK003405: 'Poort', WK003406: 'Pampus' };

/** The rows of the raw file as objects: ';'-separated, BOM, padded fields trimmed, '.' as empty. */
export function readRaw(file = RAW) {
    const [head, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const columns = head.split(';');
    return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [columns[i], v.trim() === '.' ? '' : v.trim()])));
}

const year = (r) => r.Peildatum.slice(-4);
const postcode = (r) => Object.keys(r).filter((k) => k.startsWith('MeestVoorkomendePostcode')).map((k) => r[k]).find((v) => v)?.slice(0, 4);
const wijkOf = (buurt) => `WK${buurt.slice(2, 8)}`;

/** The table: one entry per 2022 wijk, sorted by code. */
export function deriveTable(rows) {
    const stadsdeelOf = new Map();
    for (const r of rows.filter((x) => year(x) === '2021' && x.SoortRegio_2 === 'Buurt')) {
        const pc = postcode(r);
        if (!pc) continue;
        const sd = wijkOf(r.WijkenEnBuurten);
        if (stadsdeelOf.has(pc) && stadsdeelOf.get(pc) !== sd) throw new Error(`postcode ${pc} lies in two stadsdelen in 2021`);
        stadsdeelOf.set(pc, sd);
    }
    const wijken = [...new Set(rows.filter((x) => year(x) === '2022' && x.SoortRegio_2 === 'Wijk').map((x) => x.WijkenEnBuurten))].sort();
    const weights = new Map(wijken.map((w) => [w, new Map()]));
    for (const r of rows.filter((x) => ['2022', '2023', '2024'].includes(year(x)) && x.SoortRegio_2 === 'Buurt')) {
        const sd = stadsdeelOf.get(postcode(r));
        const w = weights.get(wijkOf(r.WijkenEnBuurten));
        if (!sd || !w) continue;
        w.set(sd, (w.get(sd) ?? 0) + Number(r.AantalInwoners_5 || 0) + 1);
    }
    return wijken.map((w) => {
        const best = [...weights.get(w)].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0];
        if (!best) throw new Error(`wijk ${w}: no buurt with a known postcode`);
        return { wijk2022: w, stadsdeel: best[0], naam: NAMES[best[0]] };
    });
}

export function tableCsv(table) {
    return ['wijk2022,stadsdeel,naam', ...table.map((t) => `${t.wijk2022},${t.stadsdeel},${t.naam}`)].join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
    if (!fs.existsSync(RAW)) {
        console.error(`${RAW} is absent (the shared data folder is not beside this checkout); nothing derived.`);
        process.exit(process.argv.includes('--check') ? 0 : 1);
    }
    const text = tableCsv(deriveTable(readRaw()));
    if (process.argv.includes('--check')) {
        const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
        if (!same) console.error(`${path.relative(process.cwd(), OUT)} differs from the derivation; run node examples/cbs-almere/derive-wijkindeling.mjs.`);
        process.exit(same ? 0 : 1);
    }
    fs.writeFileSync(OUT, text);
}
