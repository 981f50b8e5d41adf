// Aho-Corasick over UTF-16 code units, case-folded on the fly: one pass finds every keyword of every rule.
// The automaton is a dense table over the few characters that occur in keywords (all other characters share
// class 0), so the scan loop is one table lookup per character. Folding per code unit keeps offsets equal to
// the original text's, which `String.prototype.toLowerCase` does not guarantee (e.g. U+0130).

let lowerTable: Uint16Array | undefined;

/** Lower-case of each UTF-16 code unit, or the unit itself where lower-casing changes the length. */
function codeUnitLowerCase(): Uint16Array {
  if (lowerTable) return lowerTable;
  lowerTable = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const lower = String.fromCharCode(code).toLowerCase();
    lowerTable[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  return lowerTable;
}

export class KeywordIndex {
  readonly keywords: readonly string[];
  /** Character class of each (folded) code unit; 0 for characters that occur in no keyword. */
  private readonly classOf: Uint16Array;
  private readonly width: number;
  /** delta[state * width + class] = next state * width, negated (~) when the next state has outputs. */
  private readonly delta: Int32Array;
  /** Keyword ids ending in state s: outputs[outputStart[s] .. outputStart[s + 1]). */
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const lower = codeUnitLowerCase();
    const classIndex = new Map<number, number>();
    for (const word of keywords) {
      for (let i = 0; i < word.length; i++) {
        const code = lower[word.charCodeAt(i)]!;
        if (!classIndex.has(code)) classIndex.set(code, classIndex.size + 1);
      }
    }
    this.width = classIndex.size + 1;
    this.classOf = new Uint16Array(65536);
    for (let code = 0; code < 65536; code++) this.classOf[code] = classIndex.get(lower[code]!) ?? 0;

    const goto: Array<Map<number, number>> = [new Map()];
    const ending: number[][] = [[]];
    keywords.forEach((word, id) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const cls = this.classOf[word.charCodeAt(i)]!;
        let next = goto[state]!.get(cls);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          ending.push([]);
          goto[state]!.set(cls, next);
        }
        state = next;
      }
      if (word.length > 0) ending[state]!.push(id);
    });
    const { delta, outputs } = this.buildAutomaton(goto, ending);
    this.delta = delta;
    this.outputStart = new Int32Array(outputs.length + 1);
    outputs.forEach((ids, state) => (this.outputStart[state + 1] = this.outputStart[state]! + ids.length));
    this.outputs = Int32Array.from(outputs.flat());
    for (let i = 0; i < this.delta.length; i++) {
      const next = this.delta[i]!;
      this.delta[i] = outputs[next]!.length > 0 ? ~(next * this.width) : next * this.width;
    }
  }

  // Breadth-first: each state's failure link is resolved before its children, which copy missing transitions.
  private buildAutomaton(goto: Array<Map<number, number>>, ending: number[][]) {
    const width = this.width;
    const delta = new Int32Array(goto.length * width);
    const fail = new Int32Array(goto.length);
    const outputs = ending.map((ids) => [...ids]);
    const queue: number[] = [];
    for (const [cls, child] of goto[0]!) {
      delta[cls] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let cls = 0; cls < width; cls++) {
        const child = goto[state]!.get(cls);
        const viaFail = delta[fail[state]! * width + cls]!;
        if (child === undefined) {
          delta[state * width + cls] = viaFail;
        } else {
          delta[state * width + cls] = child;
          fail[child] = viaFail;
          queue.push(child);
        }
      }
    }
    return { delta, outputs };
  }

  /** Calls `visit(keywordId, end)` for every occurrence, `end` being the index just after it. */
  forEachMatch(text: string, visit: (keyword: number, end: number) => void): void {
    const { delta, classOf, width, outputStart, outputs } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state + classOf[text.charCodeAt(i)]!]!;
      if (state < 0) {
        state = ~state;
        const id = state / width;
        for (let k = outputStart[id]!; k < outputStart[id + 1]!; k++) visit(outputs[k]!, i + 1);
      }
    }
  }
}
