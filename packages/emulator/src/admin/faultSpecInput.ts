import type { FaultSpec } from "../faults/faultRules";
import { EmulatorAdminError } from "./adminError";
import { AdminInput, definedFields } from "./adminInput";

/**
 * Reads a {@link FaultSpec} from an admin request body, rejecting unknown fields and wrong types.
 * @param input - The parsed admin body.
 */
export function faultSpecFrom(input: AdminInput): FaultSpec {
    input.only([
        "method",
        "pathIncludes",
        "status",
        "retryAfterSeconds",
        "times",
        "latencyMs",
        "body",
        "resetConnection",
        "hang",
        "target",
        "probability",
        "seed",
        "after",
        "afterHandling",
    ]);
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
        probability: input.optionalNumber("probability"),
        seed: input.optionalNumber("seed"),
        after: input.optionalNumber("after"),
        afterHandling: input.optionalBoolean("afterHandling"),
    });
}

/**
 * Rejects a fault spec whose numbers make no sense (for the in-process admin API and HTTP alike).
 * @param spec - The spec to inject.
 */
export function checkFaultSpec(spec: FaultSpec): FaultSpec {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
        throw new EmulatorAdminError(`probability must be a number from 0 to 1, got ${spec.probability}.`);
    }
    if (spec.after !== undefined && !(Number.isInteger(spec.after) && spec.after >= 0)) {
        throw new EmulatorAdminError(`after must be an integer >= 0, got ${spec.after}.`);
    }
    return spec;
}
