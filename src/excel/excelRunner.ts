/**
 * The one wrapper around Excel.run: retries while the user is editing a cell, checks requirement
 * sets, and turns Excel errors into a WorkbookError. Excel.run and isSetSupported are injected so
 * tests pass a fake.
 */
import { WorkbookError } from "../workbook/contract";
import { EXCEL_ERROR, errorCode, toWorkbookError } from "./excelErrors";

/** Excel.run-compatible (with RunOptions first, as Excel.run takes them). */
export type ExcelRunner = <T>(
  options: { delayForCellEdit?: boolean },
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;
export type RequirementCheck = (name: string, version: string) => boolean;

export interface ExcelHostOptions {
  /** Office.context.requirements.isSetSupported (default: the Office global when present). */
  isSetSupported?: RequirementCheck;
  /** Attempts while Excel is in cell-edit mode, and the wait between them. */
  editRetries?: number;
  editRetryDelayMs?: number;
  /** Bytes per request the adapter aims for (below Excel on the web's 5 MB limit). */
  payloadBudgetBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told when Excel is waiting for the user to leave a cell (the pane shows it). */
  onCellEditWait?: () => void;
}

export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

export interface ExcelHost {
  /** Runs a batch; retried from scratch while a cell is being edited (the batch must be restartable). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, what?: string): Promise<T>;
  supports(minor: number): boolean;
  budget: number;
}

function defaultRequirementCheck(): RequirementCheck {
  if (typeof Office !== "undefined" && Office.context?.requirements)
    return (n, v) => Office.context.requirements.isSetSupported(n, v);
  return () => true;
}

export function excelHost(run: ExcelRunner, options: ExcelHostOptions = {}): ExcelHost {
  const isSetSupported = options.isSetSupported ?? defaultRequirementCheck();
  const attempts = options.editRetries ?? 5;
  const delay = options.editRetryDelayMs ?? 400;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const supported = new Map<number, boolean>();
  return {
    budget: options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET,
    supports(minor) {
      let ok = supported.get(minor);
      if (ok === undefined) supported.set(minor, (ok = isSetSupported("ExcelApi", `1.${minor}`)));
      return ok;
    },
    async run(batch, what) {
      for (let attempt = 1; ; attempt++) {
        try {
          // Excel holds the batch until the user leaves the cell (RunOptions.delayForCellEdit);
          // hosts without it fail at once, hence the retries below.
          return await run({ delayForCellEdit: true }, batch);
        } catch (error) {
          if (errorCode(error) === EXCEL_ERROR.cellEditMode && attempt < attempts) {
            options.onCellEditWait?.();
            await sleep(delay * attempt);
            continue;
          }
          throw error instanceof WorkbookError ? error : toWorkbookError(error, what);
        }
      }
    },
  };
}
