/**
 * Pure state logic of DirectoryAlertConfiguration: which properties a program manages, what changed
 * (durations by meaning), and the outputs recorded in Pulumi state. No I/O here.
 *
 * A duration Graph returns in another spelling than the program's (`PT720H` for `P30D`) is recorded
 * in the program's spelling, so that neither diff nor refresh ever shows a change that is not one.
 */
import { alertsWithSetting, directoryManagedPropertyNames, type DirectoryAlertId } from "../../graph/catalog";
import { sameDuration } from "../../graph/duration";
import type { DirectoryConfiguration, DirectoryValues } from "../../graph/payload";
import {
    changedDeclarations,
    liveDeclaredInputs,
    type DeclaredValue,
    type Management,
    type SameValue,
} from "../common/declaredState";

/** The outputs of a DirectoryAlertConfiguration, i.e. everything Pulumi stores for it. */
export interface DirectoryAlertConfigurationOutputs {
    readonly alertId: DirectoryAlertId;
    /** The tenant whose directory roles the alert watches. */
    readonly tenantId: string;
    readonly onDelete: string;
    /** Graph's type of the configuration, e.g. `#microsoft.graph.staleSignInAlertConfiguration`. */
    readonly odataType: string;
    /** The properties the program declares, hence manages. Nothing else is written or compared. */
    readonly declaredProperties: string[];
    /** The values Graph held when this resource adopted the configuration, in Graph's spelling (for onDelete "restore"). */
    readonly initialProperties: Record<string, DeclaredValue>;
    /** Live values: `isEnabled` and the alert's settings, as last read from Graph. */
    readonly [liveValue: string]: unknown;
}

/** True for the settings whose values are ISO-8601 durations. */
export function isDurationProperty(property: string): boolean {
    return alertsWithSetting(property).some((spec) => spec.settings[property]?.kind === "duration");
}

/** Durations are the same when they mean the same length; every other value when it is equal. */
export const sameDirectoryValue: SameValue = (property, a, b) =>
    isDurationProperty(property) ? sameDuration(a, b) : a === b;

/** The managed values a program declares, in the catalog's order. */
export function declaredDirectoryValues(
    alertId: DirectoryAlertId,
    inputs: Readonly<Record<string, unknown>>,
): Record<string, DeclaredValue> {
    const out: Record<string, DeclaredValue> = {};
    for (const name of directoryManagedPropertyNames(alertId)) {
        const value = inputs[name];
        if (typeof value === "boolean" || typeof value === "number" || typeof value === "string") out[name] = value;
    }
    return out;
}

/** Live values, each duration that means the same as `spelling[name]` written as it is there. */
export function inSpelling(
    values: DirectoryValues,
    spelling: Readonly<Record<string, unknown>>,
): Record<string, DeclaredValue> {
    const out: Record<string, DeclaredValue> = { ...values };
    for (const [name, live] of Object.entries(values)) {
        const spelled = spelling[name];
        if (typeof spelled === "string" && isDurationProperty(name) && sameDuration(live, spelled)) out[name] = spelled;
    }
    return out;
}

/** The state to record after reading `live`; `spelling` holds the program's (or the last recorded) values. */
export function directoryConfigurationOutputs(
    live: DirectoryConfiguration,
    tenantId: string,
    management: Management,
    initialProperties: Record<string, DeclaredValue>,
    spelling: Readonly<Record<string, unknown>>,
): DirectoryAlertConfigurationOutputs {
    return {
        alertId: live.alertId,
        tenantId,
        onDelete: management.onDelete,
        odataType: live.odataType,
        declaredProperties: management.declaredProperties,
        initialProperties,
        ...inSpelling(live.values, spelling),
    };
}

/** What `diff` reports: a new alert replaces; otherwise the managed keys that changed (durations by meaning). */
export function diffDirectoryConfiguration(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): { changes: boolean; replaces: string[]; changed: string[] } {
    if (olds["alertId"] !== news["alertId"]) return { changes: true, replaces: ["alertId"], changed: ["alertId"] };
    const changed = changedDeclarations(
        olds,
        news,
        declaredDirectoryValues(news["alertId"] as DirectoryAlertId, news),
        sameDirectoryValue,
    );
    return { changes: changed.length > 0, replaces: [], changed };
}

/** The inputs `read` reports: the declared properties with their live values, so refresh shows drift. */
export function refreshedDirectoryInputs(
    outputs: DirectoryAlertConfigurationOutputs,
    oldInputs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
    return {
        alertId: outputs.alertId,
        onDelete: outputs.onDelete,
        ...liveDeclaredInputs(outputs.declaredProperties, outputs, oldInputs),
    };
}
