// Microsoft Recognizers-Text on the same inputs as postchart, in postchart's JSON, so that
// shared/tools/score.py scores both the same way.
//
//   node eval/recognizers.mjs peers CASES.jsonl > pred.jsonl
//       one line per case, {"id", "facts"}, with the model the case's kind names (number,
//       percent, currency, dimension, temperature, age, ordinal; range uses the number model:
//       the suite ships no range model).
//   node eval/recognizers.mjs posts PARAGRAPHS.jsonl > pred.jsonl
//       PARAGRAPHS: {"file", "paragraphs": [...]} per post (from `postchart paragraphs`); every
//       unit model plus the number model over each paragraph.
// Prints the time spent recognising (not reading or writing) on stderr as `rt_seconds=S bytes=B`.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const R = require('@microsoft/recognizers-text-suite');

const MODELS = {
  number: R.recognizeNumber,
  range: R.recognizeNumber,
  ordinal: R.recognizeOrdinal,
  percent: R.recognizePercentage,
  currency: R.recognizeCurrency,
  dimension: R.recognizeDimension,
  temperature: R.recognizeTemperature,
  age: R.recognizeAge,
};

// Units as postchart names them, for the units score.py compares on posts.
const UNITS = {
  'Chinese yuan': '元',
  'United States dollar': '美元',
  Dollar: '美元',
  'Hong Kong dollar': '港元',
  Euro: '欧元',
  'British pound': '英镑',
  'Japanese yen': '日元',
  Kilogram: '公斤',
  Ton: '吨',
  Meter: '米',
  Kilometer: '公里',
  'Square meter': '平方米',
  'Square kilometer': '平方公里',
  Liter: '升',
  Year: '岁',
};

function toFact(result) {
  const res = result.resolution || {};
  let raw = res.value;
  let unit = res.unit ? UNITS[res.unit] || res.unit : null;
  if (result.typeName === 'percentage') unit = '%';
  if (typeof raw !== 'string') return { value: null, scale: 1, unit, label: '', qualifier: null, sign: 1, text: result.text };
  if (raw.endsWith('%')) raw = raw.slice(0, -1);
  const value = Number(raw.replace(/,/g, ''));
  return {
    value: Number.isFinite(value) ? value : null,
    scale: 1,
    unit,
    label: '',
    qualifier: null,
    sign: 1,
    text: result.text,
  };
}

function culture(lang) {
  return lang === 'en' ? R.Culture.English : R.Culture.Chinese;
}

let spent = 0n;
let bytes = 0;
function timed(fn) {
  const start = process.hrtime.bigint();
  const out = fn();
  spent += process.hrtime.bigint() - start;
  return out;
}

function readLines(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

const [mode, path] = process.argv.slice(2);
if (mode === 'peers') {
  for (const c of readLines(path)) {
    const model = MODELS[c.kind] || R.recognizeNumber;
    bytes += Buffer.byteLength(c.input);
    const results = timed(() => model(c.input, culture(c.lang)));
    process.stdout.write(`${JSON.stringify({ id: c.id, facts: results.map(toFact) })}\n`);
  }
} else if (mode === 'posts' || mode === 'posts-en') {
  // `posts-en`: English posts, with the English models and units named as an English post
  // writes them.
  const english = mode === 'posts-en';
  const lang = english ? R.Culture.English : R.Culture.Chinese;
  if (english) {
    Object.assign(UNITS, { Dollar: '$', 'United States dollar': '$', 'British pound': '£', Euro: '€', Mile: 'miles', Kilometer: 'kilometers', Meter: 'meters' });
  }
  const unitModels = [R.recognizePercentage, R.recognizeCurrency, R.recognizeDimension, R.recognizeAge, R.recognizeTemperature];
  for (const post of readLines(path)) {
    const facts = [];
    for (const text of post.paragraphs) {
      bytes += Buffer.byteLength(text);
      const found = timed(() => {
        const withUnits = unitModels.flatMap((m) => m(text, lang));
        // Bare numbers where no unit model matched.
        const covered = (r) => withUnits.some((u) => r.start >= u.start && r.end <= u.end);
        const numbers = R.recognizeNumber(text, lang).filter((r) => !covered(r));
        return [...withUnits, ...numbers];
      });
      facts.push(...found.sort((a, b) => a.start - b.start).map(toFact));
    }
    process.stdout.write(`${JSON.stringify({ file: post.file, facts, charts: [] })}\n`);
  }
} else {
  console.error('usage: node eval/recognizers.mjs peers CASES.jsonl | posts|posts-en PARAGRAPHS.jsonl');
  process.exit(2);
}
console.error(`rt_seconds=${(Number(spent) / 1e9).toFixed(3)} bytes=${bytes}`);
