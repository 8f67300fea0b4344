/**
 * End to end through runScorecard on the fake Excel: a source that fits one request is read in one
 * round trip, and the whole run takes the same few round trips whatever its size; past 5 MB the read
 * falls back to blocks under the limit, says so in its progress, and grows only by those blocks.
 */
import {
  measureColumnRead,
  measureExcelRoundTrips,
  measureRun,
  salesWorkbook,
  type RoundTripMeasure,
} from "../../bench/excel-roundtrips";
import { FAKE_PAYLOAD_LIMIT } from "../fakes/excel";

const measures: RoundTripMeasure[] = [];

afterAll(() => {
  // The README's table.
  console.log(
    [
      "rows | round trips | read round trips | read blocks | max request B | max response B | API calls | refused",
      ...measures.map(
        (m) =>
          `${m.rows} | ${m.syncs} | ${m.readRoundTrips} | ${m.readBlocks} | ${m.requestBytes} | ${m.responseBytes} | ${m.apiCalls} | ${m.rejected}`,
      ),
    ].join("\n"),
  );
});

/** The read's progress says "block i of n" for i = 1..blocks, the last one "block n of n". */
function expectBlockProgress(m: RoundTripMeasure): void {
  expect(m.readDetails).toHaveLength(m.readBlocks);
  m.readDetails.forEach((detail, i) => expect(detail).toMatch(new RegExp(`^block ${i + 1} of \\d+$`)));
  expect(m.readDetails.at(-1)).toBe(`block ${m.readBlocks} of ${m.readBlocks}`);
}

describe("round trips of a full run", () => {
  let ten: RoundTripMeasure;
  beforeAll(async () => {
    ten = await measureExcelRoundTrips(10);
  });

  it("10 rows are read in one round trip, 10,000 in two (the head, then the columns used), and the run takes five or six", async () => {
    const tenThousand = await measureExcelRoundTrips(10_000);
    measures.push(ten, tenThousand);
    // A source within the head (header + 238 rows) is read with its address; a larger one reads the
    // rest in the columns the plan picked from the head, in one more round trip while it fits.
    expect(ten.readRoundTrips).toBe(1);
    expect(ten.readBlocks).toBe(1);
    expect(ten.readDetails).toEqual([]);
    expect(tenThousand.readRoundTrips).toBe(2);
    expect(tenThousand.readBlocks).toBe(2);
    expectBlockProgress(tenThousand);
    for (const m of [ten, tenThousand]) expect(m.rejected).toBe(0);
    // 1 read + 3 writes (what exists and is owned; the new sheets; the commit) + 1 to save the settings
    expect(ten.syncs).toBe(5);
    expect(tenThousand.syncs).toBe(ten.syncs + 1);
  });

  it("100,000 rows (about 7 MB) fall back to blocks under 5 MB and say so in the progress", async () => {
    const m = await measureExcelRoundTrips(100_000);
    measures.push(m);
    expect(m.readBlocks).toBeGreaterThan(1);
    // the first block comes with the address: one round trip per block, no more
    expect(m.readRoundTrips).toBe(m.readBlocks);
    expect(m.syncs - ten.syncs).toBe(m.readBlocks - 1);
    expect(m.requestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(m.responseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(m.rejected).toBe(0);
    expectBlockProgress(m);
  }, 60_000);

  it("1,048,576 rows: blocks under 5 MB each, far fewer round trips than rows, source untouched", async () => {
    const rows = 1_048_575; // + the header = Excel's 1,048,576 rows
    const fake = salesWorkbook(rows);
    const m = await measureRun(fake, rows);
    measures.push({ ...m, rows: rows + 1 });
    expect(m.readRoundTrips).toBe(m.readBlocks);
    expect(m.syncs - ten.syncs).toBe(m.readBlocks - 1);
    expect(m.readBlocks).toBeLessThan(60);
    expect(m.requestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(m.responseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(m.rejected).toBe(0);
    expectBlockProgress(m);
    expect(fake.mutations("Sales data")).toBe(0);
  }, 180_000);
});

describe("bytes read per apply against the columns the template uses (issue 9 point 12)", () => {
  it("on 18 columns of which the template uses about half: at most 1.1 times the bytes of the used columns", async () => {
    const m = await measureColumnRead(10_000);
    console.log(
      `18-column source, ${m.rows} rows: ${m.usedColumns} of ${m.columns} columns used; read ${m.readBytes} B, ` +
        `used columns ${m.usedColumnBytes} B, ratio ${m.ratio.toFixed(3)} (goal: at most 1.1)`,
    );
    expect(m.usedColumns).toBeGreaterThanOrEqual(6);
    expect(m.usedColumns).toBeLessThanOrEqual(12);
    expect(m.ratio).toBeLessThanOrEqual(1.1);
    // Every used column is in what was read (the JSON framing of the reads differs a little from the measure's).
    expect(m.ratio).toBeGreaterThan(0.97);
  });
});
