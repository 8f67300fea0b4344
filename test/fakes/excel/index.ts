export { createFakeWorkbook, FakeExcel, FAKE_PAYLOAD_LIMIT, FAKE_READ_CELL_LIMIT } from "./fakeWorkbook";
export type {
  FakeSeed,
  FakeOptions,
  FakeFault,
  FakeCounters,
  ConditionalFormatView,
  FakeExcelRun,
} from "./fakeWorkbook";
export { installFakeOffice } from "./installFakeOffice";
export { FakeOfficeError, FAKE_ERROR_CODES } from "./errors";
