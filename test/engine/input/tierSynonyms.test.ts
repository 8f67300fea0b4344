import { tierKey, TIER_SYNONYMS } from "../../../src/engine/roles/tierSynonyms";

describe("margin-tier labels in four languages", () => {
  test.each([
    ["Premium", "premium"],
    ["Cao cấp", "premium"],
    ["cao cap", "premium"],
    ["高端", "premium"],
    ["高檔", "premium"],
    ["Trung cấp", "standard"],
    ["中端", "standard"],
    ["Phổ thông", "economy"],
    ["低端", "economy"],
    [" ECONOMY ", "economy"],
  ])("%s is the %s tier", (label, tier) => {
    expect(tierKey(label)).toBe(tier);
  });

  test("an unknown label matches only itself, folded", () => {
    expect(tierKey("Draft Beer")).toBe("draft beer");
    expect(tierKey("Draft Beer")).not.toBe(tierKey("Super"));
  });

  test("no synonym belongs to two tiers", () => {
    // A name listed under two tiers would map to only one of them, failing for the other.
    for (const [tier, names] of Object.entries(TIER_SYNONYMS))
      for (const n of names) expect([n, tierKey(n)]).toEqual([n, tier]);
  });
});
