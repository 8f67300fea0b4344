/**
 * Subtotal rows found by their amounts (issue 14): a row whose amounts equal the sum of the rows it
 * closes. "The rows it closes" are either the rows since the last subtotal or totals row (or the
 * start), or the current run of one label (a salesperson's rows in a report grouped by salesperson),
 * and the row must close them: the next row starts another group, is a totals row, or there is none;
 * its labels are blank or those of the group it closes.
 * To rule out chance (100 + 200 = 300), every amount the row has must match its sum, and two amounts
 * must match unless the row's label is blank (a subtotal row without a name). The last row equal to
 * the sum of every row kept is a grand total.
 */

/**
 * Amounts as written may be rounded to cents, and sums of floats are not exact. A sum here is the
 * difference of two running totals, so its rounding grows with the rows between them and with the
 * size of the running total (`bound`).
 */
function same(value: number, sum: number, bound: number): boolean {
  return Math.abs(value - sum) <= Math.max(0.005, Math.abs(sum) * 1e-9, bound);
}

const EPSILON = 2 ** -52;

/**
 * Indexes of the subtotal rows among the first n rows. `amounts` are the amount columns (NaN for
 * blank), `labels` the label codes (-1 for blank), `leftOut` rows already left out (totals rows),
 * which also close a run.
 * Sums come from one running total per amount column, so a row costs one addition per column
 * whatever the number of labels (issue 14: detection adds under 5 % to a run).
 */
export function findSubtotals(
  n: number,
  amounts: readonly Float64Array[],
  labels: readonly Int32Array[],
  leftOut: Uint8Array,
): number[] {
  const m = amounts.length;
  const found: number[] = [];
  if (m === 0 || n < 3) return found;
  const t = labels.length;
  // running[c][j]: the sum of column c over rows 0..j-1 not left out, in one tight pass per column;
  // a subtotal found later is taken off through `foundSums` (only the whole-file sum spans one).
  const running = amounts.map(() => new Float64Array(n + 1));
  const largest = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const values = amounts[c];
    const sums = running[c];
    let total = 0;
    let size = 0; // Σ|v| bounds every running total's size
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (leftOut[i] === 0 && v === v) {
        total += v;
        size += v < 0 ? -v : v;
      }
      sums[i + 1] = total;
    }
    largest[c] = size;
  }
  const foundSums = new Float64Array(m);
  let breakStart = 0;
  let breakLen = 0;
  let allLen = 0;
  const runCode = new Int32Array(t).fill(-3);
  const runLen = new Int32Array(t);
  const runStart = new Int32Array(t);

  /** -1 when an amount differs from the sum of the rows kept in from..i-1, else how many nonzero amounts equal it. */
  const matches = (i: number, from: number): number => {
    let hits = 0;
    for (let c = 0; c < m; c++) {
      const v = amounts[c][i];
      if (v !== v) continue;
      const sum = running[c][i] - running[c][from] - (from === 0 ? foundSums[c] : 0);
      if (!same(v, sum, (i - from + 1) * largest[c] * EPSILON)) return -1;
      if (v !== 0) hits++;
    }
    return hits;
  };
  const reset = (next: number): void => {
    breakStart = next;
    breakLen = 0;
    runCode.fill(-3);
    runLen.fill(0);
  };
  const blankLabels = (i: number): boolean => {
    for (let k = 0; k < t; k++) if (labels[k][i] >= 0) return false;
    return true;
  };
  const isEnd = (i: number): boolean => i === n - 1 || leftOut[i + 1] === 1;

  for (let i = 0; i < n; i++) {
    if (leftOut[i] === 1) {
      reset(i + 1);
      continue;
    }
    let subtotal = false;
    if (breakLen >= 2 && fitsGroup(labels, i) && (isEnd(i) || (t > 0 && closesAny(labels, i))))
      subtotal = matches(i, breakStart) >= (blankLabels(i) ? 1 : 2);
    // One pass per label: does row i close its run, and if not, the run goes on (or starts) at row i.
    // A subtotal found resets every run, so runs moved on before it was found do not matter.
    for (let k = 0; k < t && !subtotal; k++) {
      const codes = labels[k];
      const code = codes[i];
      const run = runCode[k];
      if (runLen[k] >= 2 && (code === run || code < 0) && (isEnd(i) || codes[i + 1] !== run))
        subtotal = matches(i, runStart[k]) >= (code < 0 ? 1 : 2);
      if (subtotal) break;
      if (code !== run) {
        runCode[k] = code;
        runLen[k] = 1;
        runStart[k] = i;
      } else runLen[k]++;
    }
    if (!subtotal && i === n - 1 && allLen >= 2 && blankLabels(i)) subtotal = matches(i, 0) >= 1;
    if (subtotal) {
      found.push(i);
      // Later sums start after this row, except the whole-file one: take the row off it.
      for (let c = 0; c < m; c++) {
        const v = amounts[c][i];
        if (v === v) foundSums[c] += v;
      }
      reset(i + 1);
      continue;
    }
    breakLen++;
    allLen++;
  }
  return found;
}

/** Whether row i's labels are blank or those of the row above it: a subtotal names the group it closes, or nothing. */
function fitsGroup(labels: readonly Int32Array[], i: number): boolean {
  for (const codes of labels) if (codes[i] >= 0 && codes[i] !== codes[i - 1]) return false;
  return true;
}

/** Whether row i closes a group: some label differs between the row before it and the row after it. */
function closesAny(labels: readonly Int32Array[], i: number): boolean {
  if (i === 0) return false;
  for (const codes of labels) if (codes[i + 1] !== codes[i - 1]) return true;
  return false;
}
