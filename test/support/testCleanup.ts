// jest setupFilesAfterEnv: removes this test file's adoption-journal directory (made by
// testEnvironment.ts) when the file is done, so runs leave nothing under the temp directory.
import * as fs from "node:fs";

afterAll(() => {
    const dir = process.env["PIM_ALERTS_STATE_DIR"];
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
});
