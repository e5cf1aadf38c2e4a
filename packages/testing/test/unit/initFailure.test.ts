import type * as grpcJs from "@grpc/grpc-js";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import { createRequire } from "module";
import * as path from "path";
import { initFailureReader } from "../../src/host/initFailure";
import { ProviderCallError } from "../../src/errors";

const load = createRequire(__filename);
const pulumiDir = path.dirname(load.resolve("@pulumi/pulumi/package.json"));
const grpc = load(load.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as typeof grpcJs;
const provproto = load("@pulumi/pulumi/proto/provider_pb") as typeof providerPb;
const statusproto = load("@pulumi/pulumi/proto/status_pb") as {
    Status: new () => {
        setCode(c: number): void;
        setMessage(m: string): void;
        addDetails(a: unknown): void;
        serializeBinary(): Uint8Array;
    };
};
const anyproto = load(load.resolve("google-protobuf/google/protobuf/any_pb", { paths: [pulumiDir] })) as {
    Any: new () => { pack(bytes: Uint8Array, name: string): void };
};
const structproto = load(load.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] })) as {
    Struct: { fromJavaScript(v: unknown): unknown };
};

/** The trailer exactly as @pulumi/pulumi's dynamic-provider host builds it (grpcResponseFromError). */
function hostMetadata(id: string, properties: Record<string, unknown>, reasons: string[]) {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(id);
    detail.setProperties(structproto.Struct.fromJavaScript(properties) as never);
    detail.setReasonsList(reasons);
    const any = new anyproto.Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(2);
    status.setMessage("updated ..., then: GET failed");
    status.addDetails(any);
    const metadata = new grpc.Metadata();
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    return metadata;
}

const read = initFailureReader(pulumiDir, load);

test("reads id, properties and reasons of ErrorResourceInitFailed from the host's trailer", () => {
    const metadata = hostMetadata(
        "/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlertConfigurations/A",
        { thresholdNumberOfOwners: 2, isEnabled: true },
        ["GET failed with 500"],
    );
    expect(read(metadata)).toEqual({
        id: "/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlertConfigurations/A",
        properties: { thresholdNumberOfOwners: 2, isEnabled: true },
        reasons: ["GET failed with 500"],
    });
});

test("an ordinary error (no trailer, other metadata, no metadata) has none", () => {
    expect(read(new grpc.Metadata())).toBeUndefined();
    const other = new grpc.Metadata();
    other.add("x-other", "1");
    expect(read(other)).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
    expect(read({ get: () => "not a list" })).toBeUndefined();
});

test("ProviderCallError carries it for the engine (runner) to keep the resource", () => {
    const failure = { id: "i", properties: { a: 1 }, reasons: ["r"] };
    expect(new ProviderCallError("update", 2, "boom", failure).initFailure).toEqual(failure);
    expect(new ProviderCallError("update", 2, "boom").initFailure).toBeUndefined();
});
