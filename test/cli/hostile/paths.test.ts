/** Issue 10, paths: INPUT a folder / FIFO / unreadable, OUTPUT a folder, long names, read-only folders. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../support/runCli";
import { expectOneLineFailure, readOnlyFolder, salesCsv, SAMPLE, tempFolder } from "./support";

const { dir, at } = tempFolder();
const csv = salesCsv(at("sales.csv"));
const isRoot = process.getuid?.() === 0;

describe("INPUT that is not a readable file → 3, one line", () => {
  test("a folder named like a CSV", async () => {
    fs.mkdirSync(at("folder.csv"));
    expectOneLineFailure(await runCli("apply", at("folder.csv"), "--json", "-"), 3, /folder\.csv is a folder/);
  });

  test("a folder without an extension", async () => {
    expectOneLineFailure(await runCli("apply", dir, "--json", "-"), 3, /is a folder, not a file/);
  });

  test("a named pipe is refused before it is opened (opening it would wait forever)", async () => {
    execFileSync("mkfifo", [at("pipe.csv")]);
    expectOneLineFailure(await runCli("apply", at("pipe.csv"), "--json", "-"), 3, /pipe\.csv is a named pipe/);
  });

  test("a device", async () => {
    fs.symlinkSync("/dev/zero", at("zero.xlsx"));
    expectOneLineFailure(await runCli("apply", at("zero.xlsx"), "--json", "-"), 3, /zero\.xlsx is a device/);
  });

  (isRoot ? test.skip : test)("a file without read permission", async () => {
    const file = salesCsv(at("secret.csv"));
    fs.chmodSync(file, 0o000);
    expectOneLineFailure(
      await runCli("apply", file, "--json", "-"),
      3,
      /secret\.csv cannot be read: permission denied/,
    );
  });

  test("a named pipe as the targets CSV", async () => {
    execFileSync("mkfifo", [at("targets-pipe.csv")]);
    expectOneLineFailure(
      await runCli("apply", csv, "--targets", at("targets-pipe.csv"), "--json", "-"),
      3,
      /--targets .*targets-pipe\.csv is a named pipe/,
    );
  });
});

describe("OUTPUT that cannot be written → 2, one line, nothing left behind", () => {
  test("--out or --json naming a folder", async () => {
    fs.mkdirSync(at("out-folder.xlsx"));
    fs.mkdirSync(at("json-folder"));
    expectOneLineFailure(await runCli("apply", csv, "--out", at("out-folder.xlsx")), 2, /--out .* is a folder/);
    expectOneLineFailure(
      await runCli("apply", csv, "--json", at("json-folder"), "--force"),
      2,
      /--json .*json-folder is a folder/,
    );
  });

  test("a legal 245-character OUTPUT name is written (the temporary name stays within 255 bytes)", async () => {
    const long = at(`${"k".repeat(240)}.xlsx`);
    const run = await runCli("apply", csv, "--out", long, "--json", at(`${"j".repeat(240)}.json`), "--quiet");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(fs.statSync(long).size).toBeGreaterThan(1000);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a name longer than 255 bytes is refused before any work", async () => {
    const tooLong = at(`${"é".repeat(130)}.xlsx`);
    expectOneLineFailure(await runCli("apply", SAMPLE, "--out", tooLong), 2, /longer than 255 bytes/, [tooLong]);
  });

  // The worst defect of issue 10: a CSV INPUT with an unwritable output exited 0 with nothing written.
  const cases = [
    { input: "CSV", json: false },
    { input: "CSV", json: true },
    { input: "xlsx", json: false },
    { input: "xlsx", json: true },
  ];
  test.each(cases)("read-only folder, $input input, with --json: $json → 2", async ({ input, json }) => {
    const folder = readOnlyFolder(dir);
    if (!folder) return;
    const out = path.join(folder, "out.xlsx");
    const jsonFile = path.join(folder, "out.json");
    const run = await runCli(
      "apply",
      input === "CSV" ? csv : SAMPLE,
      "--out",
      out,
      ...(json ? ["--json", jsonFile] : []),
    );
    expectOneLineFailure(run, 2, /--out .*out\.xlsx cannot be written in .*: permission denied/, [out, jsonFile]);
  });

  test.each(cases)("name too long, $input input, with --json: $json → 2", async ({ input, json }) => {
    const out = at(`${"x".repeat(300)}.xlsx`);
    const run = await runCli(
      "apply",
      input === "CSV" ? csv : SAMPLE,
      "--out",
      out,
      ...(json ? ["--json", at("ok.json")] : []),
    );
    expectOneLineFailure(run, 2, /longer than 255 bytes/);
    expect(fs.existsSync(at("ok.json"))).toBe(false);
  });

  test("--json alone into a read-only folder → 2", async () => {
    const folder = readOnlyFolder(dir);
    if (!folder) return;
    const jsonFile = path.join(folder, "only.json");
    expectOneLineFailure(await runCli("apply", csv, "--json", jsonFile), 2, /cannot be written/, [jsonFile]);
  });
});

describe("temporary files of a killed run", () => {
  test("are removed by the next run writing to that folder (their PID is gone); live ones are kept", async () => {
    const dead = at(".out.xlsx.kpi-999999-3.tmp");
    const deadBase = at(".out.xlsx.kpi-999999-4.csv-base.tmp");
    const alive = at(`.out.xlsx.kpi-${process.pid}-77.tmp`);
    const users = at(".notes.tmp");
    for (const f of [dead, deadBase, alive, users]) fs.writeFileSync(f, "x");
    const run = await runCli("apply", csv, "--out", at("out.xlsx"), "--quiet");
    expect(run.code).toBe(0);
    expect([dead, deadBase, alive, users].map((f) => fs.existsSync(f))).toEqual([false, false, true, true]);
    fs.rmSync(alive);
  });
});
