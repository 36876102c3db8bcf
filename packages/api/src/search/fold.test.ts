import { describe, expect, it } from "vitest";

import { foldText, foldWords } from "./fold";

describe("search folding", () => {
  it("makes Uzbek Latin, Uzbek Cyrillic and Russian spellings of a word meet", () => {
    expect(foldText("телефон")).toBe("telefon");
    expect(foldText("Telefon")).toBe("telefon");
    expect(foldText("Смартфон Samsung")).toBe("smartfon samsung");
    expect(foldText("Холодильник")).toBe(foldText("xolodilnik"));
    expect(foldText("Khaki")).toBe(foldText("xaki"));
    expect(foldText("Жакет")).toBe(foldText("jaket"));
  });

  it("drops oʻ/gʻ apostrophes in every keyboard form, and the Cyrillic letters that stand for them", () => {
    const forms = ["Oʻzbekiston", "O'zbekiston", "O`zbekiston", "Oʼzbekiston", "O’zbekiston", "O‘zbekiston", "Ўзбекистон"];
    for (const form of forms) expect(foldText(form)).toBe("ozbekiston");
    expect(foldText("Gʻilof")).toBe(foldText("ғилоф"));
    expect(foldText("Qoʻl")).toBe(foldText("Қўл"));
    expect(foldText("Hajm")).toBe(foldText("ҳажм"));
  });

  it("removes accents, punctuation and anything that is not a letter or digit", () => {
    expect(foldText("Café — 128GB, 5G!")).toBe("cafe 128gb 5g");
    expect(foldText("a & | ! % \\ \u0000 😀 b")).toBe("a b");
    expect(foldText("   ")).toBe("");
  });

  it("lists each folded word once, within limits", () => {
    expect(foldWords("Telefon телефон TELEFON smartfon")).toEqual(["telefon", "smartfon"]);
    expect(foldWords("a bb ccc", { minLength: 2 })).toEqual(["bb", "ccc"]);
    expect(foldWords("one two three four", { max: 2 })).toEqual(["one", "two"]);
    expect(foldWords("x".repeat(41))).toEqual([]);
  });
});
