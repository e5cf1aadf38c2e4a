// jest setupFiles: where the README's testing-kit example finds "your Pulumi project", and where the
// adoption journal of this test file's processes (in-process providers and the provider hosts it starts,
// which inherit this environment) lives: a directory of its own, never the user's.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { POLICY_PROGRAM_DIR } from "./paths";

process.env["POLICY_PROGRAM_DIR"] = POLICY_PROGRAM_DIR;
process.env["PIM_ALERTS_STATE_DIR"] = fs.mkdtempSync(path.join(os.tmpdir(), "pim-alerts-state-"));
