/** The starter monitor of `monitor init`: a small, deterministic youth-care example with its data. */

/** The starter `.monitor` text (Dutch domain words, English comments for a first-time reader). */
export const STARTER_MONITOR = `// A starter monitor: change it, then run 'monitor check .' and 'monitor run starter.monitor'.
// The language reference: docs/language.md of the monitor tools.

monitor starter {
    title "Jeugdhulp — startmonitor"
    owner "Onderzoek & Statistiek"
    grain quarter
    range 2022-Q1 .. 2024-Q4
    privacy {
        minimum 10
        round 5
    }
}

// One row is one period of youth care for one client (start and optional end date).
source trajecten from "data/trajecten.csv" {
    episodes start begindatum end einddatum key client_id
    coverage 2021-09-01 .. 2024-12-31
    columns {
        client_id   text
        voorziening text
        begindatum  date
        einddatum   date?
        wijk        text
    }
}

// Inhabitants aged 0 to 17 per wijk on 1 January; a count serves the whole year.
source inwoners from "data/inwoners.csv" {
    snapshot at peildatum valid 1 year
    columns {
        peildatum date
        wijk      text
        aantal    integer
    }
}

dimension wijk {
    title "Wijk"
    trajecten.wijk
    inwoners.wijk
}

indicator jeugdhulp {
    title "Jeugdigen met jeugdhulp per 1.000 jongeren"
    unit "per 1.000 jongeren"
    value count distinct client_id from trajecten active at end
          per 1000 sum aantal from inwoners
    desired down
    by wijk
}

indicator instroom {
    title "Instroom in jeugdhulp met verblijf"
    unit "jeugdigen"
    value count distinct client_id from trajecten started where voorziening = "verblijf"
    desired down
}

target jeugdhulp {
    baseline 2022
    2024-Q4 -10%
    tolerance 5%
}

note 2023-07-01 "Start van de wijkteams" on jeugdhulp
`;

/** A small linear congruential generator: the same data on every machine. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

function isoDate(day: number): string {
    return new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Episodes from late 2021 to 2024 in two wijken, a few hundred active at a time, falling after mid-2023. */
export function starterEpisodes(): string {
    const next = random(2024);
    const lines = ['client_id,voorziening,begindatum,einddatum,wijk'];
    for (let i = 1; i <= 1600; i++) {
        const start = Math.floor(next() * 1200) - 120;
        const length = 30 + Math.floor(next() * 300);
        const end = start + length;
        const open = end >= 1095;
        const voorziening = next() < 0.35 ? 'verblijf' : 'ambulant';
        const wijk = next() < 0.55 ? 'Noord' : 'Zuid';
        // Fewer new starts later on: the trend the target asks for.
        if (start > 500 && next() < 0.3) continue;
        lines.push(`c${String(i).padStart(4, '0')},${voorziening},${isoDate(start)},${open ? '' : isoDate(end)},${wijk}`);
    }
    return lines.join('\n') + '\n';
}

/** Inhabitants aged 0–17 per wijk on 1 January of 2022–2024. */
export function starterInhabitants(): string {
    const rows = ['peildatum,wijk,aantal'];
    for (const [i, year] of [2022, 2023, 2024].entries()) {
        rows.push(`${year}-01-01,Noord,${4200 + 40 * i}`, `${year}-01-01,Zuid,${3600 - 25 * i}`);
    }
    return rows.join('\n') + '\n';
}
