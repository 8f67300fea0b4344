/** Turns errors raised by Office.js into one WorkbookError with a message for the user. */
import { WorkbookError } from "../workbook/contract";

/** Office.js error codes the adapter reacts to (OfficeExtension.Error.code). */
export const EXCEL_ERROR = {
  cellEditMode: "InvalidOperationInCellEditMode",
  requestTooLarge: "RequestPayloadSizeLimitExceeded",
  responseTooLarge: "ResponsePayloadSizeLimitExceeded",
  itemNotFound: "ItemNotFound",
  apiNotFound: "ApiNotFound",
  /** Protected sheet or workbook structure, read-only file, view mode. */
  accessDenied: "AccessDenied",
  /** getSelectedRange with a chart, several areas or nothing usable selected. */
  invalidSelection: "InvalidSelection",
  /** Another workbook has the focus. */
  inactiveWorkbook: "InactiveWorkbook",
  /** A range past Excel's cell limit (5 million cells): read or write it in smaller blocks. */
  rangeExceedsLimit: "RangeExceedsLimit",
  general: "GeneralException",
} as const;

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === EXCEL_ERROR.requestTooLarge ||
    code === EXCEL_ERROR.responseTooLarge ||
    code === EXCEL_ERROR.rangeExceedsLimit
  );
}

export const CELL_EDIT_MESSAGE =
  "Excel is waiting for you to finish editing a cell. Press Enter or Esc to leave the cell, then try again.";

/**
 * One message per failure. `what` names the object the call was about ("table \"Sales\"") so a
 * missing item says which one.
 */
export function toWorkbookError(error: unknown, what?: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case EXCEL_ERROR.cellEditMode:
      return new WorkbookError("cell_edit_mode", CELL_EDIT_MESSAGE);
    case EXCEL_ERROR.accessDenied:
      return new WorkbookError(
        "access_denied",
        `Excel refused to change ${what ?? "the workbook"}: a sheet or the workbook structure is protected, or the file is read-only or open in view mode.`,
      );
    case EXCEL_ERROR.invalidSelection:
      return new WorkbookError(
        "invalid_selection",
        "Select one range of cells (not a chart or several areas), or choose the data from the list.",
      );
    case EXCEL_ERROR.inactiveWorkbook:
      return new WorkbookError(
        "inactive_workbook",
        "Another workbook has the focus: click into this one, then try again.",
      );
    case EXCEL_ERROR.requestTooLarge:
    case EXCEL_ERROR.responseTooLarge:
    case EXCEL_ERROR.rangeExceedsLimit:
      return new WorkbookError(
        "payload_too_large",
        "The data is too large for Excel to transfer, even in small blocks. Try a smaller table or range.",
      );
    case EXCEL_ERROR.itemNotFound:
      return new WorkbookError(
        "not_found",
        `Could not find ${what ?? "an item of the workbook"}: it may have been renamed or deleted.`,
      );
    case EXCEL_ERROR.apiNotFound:
      return new WorkbookError(
        "unsupported",
        `This version of Excel does not support a feature the add-in needs (${detail}).`,
      );
    default:
      // Programming mistakes (TypeError...) are not Excel's: let them surface as they are.
      if (!code) throw error;
      return new WorkbookError("host_error", `Excel reported an error (${code}): ${detail}`);
  }
}
