/**
 * Reads a source into a SourceTable in whole arrays: one round trip for the address and size, then
 * the values in row blocks sized to stay under the payload budget (one block when it fits).
 * A block that Excel still finds too large is halved and read again.
 */
import type { RawCell, SourceTable } from "../engine/types";
import { WorkbookError, type ProgressListener, type SourceRef } from "../workbook/contract";
import { fullAddress, parseAddress, type CellRect } from "./a1";
import { isPayloadTooLarge } from "./excelErrors";
import type { ExcelHost } from "./excelRunner";
import { bytesPerRow, FIRST_GUESS_BYTES_PER_CELL, rowsPerBlock } from "./payload";
import { describeSource, sourceRange } from "./sourceRange";

interface SourceShape {
  sheet: string;
  rect: CellRect;
}

export async function readSource(host: ExcelHost, ref: SourceRef, onProgress?: ProgressListener): Promise<SourceTable> {
  const what = describeSource(ref);
  const shape = await host.run(async (context) => {
    const range = sourceRange(context, ref);
    range.load("address");
    await context.sync();
    if (range.isNullObject) return null;
    return parseAddress(range.address);
  }, what);
  if (!shape || !shape.sheet)
    throw new WorkbookError("empty_source", `${capitalize(what)} is empty: there is no header row to read.`);
  const source: SourceShape = { sheet: shape.sheet, rect: shape.rect };
  const total = source.rect.rowCount;
  onProgress?.({ phase: "reading", rowsDone: 0, rowsTotal: total });

  // Rows land here by reference, as Excel returns them (no copy per row).
  const grid: RawCell[][] = new Array(total);
  let done = 0;
  let block = rowsPerBlock(source.rect.columnCount * FIRST_GUESS_BYTES_PER_CELL, source.rect.columnCount, host.budget);
  let blocksRead = 0;
  // Progress lives outside the batch, so a retry after cell-edit mode resumes where it stopped.
  await host.run(async (context) => {
    while (done < total) {
      // The sheet is looked up per block: a block refused by Excel must not leave a stale object behind.
      const sheet = context.workbook.worksheets.getItem(source.sheet);
      const count = Math.min(block, total - done);
      const rect = { ...source.rect, row: source.rect.row + done, rowCount: count };
      const range = sheet.getRange(fullAddress(source.sheet, rect).split("!")[1]);
      range.load("values");
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || count === 1) throw error;
        block = Math.max(1, Math.floor(count / 2));
        continue;
      }
      const values = range.values as RawCell[][] | null;
      if (values === null) {
        // Past Excel's cell limit a read comes back null: read smaller blocks.
        if (count === 1) throw new WorkbookError("payload_too_large", `${capitalize(what)} has rows too wide to read.`);
        block = Math.max(1, Math.floor(count / 2));
        continue;
      }
      for (let i = 0; i < values.length; i++) grid[done + i] = values[i];
      done += count;
      blocksRead++;
      // Size the next blocks from the rows just read.
      block = rowsPerBlock(bytesPerRow(values), source.rect.columnCount, host.budget);
      const remainingBlocks = Math.ceil((total - done) / block);
      onProgress?.({
        phase: "reading",
        rowsDone: done,
        rowsTotal: total,
        ...(blocksRead > 1 || remainingBlocks > 0
          ? { detail: `block ${blocksRead} of ${blocksRead + remainingBlocks}` }
          : {}),
      });
    }
  }, what);
  return toSourceTable(grid, source, what);
}

/** The first non-empty row is the header; the rest are data rows numbered by their sheet row. */
function toSourceTable(grid: RawCell[][], source: SourceShape, what: string): SourceTable {
  let headerAt = 0;
  while (headerAt < grid.length && grid[headerAt].every((c) => c === "" || c === null || c === undefined)) headerAt++;
  if (headerAt >= grid.length)
    throw new WorkbookError("empty_source", `${capitalize(what)} is empty: there is no header row to read.`);
  const headers = grid[headerAt].map((c) => (c === null || c === undefined ? "" : String(c).trim()));
  return {
    sheet: source.sheet,
    headers,
    rows: headerAt === 0 ? (grid.shift(), grid) : grid.slice(headerAt + 1),
    firstRow: source.rect.row + headerAt + 2,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
