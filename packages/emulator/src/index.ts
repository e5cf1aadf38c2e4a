/**
 * Local emulator of the Azure PIM security-alerts APIs, for tests, demos and the testing kit.
 * @packageDocumentation
 */
export { startEmulator } from "./emulator";
export type { Emulator } from "./emulator";
export type { EmulatorOptions } from "./options";
export { EmulatorAdmin } from "./admin/adminApi";
export type { AdminTokenRequest, OperationBehaviour } from "./admin/adminApi";
export type { ArmAlertSnapshot, DefinitionFlags } from "./admin/adminApi";
export { EmulatorAdminError, isEmulatorAdminError } from "./admin/adminApi";
export type { FaultSpec, FaultBody, FaultTarget, ActiveFault } from "./faults/faultRules";
export type { RequestLogEntry, RequestApi } from "./log/requestLog";
export type { RegisteredClient } from "./auth/registeredClients";
export { DEFAULT_TENANT_ID, MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_OBJECT_ID } from "./auth/principals";
export { ARM_API_VERSION } from "./arm/armCall";
export { ARM_ERROR_CODES } from "./arm/armErrors";
export { MSI_TOKEN_PATH } from "./auth/msiEndpoint";
export { GraphAdmin } from "./admin/adminApi";
export type { GraphAlertSnapshot } from "./admin/adminApi";
export { GRAPH_ERROR_CODES } from "./graph/errors";
export { REQUIRED_GRAPH_FILTER } from "./graph/query";
