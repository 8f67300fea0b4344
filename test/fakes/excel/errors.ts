/** Errors as Office.js raises them: an Error with a `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes). */

export const FAKE_ERROR_CODES = {
  cellEditMode: "InvalidOperationInCellEditMode",
  requestTooLarge: "RequestPayloadSizeLimitExceeded",
  responseTooLarge: "ResponsePayloadSizeLimitExceeded",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidArgument: "InvalidArgument",
  propertyNotLoaded: "PropertyNotLoaded",
  apiNotFound: "ApiNotFound",
  general: "GeneralException",
  accessDenied: "AccessDenied",
  invalidSelection: "InvalidSelection",
  inactiveWorkbook: "InactiveWorkbook",
  rangeExceedsLimit: "RangeExceedsLimit",
  invalidOperation: "InvalidOperation",
} as const;

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "The operation isn't available while Excel is in cell-editing mode.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  PropertyNotLoaded: "The property isn't available. Load it and call context.sync() before reading it.",
  ApiNotFound: "The API you are trying to use could not be found.",
  GeneralException: "An internal error has occurred.",
  AccessDenied: "You cannot perform the requested operation.",
  InvalidSelection: "The current selection is invalid for this operation.",
  InactiveWorkbook:
    "The operation failed because multiple workbooks are open and the workbook being called by this API has lost focus.",
  InvalidOperation: "The requested operation is invalid.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
};

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code] ?? code} ${detail}` : (MESSAGES[code] ?? code));
    this.name = "RichApi.Error";
    this.debugInfo = { code, message: this.message, errorLocation: detail };
  }
}
