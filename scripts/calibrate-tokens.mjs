// Promptotype — calibrates runtime/spec/token_count.cpp against OpenAI's o200k_base tokenizer.
//
// The counter splits text the way o200k's pre-tokenizer regex does and looks up the mean real token
// count of each piece by its class and length. This script measures those means and the real counts of
// the texts tests/test_token_count.cpp checks the counter against.
//
//   npm install --prefix /tmp/gpt gpt-tokenizer             (not committed)
//   NODE_PATH=/tmp/gpt/node_modules node scripts/calibrate-tokens.mjs [--promptotype build/promptotype]
//
// --promptotype refreshes the snapshots in tests/data/tokens/ first (the system prompt, its worked example
// and specs drafted offline). Writes tests/data/token_counts.json ({path: real count}) and prints the
// piece table to paste into token_count.cpp. `--count FILE...` only prints the real counts of files.
//
// [SECTION] Texts
// [SECTION] Pieces and classes
// [SECTION] Main

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { encode } = require('gpt-tokenizer/cjs/encoding/o200k_base');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const snapshots = path.join(root, 'tests/data/tokens');

//-----------------------------------------------------------------------------
// [SECTION] Texts
//-----------------------------------------------------------------------------

// Ideas the offline drafter answers for the snapshot specs: different domains and sizes.
const kIdeas = {
    'offline_beekeeping.json': 'a beekeeping log: hives, inspections with dates and notes, honey harvests per hive',
    'offline_court.json': 'a court calendar for a small claims clerk: hearings by day, case details, reschedule a hearing',
    'offline_chess.json': 'a chess clock for two players with increments and a move counter',
    'offline_invoices.json': 'an invoicing dashboard: outstanding invoices table, revenue chart, create an invoice form',
};

function refreshSnapshots(cli) {
    fs.mkdirSync(snapshots, { recursive: true });
    const prompt = execFileSync(cli, ['prompt'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    fs.writeFileSync(path.join(snapshots, 'system_prompt.txt'), prompt);
    const example = prompt.slice(prompt.indexOf('{"spec": 1', prompt.indexOf('# Example')));
    fs.writeFileSync(path.join(snapshots, 'worked_example.json'), example.trim() + '\n');
    for (const [file, idea] of Object.entries(kIdeas)) {
        const out = path.join(snapshots, file);
        fs.rmSync(out, { force: true });  // generate never overwrites a spec
        execFileSync(cli, ['generate', '--provider', 'offline', idea, '-o', out], { stdio: 'ignore' });
        fs.rmSync(out.replace(/\.json$/, '.history'), { recursive: true, force: true });  // keep the spec and its raw answer
    }
}

// Every text the test checks: the snapshots (prompt, example, drafts, prose) and the samples.
function texts() {
    const list = [];
    for (const dir of ['tests/data/tokens', 'samples'])
        for (const f of fs.readdirSync(path.join(root, dir)).sort())
            if (/\.(json|txt|md)$/.test(f)) list.push(`${dir}/${f}`);
    return list;
}

//-----------------------------------------------------------------------------
// [SECTION] Pieces and classes
//-----------------------------------------------------------------------------

// o200k_base's pre-tokenizer (tiktoken): BPE never merges across these pieces, so a text's token count
// is the sum of its pieces' counts.
const kPieces = new RegExp([
    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?:'s|'t|'re|'ve|'m|'ll|'d)?",
    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?:'s|'t|'re|'ve|'m|'ll|'d)?",
    "\\p{N}{1,3}", " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*", "\\s*[\\r\\n]+", "\\s+(?!\\S)", "\\s+"].join('|'), 'gu');

// Must match pieceClass() in runtime/spec/token_count.cpp: a class name and a length in UTF-8 bytes.
const kClasses = { word: 24, wordSpace: 24, wordPunct: 24, caps: 12, digits: 3, punct: 12, punctSpace: 12, newlines: 8, spaces: 16 };
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const isLetter = (c) => /[\p{L}\p{M}]/u.test(c);

function pieceClass(piece) {
    if (/^\p{N}+$/u.test(piece)) return ['digits', bytes(piece)];
    if (/^\s+$/u.test(piece)) return /[\r\n]/.test(piece) ? ['newlines', bytes(piece)] : ['spaces', bytes(piece)];
    const first = [...piece][0];
    const letters = isLetter(first) ? piece : piece.slice(first.length);
    if (letters.length && [...letters].every(isLetter) || /^[\p{L}\p{M}]+'[a-zA-Z]+$/u.test(letters)) {
        if (letters.length > 1 && !/[\p{Ll}]/u.test(letters)) return ['caps', bytes(letters)];
        if (letters === piece) return ['word', bytes(letters)];
        return [first === ' ' ? 'wordSpace' : 'wordPunct', bytes(letters)];
    }
    return piece.startsWith(' ') ? ['punctSpace', bytes(piece) - 1] : ['punct', bytes(piece)];
}

// Mean real tokens per class and length (1..cap, longer pieces in the last bucket scaled by length).
function pieceTable(allTexts) {
    const sums = {};
    for (const [name, cap] of Object.entries(kClasses)) sums[name] = Array.from({ length: cap + 1 }, () => [0, 0]);
    for (const text of allTexts)
        for (const [piece] of text.matchAll(kPieces)) {
            const [name, len] = pieceClass(piece);
            const cap = kClasses[name];
            const real = encode(piece).length;
            const bucket = sums[name][Math.min(len, cap)];
            bucket[0] += len > cap ? (real * cap) / len : real;  // the last bucket holds tokens per `cap` bytes
            bucket[1] += 1;
        }
    const table = {};
    for (const [name, buckets] of Object.entries(sums)) {
        const means = [0];
        for (let len = 1; len < buckets.length; ++len) {
            const [sum, n] = buckets[len];
            // Unseen lengths grow from the last seen one by its tokens per byte (whitespace runs stay one token).
            const grows = name !== 'newlines' && name !== 'spaces';
            means.push(n ? sum / n : grows ? means[len - 1] * len / Math.max(1, len - 1) : means[len - 1]);
        }
        table[name] = means;
    }
    return table;
}

function cppTable(table) {
    const rows = Object.entries(table).map(([name, means]) =>
        `    {${means.slice(1).map((m) => m.toFixed(3) + 'f').join(', ')}},  // ${name}`);
    return `static const std::vector<float> kMeanTokens[] = {\n${rows.join('\n')}\n};`;
}

//-----------------------------------------------------------------------------
// [SECTION] Main
//-----------------------------------------------------------------------------

const args = process.argv.slice(2);
if (args[0] === '--count') {
    for (const f of args.slice(1)) console.log(`${encode(fs.readFileSync(f, 'utf8')).length}\t${f}`);
    process.exit(0);
}
if (args[0] === '--promptotype') refreshSnapshots(path.resolve(args[1]));
const files = texts();
const contents = files.map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
const counts = {};
files.forEach((f, i) => { counts[f] = encode(contents[i]).length; });
fs.writeFileSync(path.join(root, 'tests/data/token_counts.json'), JSON.stringify(counts, null, 1) + '\n');
console.log(cppTable(pieceTable(contents)));
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.error(`${files.length} texts, ${total} real o200k tokens; wrote tests/data/token_counts.json`);
