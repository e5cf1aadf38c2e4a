/**
 * The `--help` text of `pim-alerts` and of each command.
 */

const SETTINGS = `Settings (the same as the Pulumi provider's, from the environment):
  PIM_ALERTS_CLOUD            AzureCloud (default), AzureChinaCloud or AzureUSGovernment
  PIM_ALERTS_ARM_ENDPOINT     Azure Resource Manager URL (default: the cloud's)
  PIM_ALERTS_GRAPH_ENDPOINT   Microsoft Graph beta URL (default: the cloud's)
  PIM_ALERTS_AUTHORITY_HOST   Microsoft Entra authority (also AZURE_AUTHORITY_HOST)
  PIM_ALERTS_TENANT_ID        tenant (also ARM_TENANT_ID); the directory's tenant when a GUID
  PIM_ALERTS_CLIENT_ID        app or managed identity client id (also ARM_CLIENT_ID)
  PIM_ALERTS_CLIENT_SECRET    client secret (also ARM_CLIENT_SECRET); else DefaultAzureCredential
                              (az login, AZURE_* variables, workload or managed identity)
  PIM_ALERTS_TIMEOUT_SECONDS  per-request timeout, 1-600 (default 30)
  NO_COLOR                    set to anything to turn colours off`;

const EXIT_CODES = `Exit codes:
  0  done
  1  failed: Azure or Graph answered an error, sign-in failed, a file could not be written
  2  usage error: unknown command or option, missing or invalid --scope, --out file exists
  3, 4, 5  review --fail-on: the policy is weakened, drift found, another PIM change (see review --help)`;

const REVIEW_EXIT_CODES = `Exit codes:
  0  reviewed, and nothing --fail-on names was found (always, with --fail-on never)
  1  failed: the input cannot be read or is not a \`pulumi preview --json\` document (one line says why)
  2  usage error: unknown option, no FILE, a --format or --fail-on value that does not exist
  3  --fail-on weakening or any: a change weakens the policy, or its effect is unknown
  4  --fail-on drift or any: drift found (and, with any, no change weakens the policy)
  5  --fail-on any: other PIM alert changes (strengthening or neutral), no weakening, no drift
Codes 3-5 differ from 1 so a pipeline can tell "ask for an approval" from "the review failed".`;

const SCOPES = `Scopes:
  --scope <scope>   an ARM scope: /subscriptions/<id>, .../resourceGroups/<name>, a resource id,
                    or /providers/Microsoft.Management/managementGroups/<id>; repeatable.
                    --scope directory is the same as --directory.
  --directory       the Entra directory roles of the signed-in tenant (Microsoft Graph beta)`;

/** Help of each command, and of the tool itself under "". */
export const HELP: Readonly<Record<string, string>> = {
    "": `pim-alerts: Azure PIM security alerts from the command line

Usage:
  pim-alerts export --scope <scope> [--scope ...] [--directory] [--out file.ts] [--append | --force]
  pim-alerts status --scope <scope> [--scope ...] [--directory] [--json]
  pim-alerts review <FILE | -> [--format text|markdown|json] [--fail-on weakening|drift|any|never]
  pim-alerts <command> --help
  pim-alerts --version

Commands:
  export   write a Pulumi program (TypeScript) that declares today's alert configurations
  status   show the alerts of scopes: severity, active, incidents, last scan
  review   say which changes of a \`pulumi preview --json\` weaken the alert policy, and what drifted

${SETTINGS}

${EXIT_CODES}
`,
    export: `pim-alerts export: adopt today's PIM alert policy as code

Reads the live alert configurations and alerts of each scope and writes a TypeScript Pulumi program
with one resource per configuration (pim.AlertConfiguration for an ARM scope,
pim.DirectoryAlertConfiguration for the directory) that declares every current value, and one per
dismissed alert (inactive while it has incidents: pim.AlertDismissal, pim.DirectoryAlertDismissal).
The first \`pulumi up\` of that program adopts them without changing anything in Azure; after it,
\`pulumi preview\` shows no changes. Resource names are stable and readable (<scope>-<alert>, e.g.
sub-0b1c2d3e-too-many-owners-assigned-to-resource, mg-platform-duplicate-role-created,
directory-stale-sign-in, sub-0b1c2d3e-duplicate-role-created-dismissal), so exporting again gives the
same program. Two scopes that would share a name (subscriptions whose ids start alike, resource groups
app and rg-app) each get a suffix derived from the scope (sub-0b1c2d3e-5f2a9c-...), whatever the order.

Every value written is checked first (an ARM scope, a Graph id DirectoryRole_<tenant GUID>_<alert>, a
known alert id, a number, an ISO-8601 duration) and written as a plain-ASCII literal: a value that does
not fit fails its scope, and nothing is written.

Usage:
  pim-alerts export --scope <scope> [--scope ...] [--directory] [--out file.ts] [--append | --force]

${SCOPES}

Output:
  --out, -o <file>  write the program to this file (default: standard output)
  --append          add to --out: what the file already declares (same class, scope and alert, whatever
                    its name) is skipped, the import is written only when the file has none
  --force           overwrite --out when it exists (without --append or --force, an existing file
                    is a usage error and nothing is written)

If any scope cannot be read or exported, nothing is written and the exit code is 1.

${EXIT_CODES}
`,
    status: `pim-alerts status: the PIM alerts of scopes

Prints one row per alert: scope, alert, severity, whether it is active, its incident count and its
last scan, coloured on a terminal (plain when piped or with NO_COLOR). While many scopes are read,
a progress line is shown on standard error when it is a terminal.

Usage:
  pim-alerts status --scope <scope> [--scope ...] [--directory] [--json]

${SCOPES}

Output:
  --json            print JSON instead: {"scopes":[{"scope","alerts":[{id, alertId, displayName,
                    severity, isActive, incidentCount, lastScannedDateTime, lastModifiedDateTime}]}
                    or {"scope","error"}]}

A scope that cannot be read is reported (on standard error, or as "error" in JSON) and makes the
exit code 1; the other scopes are still shown.

${EXIT_CODES}
`,
    review: `pim-alerts review: which changes of a preview weaken the PIM alert policy

Reads the JSON document \`pulumi preview --json\` prints (with or without --refresh) and reports, per
resource of this package (AlertConfiguration, AlertDismissal and their Directory counterparts,
whatever their parents) and per setting, the value before and after and its effect on the alert
policy: weakens, strengthens, neutral or unknown, with a one-line reason. With --refresh, what Azure
holds now differs from the last \`pulumi up\`: that is reported as drift, apart from the changes the
update will make. Secret and not-yet-known values are "unknown", never guessed. Needs no Azure
settings and makes no request.

Usage:
  pulumi preview --json > preview.json && pim-alerts review preview.json
  pulumi preview --refresh --json | pim-alerts review - --fail-on drift

Input:
  FILE              the preview document (at most 64 MiB; UTF-8, or UTF-16 with a byte order mark)
  -                 read it from standard input

Output:
  --format, -f <f>  text (default; coloured on a terminal, never with NO_COLOR), markdown (a pull-
                    request comment, first line <!-- pim-alerts-review --> to find and update it),
                    or json: {"version":1,"summary":{"weakens","strengthens","neutral","unknown",
                    "drift"},"findings":[{urn, name, type, scope, alertId, property, before, after,
                    effect, kind, reason, op}],"steps","pimSteps"} (property "(resource)" for a
                    whole resource; kind "change" or "drift"; summary counts changes by effect and
                    drift apart)
  --fail-on <what>  weakening, drift, any or never (default): exit non-zero when found, after
                    printing the review (a line on standard error says why)

A preview with no steps of this package's resources prints "Nothing here concerns PIM alerts" and
exits 0.

${REVIEW_EXIT_CODES}
`,
};
