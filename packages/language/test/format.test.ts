/** The canonical formatter: layout cases, idempotence on every example, comments kept. */
import fs from 'node:fs';
import path from 'node:path';
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { formatDocumentText } from '../src/monitor-formatter.js';
import { lowerProgram } from '../src/lower-program.js';
import { parse, services } from './helpers.js';

const format = expectFormatting(services.Monitor);
const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');

async function formatted(text: string): Promise<string> {
    return formatDocumentText(await parse(text));
}

describe('layout', () => {
    test('a block gets one property per line with four spaces of indentation', async () => {
        await format({
            before: 'monitor m {\n title "M"   grain quarter range 2020-Q1..2024-Q4 privacy {\nminimum 10  round 5 } }',
            after: `monitor m {
    title "M"
    grain quarter
    range 2020-Q1 .. 2024-Q4
    privacy {
        minimum 10
        round 5
    }
}
`,
        });
    });

    test('a known change of a source stands on a line of its own', async () => {
        expect(await formatted('source kwb from "k.csv" {\n snapshot at jaar known change 2022-01-01\n columns { jaar date } }'))
            .toBe('source kwb from "k.csv" {\n    snapshot at jaar\n    known change 2022-01-01\n    columns { jaar date }\n}\n');
    });
    test('columns stand one per line with their types aligned', async () => {
        await format({
            before: 'source s from "s.csv" {\n events on datum columns {\n datum date  wijk text client_id text? } }',
            after: `source s from "s.csv" {
    events on datum
    columns {
        datum     date
        wijk      text
        client_id text?
    }
}
`,
        });
    });

    test('operators get spaces around them and lists a space after each comma', async () => {
        await format({
            before: 'indicator i {value count from s where wijk in("a","b")and leeftijd>=12 desired down by wijk,leeftijd}',
            after: `indicator i {
    value count from s where wijk in ("a", "b") and leeftijd >= 12
    desired down
    by wijk, leeftijd
}
`,
        });
    });

    test('a rate breaks before per and a long measure before its where', async () => {
        await format({
            before: 'indicator verblijf { value count distinct client_id from trajecten active at end where voorziening in ("verblijf", "pleegzorg") per 1000 sum aantal from jongeren }',
            after: `indicator verblijf {
    value count distinct client_id from trajecten active at end
              where voorziening in ("verblijf", "pleegzorg")
          per 1000 sum aantal from jongeren
}
`,
        });
    });

    test('a transition puts its to where on a line of its own and percent of under the value', async () => {
        await format({
            before: 'indicator d { value transitions from bw where soort = "bw" to where soort = "ambulant" within 90 days percent of count from bw ended where soort = "bw" }',
            after: `indicator d {
    value transitions from bw where soort = "bw"
              to where soort = "ambulant" within 90 days
          percent of count from bw ended where soort = "bw"
}
`,
        });
    });

    test('top-level elements are separated by one blank line, notes stay together', async () => {
        await format({
            before: 'target a {\n baseline 2022 2026-Q4 - 15 %  tolerance 5 % }\n\n\n\ndimension w {\n s.wijk  t . wijk }\nnote 2023-07-01 "x" on a\n\nnote 2024-01-01 "y"',
            after: `target a {
    baseline 2022
    2026-Q4 -15%
    tolerance 5%
}

dimension w {
    s.wijk
    t.wijk
}

note 2023-07-01 "x" on a
note 2024-01-01 "y"
`,
        });
    });

    test('a binding keeps a short where on its line and breaks a long one before where, the same the second time', async () => {
        const before = 'dimension w { kwb.regiocode   where soort_regio="Wijk"  t.wijk where   wijk in ("Noord-Oost","Zuid-West","Centrum-Oost","Haven","Stad","Buiten") and jaar>=2020 }';
        const after = `dimension w {
    kwb.regiocode where soort_regio = "Wijk"
    t.wijk
        where wijk in ("Noord-Oost", "Zuid-West", "Centrum-Oost", "Haven", "Stad", "Buiten") and jaar >= 2020
}
`;
        await format({ before, after });
        expect(await formatted(after)).toBe(after);
    });

    test('a long reference puts its where and its value on lines of their own; a short one stays on one line', async () => {
        const before = 'reference woningen "Andere gemeenten 150.000–250.000 inwoners" from gemeenten in 2024 where inwoners >= 150000 and inwoners < 250000 value sum woningen per 1000 sum inwoners\n'
            + 'reference woningen "NL" from cbs value per_1000';
        const after = `reference woningen "Andere gemeenten 150.000–250.000 inwoners" from gemeenten in 2024
    where inwoners >= 150000 and inwoners < 250000
    value sum woningen per 1000 sum inwoners
reference woningen "NL" from cbs value per_1000
`;
        await format({ before, after });
        expect(await formatted(after)).toBe(after);
    });

    test('decimals is a property line of an indicator', async () => {
        await format({
            before: 'indicator x {\n value count from s  decimals 0 desired down }',
            after: `indicator x {
    value count from s
    decimals 0
    desired down
}
`,
        });
    });
});

describe('what reads better on one line', () => {
    test('a block written on one line stays there, its items two spaces apart, when it fits and holds no comment', async () => {
        await format({
            before: 'monitor m {\n title "M"\n privacy {   minimum 10 round 5}\n}\ndimension w { title "Wijk" s.wijk  t.wijk }',
            after: `monitor m {
    title "M"
    privacy { minimum 10  round 5 }
}

dimension w { title "Wijk"  s.wijk  t.wijk }
`,
        });
    });

    test('one-line targets written in a run stay together; one written apart keeps its blank line', async () => {
        const after = `target a { baseline 2022  2026-Q4 -15%  tolerance 5% }
target b { baseline 2022  2026-Q4 >= 50  tolerance 3 }

target c { baseline 2022  2026-Q4 -10% }
`;
        await format({ before: 'target a {baseline 2022 2026-Q4 - 15 % tolerance 5 %}\ntarget b { baseline 2022 2026-Q4 >= 50 tolerance 3 }\n\n\ntarget c { baseline 2022 2026-Q4 -10% }', after });
        expect(await formatted(after)).toBe(after);
    });

    test('a one-line block that would pass 100 characters, or holds a comment, opens up', async () => {
        const long = `dimension w { title "Een heel lange titel van de wijkindeling van de gemeente"  s.wijk  t.wijk  u.wijk }`;
        expect(long.length).toBeGreaterThan(100);
        expect(await formatted(long)).toBe('dimension w {\n    title "Een heel lange titel van de wijkindeling van de gemeente"\n    s.wijk\n    t.wijk\n    u.wijk\n}\n');
        expect(await formatted('target a { baseline 2022 /* nul */ 2026-Q4 -15% }')).toBe('target a {\n    baseline 2022 /* nul */\n    2026-Q4 -15%\n}\n');
    });

    test('trailing comments of neighbouring lines line up two spaces after the longest of them; a lone one gets two spaces', async () => {
        const after = `source s from "s.csv" {
    events on datum  // één rij per gebeurtenis
    columns {
        client_id   text   // gepseudonimiseerd
        voorziening text?  // eigen indeling
        datum       date
        wijk        text  // bij de toewijzing
    }
}
`;
        await format({ before: 'source s from "s.csv" {\nevents on datum // één rij per gebeurtenis\ncolumns {\nclient_id text // gepseudonimiseerd\nvoorziening text?      // eigen indeling\ndatum date\nwijk text // bij de toewijzing\n}\n}', after });
        expect(await formatted(after)).toBe(after);
    });
});

describe('comments', () => {
    test('line and block comments keep their place: trailing, own line, above an element', async () => {
        const before = `// kop
// van het bestand

monitor m { // na de accolade
  // eigen regel
        title "M" /* blok */ grain quarter
}
// boven de indicator
indicator i { value count from s // waarom
  where x = 1 }
`;
        await format({
            before,
            after: `// kop
// van het bestand

monitor m {  // na de accolade
    // eigen regel
    title "M" /* blok */
    grain quarter
}
// boven de indicator
indicator i {
    value count from s  // waarom
        where x = 1
}
`,
        });
    });

    test('every comment survives formatting, in order', async () => {
        for (const file of exampleFiles()) {
            const text = fs.readFileSync(file, 'utf8');
            const comments = (t: string) => t.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
            expect(comments(await formatted(text)), file).toEqual(comments(text));
        }
    });
});

describe('idempotence', () => {
    test('formatting an example twice gives the same text as once', async () => {
        const files = exampleFiles();
        expect(files.length).toBeGreaterThan(5);
        for (const file of files) {
            const once = await formatted(fs.readFileSync(file, 'utf8'));
            expect(await formatted(once), file).toBe(once);
        }
    });

    test('a formatted example lowers to the same IR, positions aside', async () => {
        const meaning = async (text: string) => JSON.stringify(lowerProgram({ uri: 'memory:/x.monitor', model: (await parse(text)).parseResult.value }),
            (key, v) => (key === 'span' || key === 'pathSpan' ? undefined : v));
        for (const file of exampleFiles()) {
            const text = fs.readFileSync(file, 'utf8');
            expect(await meaning(await formatted(text)), file).toBe(await meaning(text));
        }
    });

    test('a document with a parse error is left unchanged', async () => {
        const broken = 'indicator i {   value count from\n}';
        expect(await formatted(broken)).toBe(broken);
    });
});

function exampleFiles(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, e.name);
            if (e.isDirectory() && e.name !== 'node_modules') walk(full);
            else if (e.name.endsWith('.monitor')) found.push(full);
        }
    };
    walk(EXAMPLES); // examples/cbs-almere included: formatting needs no data
    return found;
}
