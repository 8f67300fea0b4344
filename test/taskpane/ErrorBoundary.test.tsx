/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { renderPane } from "./renderPane";

let broken = true;
function Flaky() {
  if (broken) throw new Error("summary is undefined");
  return <p>pane content</p>;
}

test("a rendering error shows a translated message with a retry instead of a blank pane", async () => {
  jest.spyOn(console, "error").mockImplementation(() => {}); // React logs the caught error
  renderPane(
    <ErrorBoundary>
      <Flaky />
    </ErrorBoundary>,
    "vi",
  );
  expect(screen.getByText("Ngăn tác vụ gặp sự cố ngoài dự kiến.")).toBeInTheDocument();
  expect(screen.getByText(/summary is undefined/)).toBeInTheDocument();
  broken = false;
  await userEvent.click(screen.getByRole("button", { name: "Thử lại" }));
  expect(screen.getByText("pane content")).toBeInTheDocument();
});
