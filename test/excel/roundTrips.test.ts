/**
 * End to end through runScorecard on the fake Excel: round trips stay fixed while the data fits
 * one request, and past that grow only by the read blocks the 5 MB limit forces, never per row.
 */
import { measureExcelRoundTrips, runOnFake, salesWorkbook, type RoundTripMeasure } from "../../bench/excel-roundtrips";
import { FAKE_PAYLOAD_LIMIT } from "../fakes/excel";

const measures: RoundTripMeasure[] = [];

afterAll(() => {
  // The note's table: rows, round trips, largest request/response, calls.
  console.log(
    [
      "rows | syncs | read blocks | max request B | max response B | API calls | refused",
      ...measures.map(
        (m) =>
          `${m.rows} | ${m.syncs} | ${m.readBlocks} | ${m.requestBytes} | ${m.responseBytes} | ${m.apiCalls} | ${m.rejected}`,
      ),
    ].join("\n"),
  );
});

describe("round trips of a full run", () => {
  it("10 and 10,000 rows take the same small number of round trips and calls", async () => {
    const ten = await measureExcelRoundTrips(10);
    const tenThousand = await measureExcelRoundTrips(10_000);
    measures.push(ten, tenThousand);
    expect(ten.syncs).toBe(tenThousand.syncs);
    expect(ten.syncs).toBeLessThanOrEqual(8);
    expect(ten.readBlocks).toBe(1);
    expect(tenThousand.readBlocks).toBe(1);
  });

  it("100,000 rows grow only by the read blocks the 5 MB limit forces", async () => {
    const ten = await measureExcelRoundTrips(10);
    const m = await measureExcelRoundTrips(100_000);
    measures.push(m);
    expect(m.readBlocks).toBeGreaterThan(1);
    expect(m.syncs - ten.syncs).toBe(m.readBlocks - 1);
    expect(m.requestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(m.responseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(m.rejected).toBe(0);
  }, 60_000);

  it("1,048,576 rows: blocks under 5 MB each, far fewer round trips than rows, source untouched", async () => {
    const ten = await measureExcelRoundTrips(10);
    const rows = 1_048_575; // + the header = Excel's 1,048,576 rows
    const fake = salesWorkbook(rows);
    let readBlocks = 0;
    const result = await runOnFake(fake, (p) => void (p.phase === "reading" && p.rowsDone > 0 && readBlocks++));
    expect(result.ok).toBe(true);
    const c = fake.counters;
    measures.push({
      rows: rows + 1,
      syncs: c.syncs,
      requestBytes: c.maxRequestBytes,
      responseBytes: c.maxResponseBytes,
      apiCalls: c.operations,
      rejected: c.rejectedSyncs,
      readBlocks,
    });
    expect(c.syncs - ten.syncs).toBe(readBlocks - 1);
    expect(readBlocks).toBeLessThan(60);
    expect(c.maxRequestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(c.maxResponseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(fake.mutations("Sales data")).toBe(0);
    if (result.ok) expect(result.scorecard.rowsRead).toBe(rows);
  }, 180_000);
});
