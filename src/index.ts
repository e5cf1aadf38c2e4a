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
export {
    AdoptionJournalError,
    AuthenticationError,
    AzureApiError,
    ConfigurationError,
    ExportRefusedError,
    InsecureConnectionError,
    InvalidArgumentError,
    isAdoptionJournalError,
    isAuthenticationError,
    isAzureApiError,
    isConfigurationError,
    isExportRefusedError,
    isInsecureConnectionError,
    isInvalidArgumentError,
    isNetworkError,
    isOperationFailedError,
    isOperationTimeoutError,
    isPartialFailureError,
    isPimAlertsError,
    isTenantIdError,
    isUnexpectedResponseError,
    isUsageError,
    NetworkError,
    OperationFailedError,
    OperationTimeoutError,
    PartialFailureError,
    PimAlertsError,
    TenantIdError,
    UnexpectedResponseError,
    UsageError,
} from "./errors";
export type { AzureApiErrorDetails } from "./errors";
export { DirectoryAlertConfiguration } from "./resources/directoryAlertConfiguration";
export type {
    DirectoryAlertConfigurationArgs,
    DirectoryAlertConfigurationCommonArgs,
    DirectoryAlertSettings,
    RedundantAssignmentSettings,
    SequentialActivationRenewalsSettings,
    StaleSignInSettings,
    TooManyGlobalAdminsSettings,
} from "./resources/directoryAlertConfiguration";
export { DirectoryAlertDismissal } from "./resources/directoryAlertDismissal";
export type { DirectoryAlertDismissalArgs } from "./resources/directoryAlertDismissal";
export { DIRECTORY_ALERT_IDS } from "./graph/catalog";
export type { DirectoryAlertId } from "./graph/catalog";
export * from "./functions";
