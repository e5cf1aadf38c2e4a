/**
 * Pure state logic of AlertConfiguration: which properties a program manages, what changed,
 * and the outputs recorded in Pulumi state. No I/O here.
 */
import { managedPropertyNames, type ArmAlertId } from "../../arm/catalog";
import { identityReplaces } from "./resourceIdentity";
import type { ArmConfiguration } from "../../arm/payload";
import {
    changedDeclarations,
    liveDeclaredInputs,
    managementOf as managementOfDeclared,
    type Management,
} from "../common/declaredState";

export { managementFromState, valuesToWrite, type Management } from "../common/declaredState";

/** The outputs of an AlertConfiguration, i.e. everything Pulumi stores for it. */
export interface AlertConfigurationOutputs {
    readonly scope: string;
    readonly alertId: ArmAlertId;
    readonly onDelete: string;
    readonly alertConfigurationType: string;
    /** The properties the program declares, hence manages. Nothing else is written or compared. */
    readonly declaredProperties: string[];
    /** The values Azure held when this resource adopted the configuration (used by onDelete "restore"). */
    readonly initialProperties: Record<string, boolean | number>;
    /** Live values: `isEnabled` and the alert's thresholds, as last read from Azure. */
    readonly [liveValue: string]: unknown;
}

/** The managed values a program declares, in the catalog's order. */
export function declaredValues(
    alertId: ArmAlertId,
    inputs: Readonly<Record<string, unknown>>,
): Record<string, boolean | number> {
    const out: Record<string, boolean | number> = {};
    for (const name of managedPropertyNames(alertId)) {
        const value = inputs[name];
        if (typeof value === "boolean" || typeof value === "number") out[name] = value;
    }
    return out;
}

/** The management facts of a program's inputs. */
export function managementOf(alertId: ArmAlertId, inputs: Readonly<Record<string, unknown>>): Management {
    return managementOfDeclared(inputs, Object.keys(declaredValues(alertId, inputs)));
}

/** The state to record after reading `live`. */
export function configurationOutputs(
    live: ArmConfiguration,
    scope: string,
    management: Management,
    initialProperties: Record<string, boolean | number>,
): AlertConfigurationOutputs {
    return {
        scope,
        alertId: live.alertId,
        onDelete: management.onDelete,
        alertConfigurationType: live.alertConfigurationType,
        declaredProperties: management.declaredProperties,
        initialProperties,
        ...live.values,
    };
}

/** What `diff` reports: replacements for identity changes, otherwise the changed managed keys. */
export function diffConfiguration(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): { changes: boolean; replaces: string[]; changed: string[] } {
    const replaces = identityReplaces(olds, news);
    if (replaces.length > 0) return { changes: true, replaces, changed: replaces };

    // A property the program stops declaring is no longer managed: that is recorded (no write happens).
    const changed = changedDeclarations(olds, news, declaredValues(news["alertId"] as ArmAlertId, news));
    return { changes: changed.length > 0, replaces, changed };
}

/** The inputs `read` reports: the declared properties with their live values, so refresh shows drift. */
export function refreshedInputs(
    outputs: AlertConfigurationOutputs,
    oldInputs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
    return {
        scope: outputs.scope,
        alertId: outputs.alertId,
        onDelete: outputs.onDelete,
        ...liveDeclaredInputs(outputs.declaredProperties, outputs, oldInputs),
    };
}
