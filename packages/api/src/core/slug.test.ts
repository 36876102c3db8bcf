import { describe, expect, it } from "vitest";

import { slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Samsung Galaxy A55 128GB", "samsung-galaxy-a55-128gb"],
    ["Muzlatgich Artel Oʻzbekiston", "muzlatgich-artel-ozbekiston"],
    ["Холодильник Artel — белый", "kholodilnik-artel-belyy"],
    ["Ғишт ва қозон", "gisht-va-qozon"],
    ["  --Café Crème--  ", "cafe-creme"],
    ["★★★", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});
