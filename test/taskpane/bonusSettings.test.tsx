/** @jest-environment jsdom */
/** The template settings edit the bonus base (issue 13 §3): one amount, or a targets-table column; empty = none. */
import "@testing-library/jest-dom";
import { useState } from "react";
import { fireEvent, screen } from "@testing-library/react";
import { TemplateSettings } from "../../src/taskpane/components/TemplateSettings";
import type { Template } from "../../src/engine/types";
import { buildTemplate } from "./fixtures";
import { renderPane } from "./renderPane";

jest.setTimeout(30000);

/** The settings over a live template, patched as the reducer does (an undefined value drops the key). */
function Harness({ seen }: { seen: Array<Template["bonus"] | "absent"> }) {
  const [template, setTemplate] = useState<Template>(buildTemplate());
  return (
    <TemplateSettings
      template={template}
      errors={[]}
      onChange={(patch) => {
        const next = { ...template, ...patch } as Template;
        if ("bonus" in patch && patch.bonus === undefined) delete next.bonus;
        seen.push("bonus" in next ? next.bonus : "absent");
        setTemplate(next);
      }}
    />
  );
}

test("typing a base sets bonus.base; a column sets bonus.targetsColumn instead; clearing removes the bonus", () => {
  const seen: Array<Template["bonus"] | "absent"> = [];
  renderPane(<Harness seen={seen} />, "vi");
  const base = screen.getByLabelText("Mức thưởng cơ sở mỗi đối tượng");
  fireEvent.change(base, { target: { value: "1500,5" } });
  expect(seen.at(-1)).toEqual({ base: 1500.5 });
  const column = screen.getByLabelText("Hoặc: cột mức thưởng cơ sở trong bảng chỉ tiêu");
  fireEvent.change(column, { target: { value: "bonus_base" } });
  expect(seen.at(-1)).toEqual({ targetsColumn: "bonus_base" });
  expect(base).toHaveValue(""); // the amount gives way to the column
  fireEvent.change(column, { target: { value: "" } });
  expect(seen.at(-1)).toBe("absent");
});
