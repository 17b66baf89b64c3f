// Literal prefixes of a regex: the set of literal strings every match must start with
// ("kepala desa|kades|(?:meng)?hadiri?" → kepala desa, kades, menghadir, hadir), for the phrase
// index (phrases.ts). Anything the analyser does not understand (classes, \w, backreferences, a
// leading optional group …) ends a prefix early, which keeps it sound: a shorter prefix only
// yields more candidates.

type Quant = { min: number; max: number };
type Node =
  | { t: 'lit'; c: string; q: Quant }
  | { t: 'any'; q: Quant }
  | { t: 'b'; q: Quant }
  | { t: 'zero'; q: Quant }
  | { t: 'group'; alts: Node[][]; q: Quant };

const ONE: Quant = { min: 1, max: 1 };
const PREFIX_LIMIT = 2048;
const MAX_PREFIX = 16;

/** A recursive-descent reader of a regex source, just deep enough for literal prefixes. */
class Parser {
  private i = 0;
  constructor(private readonly source: string) {}

  parse(): Node[][] {
    const out = this.alternatives();
    if (this.i !== this.source.length) throw new Error('trailing input');
    return out;
  }

  private alternatives(): Node[][] {
    const alts: Node[][] = [[]];
    while (this.i < this.source.length) {
      const ch = this.source[this.i];
      if (ch === ')') break;
      if (ch === '|') {
        alts.push([]);
        this.i++;
        continue;
      }
      let node = this.atom(ch);
      const q = this.quantifier();
      if (q !== ONE) node = { ...node, q } as Node;
      alts[alts.length - 1].push(node);
    }
    return alts;
  }

  private atom(ch: string): Node {
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape();
    this.i++;
    if (ch === '.') return { t: 'any', q: ONE };
    if (ch === '^' || ch === '$') return { t: 'zero', q: ONE };
    return { t: 'lit', c: ch, q: ONE };
  }

  private group(): Node {
    const { source } = this;
    this.i++;
    let zero = false;
    if (source.startsWith('?:', this.i)) this.i += 2;
    else if (source.startsWith('?=', this.i) || source.startsWith('?!', this.i)) {
      this.i += 2;
      zero = true;
    } else if (source.startsWith('?<=', this.i) || source.startsWith('?<!', this.i)) {
      this.i += 3;
      zero = true;
    } else if (source.startsWith('?<', this.i)) {
      this.i = source.indexOf('>', this.i) + 1;
    }
    const inner = this.alternatives();
    if (source[this.i] !== ')') throw new Error('unbalanced group');
    this.i++;
    return zero ? { t: 'zero', q: ONE } : { t: 'group', alts: inner, q: ONE };
  }

  private charClass(): Node {
    const { source } = this;
    this.i++;
    const negated = source[this.i] === '^';
    if (negated) this.i++;
    const from = this.i;
    if (source[this.i] === ']') this.i++;
    while (this.i < source.length && source[this.i] !== ']') this.i += source[this.i] === '\\' ? 2 : 1;
    const chars = negated ? null : classChars(source.slice(from, this.i));
    this.i++;
    // A small class of plain characters ("[1-5]") is an alternation of literals.
    return chars ? { t: 'group', alts: chars.map((c) => [{ t: 'lit', c, q: ONE }]), q: ONE } : { t: 'any', q: ONE };
  }

  private escape(): Node {
    const { source } = this;
    const next = source[this.i + 1];
    this.i += 2;
    if (next === 'b') return { t: 'b', q: ONE };
    if (next === 'B') return { t: 'zero', q: ONE };
    if (/[.\-\\/()[\]{}|?*+^$ ,:;'"!#&%@=<>~`]/.test(next)) return { t: 'lit', c: next, q: ONE };
    // \w \s \d \p{…} \u…, escapes of control characters, backreferences: not literal.
    if ((next === 'p' || next === 'P' || next === 'u') && source[this.i] === '{') this.i = source.indexOf('}', this.i) + 1;
    return { t: 'any', q: ONE };
  }

  private quantifier(): Quant {
    const { source } = this;
    const ch = source[this.i];
    let q: Quant = ONE;
    if (ch === '?') {
      q = { min: 0, max: 1 };
      this.i++;
    } else if (ch === '*') {
      q = { min: 0, max: Infinity };
      this.i++;
    } else if (ch === '+') {
      q = { min: 1, max: Infinity };
      this.i++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(this.i));
      if (m) {
        q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]) };
        this.i += m[0].length;
      }
    }
    if (q !== ONE && source[this.i] === '?') this.i++; // lazy
    return q;
  }
}

/** The characters of a class body made only of plain characters and ranges (at most 16), else null. */
function classChars(body: string): string[] | null {
  if (body.includes('\\')) return null;
  const out: string[] = [];
  for (let k = 0; k < body.length; k++) {
    if (body[k + 1] === '-' && k + 2 < body.length) {
      const first = body.charCodeAt(k);
      const last = body.charCodeAt(k + 2);
      if (last < first || last - first > 16) return null;
      for (let code = first; code <= last; code++) out.push(String.fromCharCode(code));
      k += 2;
    } else out.push(body[k]);
    if (out.length > 16) return null;
  }
  return out.length ? out : null;
}

interface Prefixes {
  set: string[];
  exact: boolean;
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > PREFIX_LIMIT) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

function nodePrefixes(node: Node): Prefixes {
  let base: Prefixes;
  if (node.t === 'lit') base = { set: [node.c], exact: true };
  else if (node.t === 'any') base = { set: [''], exact: false };
  else if (node.t === 'b' || node.t === 'zero') base = { set: [''], exact: true };
  else {
    const set: string[] = [];
    let exact = true;
    for (const seq of node.alts) {
      const p = seqPrefixes(seq);
      set.push(...p.set);
      exact &&= p.exact;
    }
    base = { set, exact };
  }
  const { min, max } = node.q;
  if (min === 1 && max === 1) return base;
  // Zero repetitions allowed: the empty string is a prefix; more than one: only the first
  // repetition is known.
  const set = min === 0 ? [...base.set, ''] : base.set;
  return { set, exact: base.exact && max <= 1 };
}

function seqPrefixes(seq: readonly Node[]): Prefixes {
  let current = [''];
  for (const node of seq) {
    const p = nodePrefixes(node);
    const next = cross(current, p.set);
    if (!next) return { set: current, exact: false };
    current = [...new Set(next.map((s) => s.slice(0, MAX_PREFIX)))];
    if (!p.exact || current.some((s) => s.length >= MAX_PREFIX)) return { set: current, exact: false };
  }
  return { set: current, exact: true };
}

/** Every alternative asserts \b before consuming anything. */
function startsWithBoundary(alts: readonly (readonly Node[])[]): boolean {
  return alts.every((seq) => {
    for (const node of seq) {
      if (node.t === 'b') return true;
      if (node.t === 'zero') continue;
      if (node.t === 'group' && node.q.min >= 1) return startsWithBoundary(node.alts);
      return false;
    }
    return false;
  });
}

/** Literal prefixes of every match, or null when the regex cannot be indexed. Exported for tests. */
export function literalPrefixes(re: RegExp): string[] | null {
  if (re.flags.includes('i') || re.flags.includes('y')) return null;
  let alts: Node[][];
  try {
    alts = new Parser(re.source).parse();
  } catch {
    return null;
  }
  if (!startsWithBoundary(alts)) return null;
  const set = new Set<string>();
  for (const seq of alts) for (const s of seqPrefixes(seq).set) set.add(s);
  const list = [...set].sort();
  if (list.some((s) => s === '' || !isWordCode(s.charCodeAt(0)) || s.charCodeAt(0) >= 128)) return null;
  // Keep the shortest: a prefix that extends another adds no candidates.
  return list.filter((s, k) => !list.slice(0, k).some((shorter) => s.startsWith(shorter)));
}

export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
}
