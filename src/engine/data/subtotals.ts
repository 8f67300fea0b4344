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

/** Amounts as written may be rounded to cents; sums of floats are not exact. */
function same(value: number, sum: number): boolean {
  return Math.abs(value - sum) <= Math.max(0.005, Math.abs(sum) * 1e-9);
}

/**
 * Indexes of the subtotal rows among the first n rows. `amounts` are the amount columns (NaN for
 * blank), `labels` the label codes (-1 for blank), `leftOut` rows already left out (totals rows),
 * which also close a run.
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
  const sinceBreak = new Float64Array(m);
  let breakLen = 0;
  const all = new Float64Array(m);
  let allLen = 0;
  const runCode = new Int32Array(t).fill(-3);
  const runLen = new Int32Array(t);
  const runSums = labels.map(() => new Float64Array(m));

  /** -1 when an amount differs, else how many nonzero amounts equal their sums. */
  const matches = (i: number, sums: Float64Array): number => {
    let hits = 0;
    for (let c = 0; c < m; c++) {
      const v = amounts[c][i];
      if (v !== v) continue;
      if (!same(v, sums[c])) return -1;
      if (v !== 0) hits++;
    }
    return hits;
  };
  const reset = (): void => {
    sinceBreak.fill(0);
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
      reset();
      continue;
    }
    const unnamed = blankLabels(i);
    const need = unnamed ? 1 : 2;
    let subtotal = false;
    if (breakLen >= 2 && fitsGroup(labels, i) && (isEnd(i) || (t > 0 && closesAny(labels, i))))
      subtotal = matches(i, sinceBreak) >= need;
    for (let k = 0; k < t && !subtotal; k++) {
      const code = labels[k][i];
      if (runLen[k] < 2 || (code !== runCode[k] && code >= 0)) continue;
      if (!isEnd(i) && labels[k][i + 1] === runCode[k]) continue;
      subtotal = matches(i, runSums[k]) >= (code < 0 ? 1 : 2);
    }
    if (!subtotal && i === n - 1 && allLen >= 2 && unnamed) subtotal = matches(i, all) >= 1;
    if (subtotal) {
      found.push(i);
      reset();
      continue;
    }
    for (let c = 0; c < m; c++) {
      const v = amounts[c][i];
      const x = v === v ? v : 0;
      sinceBreak[c] += x;
      all[c] += x;
    }
    breakLen++;
    allLen++;
    for (let k = 0; k < t; k++) {
      const code = labels[k][i];
      const sums = runSums[k];
      if (code !== runCode[k]) {
        runCode[k] = code;
        runLen[k] = 1;
        for (let c = 0; c < m; c++) sums[c] = amounts[c][i] === amounts[c][i] ? amounts[c][i] : 0;
      } else {
        runLen[k]++;
        for (let c = 0; c < m; c++) if (amounts[c][i] === amounts[c][i]) sums[c] += amounts[c][i];
      }
    }
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
