/**
 * A generated workspace for the language-server benchmark: `files` .monitor files with
 * `indicatorsPerFile` indicators each. Every 20th file is a hub with the monitor header, two sources
 * (small CSVs), a dimension and indicators; the others import a hub and add indicators and targets.
 */
import fs from 'node:fs';
import path from 'node:path';

const HUB_EVERY = 20;

function hubText(h, perFile) {
    return `monitor m${h} {
    title "Jeugdhulp cluster ${h}"
    grain quarter
    range 2019-Q1 .. 2024-Q4
    privacy { minimum 10  round 5 }
}

source trajecten${h} from "data/trajecten-${h}.csv" {
    episodes start begindatum end einddatum key client_id
    columns {
        client_id   text
        voorziening text
        begindatum  date
        einddatum   date?
        wijk        text
    }
}

source jongeren${h} from "data/jongeren-${h}.csv" {
    snapshot at peildatum valid 1 year
    columns { peildatum date  wijk text  aantal integer }
}

dimension wijk${h} { title "Wijk" trajecten${h}.wijk  jongeren${h}.wijk }
${indicators(`h${h}`, h, perFile)}`;
}

/** Indicators of one file: counts, rates with a breakdown, an expression, and a target on some. */
function indicators(prefix, h, n) {
    const out = [];
    for (let k = 0; k < n; k++) {
        const name = `${prefix}_i${k}`;
        const kind = k % 4;
        const value = kind === 0 ? `count distinct client_id from trajecten${h} active at end where voorziening = "verblijf"`
            : kind === 1 ? `count distinct client_id from trajecten${h} active at end where voorziening in ("verblijf", "pleegzorg")\n          per 1000 sum aantal from jongeren${h}`
                : kind === 2 ? `count distinct client_id from trajecten${h} started where voorziening = "ambulant"`
                    : `${prefix}_i${k - 3} + ${prefix}_i${k - 1}`;
        out.push(`indicator ${name} {
    title "Indicator ${k} van ${prefix}"
    unit "jeugdigen"
    value ${value}
    desired down${kind === 1 ? `\n    by wijk${h}` : ''}
}
`);
        if (kind === 0) out.push(`target ${name} { baseline 2022  2024-Q4 -10%  tolerance 5% }\n`);
    }
    return out.join('\n');
}

function csvFiles(dir, h) {
    const wijken = ['WK01', 'WK02', 'WK03'];
    const voorzieningen = ['verblijf', 'pleegzorg', 'ambulant'];
    const trajecten = ['client_id,voorziening,begindatum,einddatum,wijk'];
    for (let i = 0; i < 60; i++) {
        const start = `20${19 + (i % 5)}-0${1 + (i % 9)}-1${i % 9}`;
        trajecten.push(`C${h}_${i},${voorzieningen[i % 3]},${start},${i % 4 === 0 ? '' : `2024-0${1 + (i % 6)}-01`},${wijken[i % 3]}`);
    }
    const jongeren = ['peildatum,wijk,aantal'];
    for (let y = 2019; y <= 2024; y++) for (const w of wijken) jongeren.push(`${y}-01-01,${w},${1000 + y - 2000}`);
    fs.writeFileSync(path.join(dir, `hubs/data/trajecten-${h}.csv`), trajecten.join('\n') + '\n');
    fs.writeFileSync(path.join(dir, `hubs/data/jongeren-${h}.csv`), jongeren.join('\n') + '\n');
}

/** Writes the workspace into `dir`; returns the relative paths of a hub and of a leaf file. */
export function generateLspWorkspace(dir, { files = 1000, indicatorsPerFile = 10 } = {}) {
    fs.mkdirSync(path.join(dir, 'hubs/data'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'hubs'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'indicatoren'), { recursive: true });
    const hubs = Math.ceil(files / HUB_EVERY);
    for (let h = 0; h < hubs; h++) {
        fs.writeFileSync(path.join(dir, `hubs/hub-${h}.monitor`), hubText(h, indicatorsPerFile));
        csvFiles(dir, h);
    }
    for (let f = 0; f < files - hubs; f++) {
        const h = f % hubs;
        fs.writeFileSync(path.join(dir, `indicatoren/leaf-${f}.monitor`),
            `import "../hubs/hub-${h}.monitor"\n\n${indicators(`l${f}`, h, indicatorsPerFile)}`);
    }
    return { hub: 'hubs/hub-0.monitor', leaf: 'indicatoren/leaf-0.monitor', files, indicators: files * indicatorsPerFile };
}
