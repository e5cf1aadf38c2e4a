/**
 * pulumi-pim-alerts: Azure PIM security-alert policy as code.
 *
 * @packageDocumentation
 */
export { AlertConfiguration } from "./resources/alertConfiguration";
export type {
    AlertConfigurationArgs,
    AlertConfigurationCommonArgs,
    ArmAlertThresholds,
    TooManyOwnersThresholds,
    TooManyPermanentOwnersThresholds,
} from "./resources/alertConfiguration";
export { AlertDismissal } from "./resources/alertDismissal";
export type { AlertDismissalArgs } from "./resources/alertDismissal";
export { ARM_ALERT_IDS } from "./arm/catalog";
export type { ArmAlertId } from "./arm/catalog";
export type { CloudName } from "./auth/clouds";
export { AzureApiError, isAzureApiError, NetworkError, PimAlertsError, UnexpectedResponseError } from "./http/errors";
export type { AzureApiErrorDetails } from "./http/errors";
