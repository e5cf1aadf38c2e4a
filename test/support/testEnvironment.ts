// jest setupFiles: where the README's testing-kit example finds "your Pulumi project".
import { POLICY_PROGRAM_DIR } from "./policyProgram";

process.env["POLICY_PROGRAM_DIR"] = POLICY_PROGRAM_DIR;
