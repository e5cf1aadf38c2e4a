import { armDateTime } from "../core/time";
import type { ArmScope } from "./scope";
import type { ArmScopeState } from "./scopeStore";

/** What an ARM refresh operation covers. */
export interface ArmRefreshInfo {
    readonly scope: ArmScope;
    /** `one` for `roleManagementAlerts/{id}/refresh`, `all` for `roleManagementAlerts/refresh`. */
    readonly target: "one" | "all";
    readonly alertIds: readonly string[];
}

/**
 * The effect of a successful refresh: every enabled alert it covers is rescanned
 * (`lastScannedDateTime` = now) and becomes active again when it has incidents, which re-activates
 * dismissed alerts. Alerts whose configuration has `isEnabled: false` are not scanned.
 * @param state - The scope's state.
 * @param alertIds - Canonical ids of the alerts refreshed.
 * @param now - Completion time.
 */
export function applyArmRefresh(state: ArmScopeState, alertIds: readonly string[], now: Date): void {
    for (const alertId of alertIds) {
        const status = state.alerts.get(alertId);
        if (status === undefined || state.configurations.get(alertId)?.["isEnabled"] === false) continue;
        const isActive = (state.incidents.get(alertId)?.length ?? 0) > 0;
        if (status.isActive !== isActive) status.lastModifiedDateTime = armDateTime(now);
        status.isActive = isActive;
        status.lastScannedDateTime = armDateTime(now);
    }
}
