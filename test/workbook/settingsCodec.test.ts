/** Column overrides are stored one way (by header, index as tie-breaker) and read back the same by Save and Apply. */
import { decodeOverrides, encodeOverrides } from "../../src/workbook/settingsCodec";

const HEADERS = ["Date", "Rep", "Amount", "Amount", "Cash in"];

test("a round trip gives back the same columns, duplicates included", () => {
  const overrides = { date: 0, revenue: 3, collected: 4, region: null };
  const stored = encodeOverrides(overrides, HEADERS);
  expect(stored).toEqual({
    date: { header: "Date", index: 0 },
    revenue: { header: "Amount", index: 3 },
    collected: { header: "Cash in", index: 4 },
    region: null,
  });
  expect(decodeOverrides(stored, HEADERS)).toEqual({ overrides, lost: [] });
});

test("a moved column is found by its header; of two columns with that header, the nearest to where it was", () => {
  const moved = ["Cash in", "Date", "Rep", "Amount", "Amount"];
  const stored = encodeOverrides({ collected: 4, revenue: 3 }, HEADERS);
  expect(decodeOverrides(stored, moved).overrides).toEqual({ collected: 0, revenue: 3 });
  expect(decodeOverrides(encodeOverrides({ revenue: 2 }, HEADERS), moved).overrides).toEqual({ revenue: 3 });
});

test("a header no longer in the source is lost (named), never mapped to the column now at its index", () => {
  const stored = encodeOverrides({ collected: 4 }, HEADERS);
  expect(decodeOverrides(stored, ["Date", "Rep", "Amount", "Amount", "Notes"])).toEqual({
    overrides: {},
    lost: ["collected"],
  });
});

test("settings saved before the codec (a bare header or a bare index) still read", () => {
  expect(decodeOverrides({ collected: "Cash in", date: 0, rep: 9 } as never, HEADERS)).toEqual({
    overrides: { collected: 4, date: 0 },
    lost: ["rep"],
  });
});
