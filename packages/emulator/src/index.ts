/**
 * Local emulator of the Azure PIM security-alerts APIs, for tests, demos and the testing kit.
 * @packageDocumentation
 */
export { startEmulator } from "./emulator";
export type { Emulator } from "./emulator";
export type { EmulatorOptions } from "./options";
export { EmulatorAdmin } from "./admin/adminApi";
export type { AdminTokenRequest, OperationBehaviour } from "./admin/adminApi";
export type { ArmAlertSnapshot, DefinitionFlags } from "./admin/alertAdmin";
export { EmulatorAdminError, isEmulatorAdminError } from "./admin/adminInput";
export type { FaultSpec, FaultBody, FaultTarget, ActiveFault } from "./faults/faultRules";
export type { RequestLogEntry, RequestApi } from "./log/requestLog";
export type { RegisteredClient } from "./auth/principals";
export { DEFAULT_TENANT_ID, MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_OBJECT_ID } from "./auth/principals";
export { ARM_API_VERSION } from "./arm/catalog";
export { ARM_ERROR_CODES } from "./arm/errors";
export { MSI_TOKEN_PATH } from "./auth/tokenEndpoints";
export { GraphAdmin } from "./admin/alertAdmin";
export type { GraphAlertSnapshot } from "./admin/alertAdmin";
export { GRAPH_ERROR_CODES } from "./graph/errors";
export { REQUIRED_GRAPH_FILTER } from "./graph/query";
