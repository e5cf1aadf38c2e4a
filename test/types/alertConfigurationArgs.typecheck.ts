// Compile-time tests of the typed Args: checked by `npm run typecheck` (part of `npm test`).
// Each @ts-expect-error line must be an error, or tsc fails.
import type * as pulumi from "@pulumi/pulumi";
import { AlertConfiguration, AlertDismissal } from "../../src";

const scope = "/subscriptions/00000000-0000-0000-0000-000000000000";

export function declarations(fromConfig: string, fromOutput: pulumi.Output<string>): void {
    new AlertConfiguration("owners", { scope, alertId: "TooManyOwnersAssignedToResource", isEnabled: true, thresholdNumberOfOwners: 3 });
    new AlertConfiguration("permanent", { scope, alertId: "TooManyPermanentOwnersAssignedToResource", thresholdNumberOfPermanentOwners: 2 });
    new AlertConfiguration("dup", { scope, alertId: "DuplicateRoleCreated", isEnabled: false });
    // A threshold on the wrong alert, with a literal alert id, does not compile.
    // @ts-expect-error thresholdNumberOfOwners is not a threshold of DuplicateRoleCreated
    new AlertConfiguration("wrong", { scope, alertId: "DuplicateRoleCreated", thresholdNumberOfOwners: 3 });
    // @ts-expect-error thresholdNumberOfOwners belongs to TooManyOwnersAssignedToResource
    new AlertConfiguration("wrong2", { scope, alertId: "TooManyPermanentOwnersAssignedToResource", thresholdNumberOfOwners: 3 });
    // @ts-expect-error an unknown literal alert id does not compile
    new AlertConfiguration("unknown", { scope, alertId: "TooManyOwners" });
    // @ts-expect-error thresholds are numbers
    new AlertConfiguration("string", { scope, alertId: "TooManyOwnersAssignedToResource", thresholdNumberOfOwners: "3" });
    // An alert id known only at run time compiles with any threshold; check rejects the wrong ones.
    new AlertConfiguration("dynamic", { scope, alertId: fromConfig, thresholdNumberOfOwners: 3 });
    new AlertConfiguration("output", { scope: fromOutput, alertId: fromOutput, thresholdNumberOfPermanentOwners: 3 });
    new AlertDismissal("dismiss", { scope, alertId: "DuplicateRoleCreated" });
    // @ts-expect-error onDelete of a dismissal is retain or reactivate
    new AlertDismissal("dismiss2", { scope, alertId: "DuplicateRoleCreated", onDelete: "restore" });
}
