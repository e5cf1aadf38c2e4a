import type { FaultSpec } from "../faults/faultRules";
import { AdminInput, definedFields } from "./adminInput";

/**
 * Reads a {@link FaultSpec} from an admin request body, rejecting unknown fields and wrong types.
 * @param input - The parsed admin body.
 */
export function faultSpecFrom(input: AdminInput): FaultSpec {
  input.only(["method", "pathIncludes", "status", "retryAfterSeconds", "times", "latencyMs", "body", "resetConnection", "hang", "target"]);
  return definedFields({
    method: input.optionalString("method"),
    pathIncludes: input.optionalString("pathIncludes"),
    status: input.optionalNumber("status"),
    retryAfterSeconds: input.optionalNumber("retryAfterSeconds"),
    times: input.optionalNumber("times"),
    latencyMs: input.optionalNumber("latencyMs"),
    body: input.optionalOneOf("body", ["cloudError", "html", "malformedJson", "emptyProperties"] as const),
    resetConnection: input.optionalBoolean("resetConnection"),
    hang: input.optionalBoolean("hang"),
    target: input.optionalOneOf("target", ["api", "token", "any"] as const),
  });
}
